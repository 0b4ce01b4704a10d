package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.LogSettlement;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;

/**
 * On carrying an incident on, before anything is sent, from either front end: each batch taken (or perhaps taken)
 * and never seen complete, ended or decided on is settled from its pinned pod's log ({@link LogSettlement}), and
 * what was found is written to the journal, forced to disk, before the caller goes on.
 */
public final class LogSettling {

    private LogSettling() {
    }

    /** The batches the log is to settle. */
    public static List<BatchState> toSettle(IncidentState state) {
        Set<Integer> settled = new HashSet<>();
        state.settled().forEach(b -> settled.add(b.index()));
        List<BatchState> left = new ArrayList<>();
        for (BatchState b : state.batches()) {
            if (b.mayHaveRun() && !settled.contains(b.index()) && b.sendingAt() != null
                    && state.endedWithProven(b.index()).isEmpty() && !decided(state, b.index())
                    && !read(state, b.index()) && podOf(state, b.index()) != null) {
                left.add(b);
            }
        }
        return left;
    }

    /**
     * Reads each batch's pod's log and journals what it showed.
     *
     * @param said told each finding (and a run still going) in words
     * @return the findings, in batch order
     */
    public static List<LogSettlement.Finding> settle(IncidentState state, Kubectl kubectl,
                                                     ReclusterRun.Settings settings, Clock clock,
                                                     IncidentRecorder incident, Consumer<String> said)
            throws Exception {
        LogSettlement settlement = new LogSettlement(kubectl, settings, clock);
        List<LogSettlement.Finding> found = new ArrayList<>();
        for (BatchState b : toSettle(state)) {
            String pod = podOf(state, b.index());
            LogSettlement.Finding f = settlement.settle(pod, b.index(), b.records(), b.sendingAt(),
                    b.outcome() == BatchOutcome.SENT, said);
            incident.recordNow(new JournalEntry.SettledFromLog(b.index(), pod, f.found().name(), f.provenDone(),
                    f.text()));
            ReclusterProgress p = f.progress();
            if (f.found() == LogSettlement.Found.COMPLETE && p != null) {
                incident.record(new JournalEntry.RunCounted(b.index(), p.records(), p.notFound(), p.skippedMerged()));
            }
            if (p != null && !p.notFoundIds().isEmpty()) {
                incident.record(new JournalEntry.NotFoundIds(b.index(), p.notFoundIds()));
            }
            said.accept("Batch " + b.index() + ": " + f.text() + ".");
            found.add(f);
        }
        try {
            incident.flush();
        } catch (IOException e) {
            throw e;
        }
        return found;
    }

    /** Whether the log already settled the batch's latest send. */
    public static boolean read(IncidentState state, int batch) {
        boolean read = false;
        for (JournalLine line : state.lines()) {
            if (line.entry() instanceof JournalEntry.BatchSending s && s.index() == batch) {
                read = false;
            } else if (line.entry() instanceof JournalEntry.SettledFromLog f && f.batchIndex() == batch) {
                read = true;
            }
        }
        return read;
    }

    /** The pod the batch's latest send went to: the pod chosen last before it; null when the journal names none. */
    public static String podOf(IncidentState state, int batch) {
        String pod = null;
        String atSend = null;
        for (JournalLine line : state.lines()) {
            if (line.entry() instanceof JournalEntry.PodChosen p) {
                pod = p.pod();
            } else if (line.entry() instanceof JournalEntry.SendStarted s) {
                pod = s.pod();
            } else if (line.entry() instanceof JournalEntry.BatchSending s && s.index() == batch) {
                atSend = pod;
            }
        }
        return atSend;
    }

    private static boolean decided(IncidentState state, int batch) {
        return state.decisions().stream().anyMatch(d -> d.batchIndex() != null && d.batchIndex() == batch
                && (d.kind() == DecisionKind.SKIP_BATCH || d.kind() == DecisionKind.RESEND_BATCH));
    }
}
