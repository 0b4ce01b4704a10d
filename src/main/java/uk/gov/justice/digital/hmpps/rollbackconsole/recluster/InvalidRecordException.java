package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

/** A record the service would reject, and with it the whole request it travels in. */
public final class InvalidRecordException extends Exception {
    public InvalidRecordException(String message) {
        super(message);
    }
}
