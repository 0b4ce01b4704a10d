package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;

/** The daily needs-attention job, read through the simulated kubectl, weighed against a send's estimated duration. */
class NeedsAttentionJobTest {

    /** Wednesday 11 June 2025. */
    private static final Instant WEDNESDAY_NOON = Instant.parse("2025-06-11T12:00:00Z");
    private static final Instant TUESDAY_RUN = Instant.parse("2025-06-10T13:00:00Z");

    @TempDir
    Path dir;

    private NeedsAttentionJob read(String schedule, Instant lastRun) throws Exception {
        SimulatedCluster s = SimulatedCluster.create(dir).needsAttentionJob(schedule, lastRun);
        try (Kubectl k = new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE)) {
            return k.needsAttentionJob().orElseThrow();
        }
    }

    @Test
    void aRunDueDuringTheSendIsWarnedOfWithWhenInUtcAndUkTime() throws Exception {
        NeedsAttentionJob job = read("0 13 * * 1-5", TUESDAY_RUN);

        assertThat(job.nextRun(WEDNESDAY_NOON)).contains(Instant.parse("2025-06-11T13:00:00Z"));
        // 5,000 records: about 30 minutes at the pace seen in dev, from 12:40.
        Duration estimated = NeedsAttentionJob.estimate(5_000);
        assertThat(estimated).isEqualTo(Duration.ofMinutes(30));
        assertThat(job.overlap(WEDNESDAY_NOON.plus(Duration.ofMinutes(40)), estimated)).hasValueSatisfying(w ->
                assertThat(w).contains("runs next at Wed 11 Jun 13:00 UTC (14:00 BST), within this run's estimated 30 min")
                        .contains("perhaps the one you send to").contains("after Wed 11 Jun 14:00 UTC (15:00 BST)"));
        assertThat(job.overlap(WEDNESDAY_NOON, estimated)).as("done by 12:30").isEmpty();
    }

    @Test
    void devAndPreprodsScheduleSkipsTheWeekendAndProdsDoesNot() throws Exception {
        Instant saturday = Instant.parse("2025-06-14T12:50:00Z");
        assertThat(read("0 13 * * 1-5", TUESDAY_RUN).overlap(saturday, Duration.ofMinutes(30))).isEmpty();
        assertThat(read("0 13 * * *", TUESDAY_RUN).overlap(saturday, Duration.ofMinutes(30))).isPresent();
    }

    @Test
    void aRunStartedLessThanAnHourAgoMayStillBeGoing() throws Exception {
        NeedsAttentionJob job = read("0 13 * * *", Instant.parse("2025-06-11T13:00:00Z"));

        assertThat(job.overlap(Instant.parse("2025-06-11T13:20:00Z"), Duration.ofMinutes(5))).hasValueSatisfying(w ->
                assertThat(w).contains("started at Wed 11 Jun 13:00 UTC (14:00 BST) and may still be running"));
        assertThat(job.overlap(Instant.parse("2025-06-11T14:20:00Z"), Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void aNamespaceWithoutTheJobHasNone() throws Exception {
        SimulatedCluster s = SimulatedCluster.create(dir);
        try (Kubectl k = new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE)) {
            assertThat(k.needsAttentionJob()).isEmpty();
        }
    }
}
