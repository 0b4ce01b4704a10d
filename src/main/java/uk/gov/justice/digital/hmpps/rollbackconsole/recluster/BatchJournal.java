package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Instant;

/**
 * Where an incident journal records each batch: before its request goes (so a crash mid-send still leaves a trace
 * of what may have been sent), after the answer, and when the pod's log shows the run complete.
 */
public interface BatchJournal {

    /** Called before the request; if this throws, the batch is not sent. */
    void beforeSend(Batch batch, String pod, Instant at) throws Exception;

    void afterSend(Batch batch, SendOutcome outcome, Instant at);

    void completed(Batch batch, ReclusterProgress progress);

    /** The batch's run ended before Complete (its pod's log ended); {@code progress} is what the log showed. */
    default void ended(Batch batch, ReclusterProgress progress) {
    }
}
