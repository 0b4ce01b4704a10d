package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A file with errors cannot be compared: its records cannot be trusted to be what they look like. The message
 * names each such file and its first error; the reports hold the rest.
 */
public final class DiffRefusedException extends Exception {

    private final transient List<ReviewReport> reports;

    DiffRefusedException(List<ReviewReport> withErrors) {
        super(withErrors.stream().map(DiffRefusedException::describe).collect(Collectors.joining(" ")));
        this.reports = List.copyOf(withErrors);
    }

    /** The reviews of the files that have errors, in the order A, B. */
    public List<ReviewReport> reports() {
        return reports;
    }

    static String describe(ReviewReport report) {
        long errors = report.errorCount();
        String first = report.firstError()
                .map(p -> "; the first, at line " + p.line() + ", column " + p.column() + ": " + p.message()
                        + (p.aboutRecord() ? " (record " + p.recordNumber() + ")" : ""))
                .orElse("");
        return report.file() + " cannot be compared: it has " + Text.count(errors) + (errors == 1 ? " error" : " errors")
                + first + ".";
    }
}
