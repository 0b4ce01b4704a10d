package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * After a recluster from the command line: did the daily needs-attention job run while it did? Read from the
 * CronJob's and its Jobs' status over the window the journal records, printed and journalled for the report.
 */
final class NeedsAttentionAfterRun {

    private NeedsAttentionAfterRun() {
    }

    static void journal(Kubectl kubectl, IncidentRecorder incident, PrintStream out, PrintStream err) {
        try {
            Optional<IncidentState.RunWindow> window = incident.state().reclusterWindow();
            if (window.isEmpty()) {
                return;
            }
            NeedsAttentionRuns.Finding f = NeedsAttentionRuns.during(kubectl, window.get().from(), window.get().to());
            incident.record(JournalEntry.NeedsAttentionJobSeen.of(f));
            out.println("Needs-attention job: " + f.text());
        } catch (KubectlException e) {
            err.println("Warning: whether the needs-attention job ran during the recluster could not be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            err.println("Warning: the incident journal could not be read back: " + e.getMessage());
        }
    }
}
