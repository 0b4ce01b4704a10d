package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.Locale;

/** Whether a problem stops the file from being sent. */
public enum Severity {
    /** The service would reject the file (a 400), or the file cannot be trusted: sending is blocked. */
    ERROR,
    /** Worth a look, but the service would take the file as it is. */
    WARNING;

    /** {@code error} or {@code warning}, as compilers print it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
