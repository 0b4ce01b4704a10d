package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import java.nio.file.Path;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Once the after statistics are taken: did the daily needs-attention job run while the recluster did? Read with the
 * one cluster target over the recluster window the journal records, and journalled for the report. Nothing is read
 * without a target or a window (a file sent from another machine).
 */
final class NeedsAttentionDuringRun {

    private NeedsAttentionDuringRun() {
    }

    static void read(WizardSession session, TaskRunner tasks) {
        Optional<IncidentRecorder> recorder = session.incident();
        Optional<JournalEntry.ClusterTargetSet> target = session.clusterTarget().entry();
        if (recorder.isEmpty() || target.isEmpty()) {
            return;
        }
        JournalEntry.ClusterTargetSet t = target.get();
        tasks.run(() -> {
            Optional<IncidentState.RunWindow> window = recorder.get().state().reclusterWindow();
            if (window.isEmpty()) {
                return Optional.<NeedsAttentionRuns.Finding>empty();
            }
            try (Kubectl k = new Kubectl(Path.of(t.kubectl()), t.context(), t.namespace())) {
                return Optional.of(NeedsAttentionRuns.during(k, window.get().from(), window.get().to()));
            }
        }, finding -> finding.ifPresent(f -> session.record(JournalEntry.NeedsAttentionJobSeen.of(f))),
                e -> session.statusProperty().set("Whether the needs-attention job ran during the recluster could not"
                        + " be read: " + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
    }
}
