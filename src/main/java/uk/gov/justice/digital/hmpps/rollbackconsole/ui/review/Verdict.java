package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;

/**
 * What the review concludes, in the words the screen puts in big letters.
 *
 * @param headline SAFE TO SEND, SEND WITH CAUTION, NOT SAFE TO SEND or NOTHING TO SEND
 * @param detail   the numbers behind it, in a sentence
 */
public record Verdict(Kind kind, String headline, String detail) {

    /** CAUTION: the file may be sent (the send step takes it), but a warning changes what the send does. */
    public enum Kind { SAFE, CAUTION, NOT_SAFE, NOTHING_TO_SEND }

    public static Verdict of(ReviewReport report) {
        long errors = report.errorCount();
        long warnings = report.warningCount();
        String warned = warnings == 0 ? "" : "; " + ReviewText.plural(warnings, "warning") + " worth a look below";
        if (errors > 0) {
            return new Verdict(Kind.NOT_SAFE, "NOT SAFE TO SEND", ReviewText.plural(errors, "error")
                    + (errors == 1 ? " has" : " have") + " to be fixed before this file is sent" + warned + "."
                    + (report.complete() ? "" : " The reading stopped at the first error that breaks the JSON: the"
                    + " counts cover only what came before it."));
        }
        if (!report.safeToSend()) {
            return new Verdict(Kind.NOTHING_TO_SEND, "NOTHING TO SEND",
                    "The file is valid but lists no records: sending it would recluster nothing" + warned + ".");
        }
        String caution = report.caution().orElse(null);
        if (caution != null) {
            return new Verdict(Kind.CAUTION, "SEND WITH CAUTION", Character.toUpperCase(caution.charAt(0))
                    + caution.substring(1) + ". No errors" + warned + ".");
        }
        return new Verdict(Kind.SAFE, "SAFE TO SEND", ReviewText.plural(report.records(), "record")
                + " the service accepts, no errors" + warned + ".");
    }
}
