package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.FileForm;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ProblemCode;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDeduplicate;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;

/**
 * {@code rollback-console validate FILE}: the offline review of an exported file, for a reviewer with no access to
 * the database or the cluster. Problems print as compilers print them ({@code FILE:LINE:COLUMN: error: ...}) so
 * editors and terminals can jump to them; the exit code says whether the file is safe to send.
 */
final class ValidateCommand {

    private static final Set<String> VALUED = Set.of("--batch-size", "--write-distinct");
    private static final Set<String> FLAGS = Set.of("--overwrite");

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * 0 when the file may be sent (safe, or with caution), 1 when it may not or cannot be read, or when the copy
     * asked for with {@code --write-distinct} could not be written.
     */
    int run(List<String> args) throws UsageException {
        Arguments split = Arguments.split(args, VALUED);
        if (split.positional().size() != 1) {
            throw new UsageException("validate takes one FILE, the exported JSON file to review.");
        }
        Options o = Options.parse(split.options(), VALUED, FLAGS);
        int batchSize = batchSize(o);
        String name = split.positional().get(0);
        Path file = Path.of(name);
        if (Files.isDirectory(file)) {
            err.println("rollback-console: " + name + " is a folder; give the JSON file inside it.");
            return 1;
        }

        ReviewReport report;
        try {
            report = new RecordsFileValidator().validate(file);
        } catch (NoSuchFileException e) {
            err.println("rollback-console: " + name + " does not exist.");
            return 1;
        } catch (AccessDeniedException e) {
            err.println("rollback-console: " + name + " cannot be read: permission denied.");
            return 1;
        } catch (IOException e) {
            err.println("rollback-console: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        print(name, report, batchSize);
        Optional<String> distinct = o.value("--write-distinct");
        if (distinct.isPresent()) {
            return writeDistinct(file, report, Path.of(distinct.get()), o.flag("--overwrite"));
        }
        if (report.hasDuplicates() && report.errorCount() == 0) {
            out.println("To send each record once: rollback-console validate " + name + " --write-distinct "
                    + RecordsFileDeduplicate.defaultName(file));
        }
        return report.safeToSend() ? 0 : 1;
    }

    /** Writes the copy with each record once; the exit code stays the verdict on FILE unless the copy fails. */
    private int writeDistinct(Path file, ReviewReport report, Path target, boolean overwrite) {
        if (report.errorCount() > 0) {
            err.println("rollback-console: " + target + " was not written: " + file + " has errors to fix first.");
            return 1;
        }
        try {
            RecordsFileDeduplicate.Result result = new RecordsFileDeduplicate().write(file, target, overwrite);
            ExportResult written = result.written();
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            out.println("Wrote " + plural(n, written.records(), "record") + ", each once, to " + written.file());
            out.println("SHA-256 of it: " + written.sha256());
            if (!result.source().sha256().equals(report.sha256())) {
                err.println("rollback-console: " + file + " changed while it was being read: the copy is of what it "
                        + "holds now; validate it again.");
                return 1;
            }
            return report.safeToSend() ? 0 : 1;
        } catch (ExportException | IllegalArgumentException e) {
            err.println("rollback-console: " + e.getMessage());
        } catch (IOException e) {
            err.println("rollback-console: " + target + " was not written: " + e.getMessage());
        }
        return 1;
    }

    private void print(String name, ReviewReport report, int batchSize) {
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        out.println("File: " + name);
        out.println("Form: " + report.form().description()
                + (report.form() == FileForm.DBEAVER_EXPORT ? " of \"" + report.dbeaverQuery() + "\"" : ""));
        out.println("Records: " + n.format(report.records()) + " (" + n.format(report.distinctRecords()) + " distinct)");
        if (!report.complete()) {
            out.println("Note: the reading stopped at an error below; the counts cover only what came before it.");
        }
        StringBuilder bySystem = new StringBuilder("By source system:");
        for (SourceSystem s : SourceSystem.values()) {
            bySystem.append(' ').append(s.name()).append('=').append(n.format(report.count(s)));
        }
        out.println(bySystem);
        out.println("Clusters: " + n.format(report.clusters()) + ", without person_uuid: "
                + n.format(report.withoutPersonUuid()));
        out.println("Size: " + n.format(report.sizeBytes()) + " bytes");
        out.println("SHA-256: " + report.sha256());
        out.println("Batches: " + n.format(report.batches(batchSize)) + " of up to " + plural(n, batchSize, "record"));

        long errors = report.errorCount();
        long warnings = report.warningCount();
        out.println("Problems: " + (errors + warnings == 0 ? "none"
                : plural(n, errors, "error") + ", " + plural(n, warnings, "warning")));
        for (Problem p : report.problems()) {
            out.println(name + ":" + p.describe());
        }
        for (ProblemCode code : ProblemCode.values()) {
            long hidden = report.notShown(code);
            if (hidden > 0) {
                out.println(name + ": " + code.severity().label() + ": " + n.format(hidden) + " more " + code.name()
                        + " not shown");
            }
        }
        Optional<String> caution = report.caution();
        if (caution.isPresent()) {
            out.println("Safe to send: yes, with caution: " + caution.get() + ".");
        } else if (report.safeToSend()) {
            out.println("Safe to send: yes");
        } else if (errors > 0) {
            out.println("Safe to send: no, " + plural(n, errors, "error") + " must be fixed first");
        } else {
            out.println("Safe to send: no, there are no records to send");
        }
    }

    static int batchSize(Options o) throws UsageException {
        String text = o.value("--batch-size").orElse(String.valueOf(ReviewReport.DEFAULT_BATCH_SIZE));
        try {
            int size = Integer.parseInt(text);
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what a valid value looks like.
        }
        throw new UsageException("--batch-size " + text + " is not a whole number of records of at least 1, such as "
                + ReviewReport.DEFAULT_BATCH_SIZE + ".");
    }

    private static String plural(NumberFormat n, long count, String noun) {
        return n.format(count) + " " + noun + (count == 1 ? "" : "s");
    }
}
