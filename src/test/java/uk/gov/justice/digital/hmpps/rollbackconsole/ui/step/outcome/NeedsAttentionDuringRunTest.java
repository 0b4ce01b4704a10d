package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;

/**
 * The Outcome step asks the cluster, through the one cluster target, whether the needs-attention job ran during the
 * recluster window the journal records (simulated kubectl as a real subprocess), and journals the answer.
 */
class NeedsAttentionDuringRunTest {

    @TempDir
    Path dir;
    private IncidentRecorder recorder;
    private WizardSession session;
    private final List<String> failures = new ArrayList<>();

    @BeforeEach
    void aRunInTheJournal() throws Exception {
        recorder = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"),
                new StepClock(Instant.parse("2025-06-10T12:40:00Z"), Duration.ofMinutes(5))), "test", failures::add);
        session = new WizardSession(recorder);
        recorder.start(Environment.PREPROD);
        RecordKey key = new RecordKey(SourceSystem.NOMIS, "A1");
        recorder.record(new JournalEntry.BatchSending(1, key, key, 1));
        recorder.record(new JournalEntry.BatchAnswered(1, 200, "accepted"));
        recorder.record(new JournalEntry.LogMilestone(1, "Complete."));
        recorder.record(new JournalEntry.RunCounted(1, 1, 0, 0));
        recorder.flush();
    }

    @AfterEach
    void close() {
        session.close();
        assertThat(failures).isEmpty();
    }

    @Test
    void aJobRunInsideTheWindowIsJournalledForTheReport() throws Exception {
        IncidentState.RunWindow window = recorder.state().reclusterWindow().orElseThrow();
        Instant middle = window.from().plus(Duration.between(window.from(), window.to()).dividedBy(2));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .needsAttentionJob("0 13 * * 1-5", middle).needsAttentionJobRun(middle, middle.plusSeconds(5), false);
        session.clusterTarget().set(cluster.executable().toString(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE);

        NeedsAttentionDuringRun.read(session, new DirectTaskRunner());
        recorder.flush();

        JournalEntry.NeedsAttentionJobSeen seen = recorder.state().needsAttentionJob().orElseThrow();
        assertThat(seen.verdict()).isEqualTo("RAN");
        assertThat(seen.from()).isEqualTo(window.from());
        assertThat(seen.to()).isEqualTo(window.to());
        assertThat(seen.text()).contains("ran during the recluster window");
    }

    @Test
    void withoutAClusterTargetNothingIsRead() throws Exception {
        NeedsAttentionDuringRun.read(session, new DirectTaskRunner());
        recorder.flush();

        assertThat(recorder.state().needsAttentionJob()).isEmpty();
        assertThat(session.statusProperty().get()).isEqualTo("Ready.");
    }
}
