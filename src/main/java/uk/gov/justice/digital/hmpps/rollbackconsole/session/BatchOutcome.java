package uk.gov.justice.digital.hmpps.rollbackconsole.session;

/** What the journal says became of one batch of POST /admin/recluster. */
public enum BatchOutcome {
    /** Not sent: no request was started for it. */
    NOT_SENT,
    /** The service answered 2xx: it took the batch and started a recluster run. */
    SENT,
    /** The service answered 4xx: it refused the request, so no run started; may be sent again once fixed. */
    REJECTED,
    /**
     * The request was started but no answer was recorded (the console was killed, the connection dropped, or the
     * service answered something other than 2xx/4xx). The run may well have started: never send it again without
     * an explicit decision.
     */
    OUTCOME_UNKNOWN;

    public static BatchOutcome ofStatus(Integer httpStatus) {
        if (httpStatus == null) {
            return OUTCOME_UNKNOWN;
        }
        if (httpStatus >= 200 && httpStatus < 300) {
            return SENT;
        }
        if (httpStatus >= 400 && httpStatus < 500) {
            return REJECTED;
        }
        return OUTCOME_UNKNOWN;
    }
}
