package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Instant;

/**
 * Where an incident journal records each batch: before its request goes (so a crash mid-send still leaves a trace
 * of what may have been sent), after the answer, what the pod's log proved of it, and when the log shows the run
 * complete. The run ({@link ReclusterRun}) is the one place that decides these; a journal only writes them down.
 */
public interface BatchJournal {

    /** Called before the request; if this throws, the batch is not sent. */
    void beforeSend(Batch batch, String pod, Instant at) throws Exception;

    void afterSend(Batch batch, SendOutcome outcome, Instant at);

    void completed(Batch batch, ReclusterProgress progress);

    /** The batch's run ended before Complete (its pod's log ended); {@code progress} is what the log showed. */
    default void ended(Batch batch, ReclusterProgress progress) {
    }

    /**
     * The answer was not a 2xx (or none came), yet the pod's log shows the batch's own {@code Triggered} line: the
     * service took it. {@code evidence} is that line, as logged.
     */
    default void taken(Batch batch, String evidence) {
    }

    /** The answer was not a 2xx and the log showed no Triggered line within the bound: the service refused it. */
    default void refused(Batch batch, String evidence) {
    }

    /**
     * The run stopped in this batch for a reason the log shows (the run died, fell silent) or the forward never
     * came back: {@code provenDone} of its records, from its first, are proven done by the log.
     */
    default void stopped(Batch batch, ReclusterRun.Ending why, int provenDone, String evidence) {
    }

    /** Something the run saw on the pod that is not one of its batches: another run, a forward lost and back. */
    default void observed(String what) {
    }
}
