package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.util.Collection;
import java.util.Locale;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;

/** What Progress says when a run ends, however it ended, and when the rest of a run is offered to a pod. */
final class RunEndWording {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private RunEndWording() {
    }

    /**
     * @param pod        the pod the run ended on
     * @param podsSentTo every pod the run has sent to, in order
     */
    static Message ended(ReclusterRun.Result r, String pod, ReclusterPlan plan, SentRecord record,
                         Collection<String> podsSentTo, int skippedMerged, int notFound, int batchesComplete) {
        return switch (r.ending()) {
            case COMPLETE -> Message.ok("Complete: all " + COUNT.format(plan.batches()) + " batches, "
                    + COUNT.format(plan.records()) + " records, were upserted and reclustered on "
                    + (podsSentTo.size() > 1 ? "pods " + String.join(" and ", podsSentTo) : "pod " + pod) + ". "
                    + COUNT.format(skippedMerged) + " skipped because they had been merged, "
                    + COUNT.format(notFound) + " not found." + record.notSeen());
            case STOPPED -> Message.warning("Stopped, as asked, after " + COUNT.format(batchesComplete) + " of "
                    + COUNT.format(plan.batches()) + " batches. " + record.notSentFrom(plan));
            case REJECTED -> Message.error("REJECTED: " + r.detail() + ". Nothing after it was sent, and nothing is "
                    + "re-sent automatically. " + record.notSentFrom(plan));
            case OUTCOME_UNKNOWN -> Message.error("OUTCOME UNKNOWN: check the pod's log before deciding; nothing is "
                    + "re-sent automatically. " + r.detail() + " " + record.stoppedAt(plan));
            case LOG_ENDED -> Message.error("THE POD'S LOG ENDED before the run was complete: " + r.detail() + ". "
                    + record.stoppedAt(plan));
            case DIED -> Message.error("THE RUN DIED on pod " + pod + ": " + r.detail() + " " + record.stoppedAt(plan));
            case STALLED -> Message.error("THE RUN STALLED on pod " + pod + ": " + r.detail() + " " + record.stoppedAt(plan));
            case FORWARD_LOST -> Message.error("NOT SENT: " + r.detail() + ". " + record.notSentFrom(plan));
            case FAILED -> Message.error("The run failed: " + r.detail() + ". " + record.stoppedAt(plan));
        };
    }

    /** "THE RUN DIED on pod ... in batch 1 of 3, at recluster item 3/4. Its log proves ... Left: ...". */
    static Message restOffered(String what, ResendOffer o, ReclusterPlan plan) {
        ReclusterRun.Unfinished u = o.unfinished();
        String proven = u.provenDone() == 0 ? "Its log proves none of batch " + u.batch().number() + "'s records done"
                : "Its log proves records " + RunWording.record(u.batch().firstRecord(), u.batch().records().get(0)) + " to "
                + RunWording.record(u.batch().firstRecord() + u.provenDone() - 1, u.batch().records().get(u.provenDone() - 1))
                + " done; they are not sent again";
        ReclusterProgress p = u.lastProgress();
        String where = p != null && p.phase() == Phase.COMPLETE ? "" : ", " + RunWording.where(p);
        return Message.error(what + " in batch " + u.batch().number() + " of "
                + COUNT.format(plan.batches()) + where + ". " + proven + ". Left: " + COUNT.format(o.restRecords())
                + " records of batch " + u.batch().number() + " and " + COUNT.format(o.laterBatches()) + " batches after it ("
                + COUNT.format(o.records()) + " records). Nothing is sent again unless you choose to: send them to "
                + (o.podAlive() ? "this pod or another" : "another pod") + " below.");
    }
}
