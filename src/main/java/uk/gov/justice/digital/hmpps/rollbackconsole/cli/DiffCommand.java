package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffRefusedException;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffTargets;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDiff;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;

/** {@code rollback-console diff A B}: which records are only in one export, which in both, optionally as files. */
final class DiffCommand {

    private static final Set<String> VALUED = Set.of("--only-a", "--only-b", "--both");
    private static final Set<String> FLAGS = Set.of("--overwrite");

    private final PrintStream out;
    private final PrintStream err;

    DiffCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws UsageException {
        Arguments split = Arguments.split(args, VALUED);
        if (split.positional().size() != 2) {
            throw new UsageException("diff takes two files, A and B, the exported JSON files to compare.");
        }
        Options o = Options.parse(split.options(), VALUED, FLAGS);
        Path a = Path.of(split.positional().get(0));
        Path b = Path.of(split.positional().get(1));
        DiffTargets targets = new DiffTargets(o.value("--only-a").map(Path::of).orElse(null),
                o.value("--only-b").map(Path::of).orElse(null), o.value("--both").map(Path::of).orElse(null));

        DiffResult result;
        try {
            result = new RecordsFileDiff().compare(a, b, targets, o.flag("--overwrite"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + ".");
        } catch (DiffRefusedException e) {
            for (ReviewReport report : e.reports()) {
                err.println("rollback-console: " + describeRefusal(NumberFormat.getIntegerInstance(Locale.UK), report));
            }
            err.println("Run rollback-console validate on it to see every problem.");
            return 1;
        } catch (NoSuchFileException e) {
            err.println("rollback-console: " + e.getFile() + " does not exist.");
            return 1;
        } catch (ExportException | IOException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        }

        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        out.println("A: " + describe(n, result.a()));
        out.println("B: " + describe(n, result.b()));
        out.println("Only in A: " + n.format(result.onlyInA()));
        out.println("Only in B: " + n.format(result.onlyInB()));
        out.println("In both: " + n.format(result.inBoth()));
        printWritten(n, "only in A", result.onlyInAFile());
        printWritten(n, "only in B", result.onlyInBFile());
        printWritten(n, "in both", result.inBothFile());
        return 0;
    }

    /** One line per file, its first error as validate prints it, so a terminal can jump to it. */
    private static String describeRefusal(NumberFormat n, ReviewReport report) {
        long errors = report.errorCount();
        String first = report.firstError().map(p -> "; the first: " + report.file() + ":" + p.describe()).orElse("");
        return report.file() + " cannot be compared: it has " + n.format(errors) + (errors == 1 ? " error" : " errors")
                + first;
    }

    private static String describe(NumberFormat n, ReviewReport report) {
        long warnings = report.warningCount();
        return report.file() + ", " + n.format(report.records()) + (report.records() == 1 ? " record" : " records")
                + " (" + n.format(report.distinctRecords()) + " distinct)"
                + (warnings == 0 ? "" : ", " + n.format(warnings) + (warnings == 1 ? " warning" : " warnings")
                + " (rollback-console validate shows them)");
    }

    private void printWritten(NumberFormat n, String which, ExportResult written) {
        if (written != null) {
            out.println("Wrote " + n.format(written.records()) + (written.records() == 1 ? " record " : " records ")
                    + which + " to " + written.file() + " (SHA-256 " + written.sha256() + ")");
        }
    }
}
