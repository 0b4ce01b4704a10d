package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.StringJoiner;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.FileForm;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;

/** How the review screen words numbers and the parts of a report; shared by the view-model and the view. */
public final class ReviewText {

    private ReviewText() {
    }

    /** 1,234,567: counts are read by people. */
    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    public static String plural(long n, String noun) {
        return count(n) + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code 12,345,678 bytes (11.8 MB)}; the exact count first, as the size is checked against other copies. */
    public static String size(long bytes) {
        String exact = plural(bytes, "byte");
        if (bytes < 1024) {
            return exact;
        }
        return exact + " (" + megabytes(bytes) + ")";
    }

    /** 11.8 MB, 950.0 KB: for progress, where the exact count would flicker. */
    public static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.UK, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.UK, "%,.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The form as a sentence: {@code The runbook's format, with person_uuid (as the console writes it)}. */
    public static String form(ReviewReport report) {
        String d = report.form().description();
        return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }

    /** DBeaver's query, or null when the file is in another form. */
    public static String query(ReviewReport report) {
        return report.form() == FileForm.DBEAVER_EXPORT ? report.dbeaverQuery() : null;
    }

    public static String records(ReviewReport report) {
        return count(report.records()) + " (" + count(report.distinctRecords()) + " distinct)";
    }

    /** {@code NOMIS 1 · DELIUS 2 · COMMON_PLATFORM 0 · LIBRA 1}, every system, in the domain's order. */
    public static String bySourceSystem(ReviewReport report) {
        StringJoiner j = new StringJoiner("  \u00b7  ");
        for (SourceSystem s : SourceSystem.values()) {
            j.add(s.name() + " " + count(report.count(s)));
        }
        return j.toString();
    }

    public static String batches(ReviewReport report) {
        long n = report.batches(ReviewReport.DEFAULT_BATCH_SIZE);
        return plural(n, "request") + " of up to " + count(ReviewReport.DEFAULT_BATCH_SIZE) + " records";
    }
}
