package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionRuns.Verdict;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;

/**
 * Whether the needs-attention job ran during a recluster window, from its CronJob and the Jobs the chart keeps, read
 * through the simulated kubectl as a real subprocess.
 */
class NeedsAttentionRunsTest {

    private static final Instant THIRTEEN = Instant.parse("2025-06-10T13:00:00Z");

    @TempDir
    Path dir;

    private SimulatedCluster cluster() throws Exception {
        return SimulatedCluster.create(dir.resolve("cluster")).deployment();
    }

    private static NeedsAttentionRuns.Finding during(SimulatedCluster s, String from, String to) throws Exception {
        try (Kubectl k = new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE)) {
            return NeedsAttentionRuns.during(k, Instant.parse(from), Instant.parse(to));
        }
    }

    @Test
    void aRunStartedInsideTheWindowRanDuringIt() throws Exception {
        SimulatedCluster s = cluster().needsAttentionJob("0 13 * * *", THIRTEEN)
                .needsAttentionJobRun(THIRTEEN.minusSeconds(86_400).plusSeconds(4), THIRTEEN.minusSeconds(86_400).plusSeconds(9), false)
                .needsAttentionJobRun(THIRTEEN.plusSeconds(4), THIRTEEN.plusSeconds(9), false);

        NeedsAttentionRuns.Finding f = during(s, "2025-06-10T12:50:00Z", "2025-06-10T13:20:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.RAN);
        assertThat(f.text()).startsWith("hmpps-person-record-recluster-needs-attention-job ran during the recluster window"
                + " 2025-06-10 12:50 UTC (13:50 BST) to 2025-06-10 13:20 UTC (14:20 BST): started 2025-06-10 13:00 UTC (14:00 BST)")
                .contains("the statistics after the recluster moved for it");
    }

    @Test
    void aRunMadeByHandFromTheCronJobCountsThoughTheCronJobDoesNotRecordIt() throws Exception {
        SimulatedCluster s = cluster().needsAttentionJob("0 13 * * 1-5", THIRTEEN.minusSeconds(86_400))
                .needsAttentionJobRun(Instant.parse("2025-06-10T10:12:00Z"), null, true);

        NeedsAttentionRuns.Finding f = during(s, "2025-06-10T10:00:00Z", "2025-06-10T10:30:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.RAN);
        assertThat(f.text()).contains("started 2025-06-10 10:12 UTC (11:12 BST)");
    }

    @Test
    void aRunStartedInTheHourBeforeMayHaveRunDuringIt() throws Exception {
        SimulatedCluster s = cluster().needsAttentionJob("0 13 * * *", THIRTEEN)
                .needsAttentionJobRun(THIRTEEN.plusSeconds(3), THIRTEEN.plusSeconds(8), false);

        NeedsAttentionRuns.Finding f = during(s, "2025-06-10T13:40:00Z", "2025-06-10T14:10:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.MAY_HAVE_RUN);
        assertThat(f.text()).contains("started at 2025-06-10 13:00 UTC (14:00 BST), less than an hour before")
                .contains("goes on with its work after the Job ends");
    }

    @Test
    void noRunDueAndNoneStartedDidNotRun() throws Exception {
        SimulatedCluster s = cluster().needsAttentionJob("0 13 * * *", THIRTEEN)
                .needsAttentionJobRun(THIRTEEN.minusSeconds(86_400).plusSeconds(4), THIRTEEN.minusSeconds(86_400).plusSeconds(9), false)
                .needsAttentionJobRun(THIRTEEN.plusSeconds(4), THIRTEEN.plusSeconds(9), false);

        NeedsAttentionRuns.Finding f = during(s, "2025-06-10T10:00:00Z", "2025-06-10T10:45:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.DID_NOT_RUN);
        assertThat(f.text()).contains("did not run during the recluster window").contains("none was due");
    }

    @Test
    void aRunDueWhenTheClusterNoLongerKeepsOneCannotBeTold() throws Exception {
        // Read four days on: only the last two runs are kept, both after the window.
        SimulatedCluster s = cluster().needsAttentionJob("0 13 * * *", Instant.parse("2025-06-14T13:00:00Z"))
                .needsAttentionJobRun(Instant.parse("2025-06-13T13:00:04Z"), Instant.parse("2025-06-13T13:00:09Z"), false)
                .needsAttentionJobRun(Instant.parse("2025-06-14T13:00:04Z"), Instant.parse("2025-06-14T13:00:09Z"), false);

        NeedsAttentionRuns.Finding f = during(s, "2025-06-10T12:50:00Z", "2025-06-10T13:20:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(f.text()).contains("was due at 2025-06-10 13:00 UTC (14:00 BST)").contains("cannot be told");
    }

    @Test
    void withoutTheCronJobItDidNotRun() throws Exception {
        NeedsAttentionRuns.Finding f = during(cluster(), "2025-06-10T12:50:00Z", "2025-06-10T13:20:00Z");

        assertThat(f.verdict()).isEqualTo(Verdict.DID_NOT_RUN);
        assertThat(f.text()).contains("There is no CronJob");
    }
}
