package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.time.Instant;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;

/**
 * One batch as the journal records it.
 *
 * @param first          null for a planned batch never sent
 * @param sendingAt      when the latest attempt was about to be sent; null if never
 * @param httpStatus     the latest attempt's answer; null when there was none
 * @param attempts       how many times a send was started
 * @param resendAllowed  the user decided, after the latest attempt, that it may be sent again
 */
public record BatchState(int index, RecordKey first, RecordKey last, int records, Instant sendingAt,
                         Instant answeredAt, Integer httpStatus, String detail, BatchOutcome outcome, int attempts,
                         boolean resendAllowed) {

    /**
     * Whether the console may send this batch now: never sent, or refused by the service, or of unknown outcome
     * with an explicit decision to send it again. A batch the service took is never sent twice.
     */
    public boolean mayBeSent() {
        return switch (outcome) {
            case NOT_SENT, REJECTED -> true;
            case OUTCOME_UNKNOWN -> resendAllowed;
            case SENT -> false;
        };
    }

    /** Whether it may have reached the service (taken, or perhaps taken): never report such a batch as unsent. */
    public boolean mayHaveRun() {
        return outcome == BatchOutcome.SENT || outcome == BatchOutcome.OUTCOME_UNKNOWN;
    }

    static BatchState planned(int index) {
        return new BatchState(index, null, null, 0, null, null, null, null, BatchOutcome.NOT_SENT, 0, false);
    }

    BatchState sending(JournalEntry.BatchSending e, Instant at) {
        return new BatchState(index, e.first(), e.last(), e.records(), at, null, null, null,
                BatchOutcome.OUTCOME_UNKNOWN, attempts + 1, false);
    }

    BatchState answered(JournalEntry.BatchAnswered e, Instant at) {
        if (attempts == 0) {
            // An answer with no send recorded: keep what it says, it can only make the batch look more sent.
            return new BatchState(index, first, last, records, null, at, e.httpStatus(), e.detail(), e.outcome(), 1,
                    false);
        }
        return new BatchState(index, first, last, records, sendingAt, at, e.httpStatus(), e.detail(), e.outcome(),
                attempts, false);
    }

    /** The pod's log settled what the answer could not: taken (SENT) or, with no Triggered line, refused. */
    BatchState settledByLog(BatchOutcome by) {
        return new BatchState(index, first, last, records, sendingAt, answeredAt, httpStatus, detail, by, attempts,
                false);
    }

    BatchState allowResend() {
        return new BatchState(index, first, last, records, sendingAt, answeredAt, httpStatus, detail, outcome,
                attempts, outcome == BatchOutcome.OUTCOME_UNKNOWN);
    }
}
