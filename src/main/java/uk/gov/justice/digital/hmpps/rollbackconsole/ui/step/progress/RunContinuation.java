package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.util.List;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;

/**
 * What the step that started a run can do for it once it has ended part way: it holds kubectl, the port-forwards
 * and the dialogs. Every method is called on the UI thread.
 */
public interface RunContinuation {

    /** The deployment's Running and Ready pods other than {@code except}, read in the background. */
    void otherReadyPods(String except, Consumer<List<String>> found, Consumer<String> failed);

    /**
     * Confirms with the user the pod and the counts, records the decision in the journal, forwards to the pod and
     * sends it the offer's records, followed on that pod's log.
     */
    void resendRest(ReclusterMonitor monitor, ResendOffer offer, String pod);

    /** Asks whether to resend, skip or stop at a batch whose outcome is unknown; records the answer, then acts. */
    void decideUnknown(ReclusterMonitor monitor, ReclusterRun.Unfinished unfinished);
}
