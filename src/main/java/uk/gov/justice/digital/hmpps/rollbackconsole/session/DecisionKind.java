package uk.gov.justice.digital.hmpps.rollbackconsole.session;

/** What a user decision in the journal was about; the free text says the rest in the user's words. */
public enum DecisionKind {
    /** A remark for the record; changes nothing. */
    NOTE,
    /** Go on although the console warned (a count that looks wrong, production, a pod about to be replaced). */
    CONTINUE_DESPITE_WARNING,
    /** Send again a batch whose outcome is unknown: the user has checked the pod's log and it never ran. */
    RESEND_BATCH,
    /** Do not send a batch (or not again); it stays as it is recorded. */
    SKIP_BATCH,
    /** Stop the rollback here. */
    STOP
}
