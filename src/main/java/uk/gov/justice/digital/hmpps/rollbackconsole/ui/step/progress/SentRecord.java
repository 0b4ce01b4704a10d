package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;

/**
 * What the screen knows of the batches sent in one run, on the UI thread: each batch as sent (not its body), its
 * latest reading from the log, and the batches counted as done without being seen; and the sentences that say where
 * a run stopped and which records are not known to be done.
 */
final class SentRecord {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    /** What the screen keeps of a sent batch: not its body, which can be large. */
    record SentBatch(int number, long firstIndex, int size, String first, String last, String pod, java.time.Instant at) {
    }

    private final Map<Integer, SentBatch> sent = new LinkedHashMap<>();
    private final Map<Integer, ReclusterProgress> latest = new HashMap<>();
    // Batches counted as done without this window seeing their run: decided on, or sent before a resume.
    private final List<Integer> decidedDone = new ArrayList<>();
    private int sentBefore;

    void sent(SentBatch s) {
        sent.put(s.number(), s);
    }

    /** The latest reading of each batch, by number. */
    Map<Integer, ReclusterProgress> latest() {
        return latest;
    }

    void decidedDone(int batch) {
        decidedDone.add(batch);
    }

    /** Batches of unknown outcome treated as done, as decided: their run was not seen. */
    List<Integer> decidedDone() {
        return List.copyOf(decidedDone);
    }

    void sentBefore(int batches) {
        sentBefore += batches;
    }

    /** What "complete" counts that this window did not see run. */
    String notSeen() {
        String s = "";
        if (!decidedDone.isEmpty()) {
            s += " Batch" + (decidedDone.size() == 1 ? " " : "es ") + decidedDone.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ", of unknown outcome, "
                    + (decidedDone.size() == 1 ? "was" : "were") + " treated as done, as decided; "
                    + (decidedDone.size() == 1 ? "its" : "their") + " run was not seen in the log.";
        }
        if (sentBefore > 0) {
            s += " " + COUNT.format(sentBefore) + (sentBefore == 1 ? " batch was" : " batches were")
                    + " sent before, as the incident's journal records.";
        }
        return s;
    }

    /** Which batch and item the run had reached, and which records are not known to be done. */
    String stoppedAt(ReclusterPlan plan) {
        SentBatch last = lastSent();
        if (last == null) {
            return "No batch had been sent.";
        }
        ReclusterProgress p = latest.get(last.number());
        String where = RunWording.where(p);
        if (p != null && p.phase() == Phase.COMPLETE) {
            return "It stopped after batch " + last.number() + " (records " + last.first() + " to " + last.last()
                    + ") was complete. " + notSentFrom(plan);
        }
        return "It stopped in batch " + last.number() + " of " + COUNT.format(plan.batches()) + " (records "
                + last.first() + " to " + last.last() + ") " + where + ". Records from #"
                + COUNT.format(last.firstIndex() + 1) + " of the file on are not known to be done.";
    }

    String notSentFrom(ReclusterPlan plan) {
        long next = 0;
        for (SentBatch s : sent.values()) {
            ReclusterProgress p = latest.get(s.number());
            if (p != null && p.isComplete()) {
                next = Math.max(next, s.firstIndex() + s.size());
            }
        }
        if (next >= plan.records()) {
            return "Every record was sent.";
        }
        return "Records from #" + COUNT.format(next + 1) + " of " + COUNT.format(plan.records())
                + " in the file are not known to be done.";
    }

    SentBatch lastSent() {
        SentBatch last = null;
        for (SentBatch s : sent.values()) {
            last = s;
        }
        return last;
    }

}
