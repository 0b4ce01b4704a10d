package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.Objects;

/**
 * One thing wrong with a file, where it is.
 *
 * @param message      what is wrong and, where it helps, what to do; it does not repeat the record number
 * @param line         1-based
 * @param column       1-based, in characters (not bytes), as an editor shows it; a tab counts as one
 * @param recordNumber 1-based position of the record in the list, or 0 when the problem is not about one record
 */
public record Problem(ProblemCode code, String message, long line, long column, long recordNumber) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public Severity severity() {
        return code.severity();
    }

    public boolean aboutRecord() {
        return recordNumber > 0;
    }

    /** {@code LINE:COLUMN: error: message (record N)}; the caller puts the file name in front. */
    public String describe() {
        return line + ":" + column + ": " + severity().label() + ": " + message
                + (aboutRecord() ? " (record " + recordNumber + ")" : "");
    }
}
