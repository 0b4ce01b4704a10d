package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;

/**
 * Writes a copy of a records file with each (source_system, source_system_id) once, in the runbook's format, for a
 * file exported one row per event (the seed runbook's query). Each record keeps its first row: its position and its
 * person_uuid. Two streaming passes: the review, which keeps each record's 128-bit fingerprint with the number of its
 * first row (about 20 MB per million distinct records), then the copy, which writes a row only if it is that first
 * row. Two different records share a fingerprint with a probability of about 10^-27 among a million (see
 * {@link KeyHash}); a copy that does not hold exactly the review's distinct records is not published.
 *
 * <p>One at a time per instance. {@link #cancel()} may be called from any thread.
 */
public final class RecordsFileDeduplicate {

    /** What was read and what was written. */
    public record Result(ReviewReport source, ExportResult written) {
    }

    private final ScanLimits limits;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<RunbookJsonExport> currentExport = new AtomicReference<>();

    public RecordsFileDeduplicate() {
        this(ScanLimits.DEFAULT);
    }

    RecordsFileDeduplicate(ScanLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param overwrite whether {@code target} may replace an existing file (never {@code source} itself)
     * @throws IllegalArgumentException the target is the source, or the source has errors
     * @throws ExportException          the target could not be written; it is then left as it was
     * @throws IOException              the source cannot be read, or changed while it was read
     * @throws CancellationException    {@link #cancel()} was called or the thread interrupted
     */
    public Result write(Path source, Path target, boolean overwrite) throws IOException, ExportException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        if (target.toAbsolutePath().normalize().equals(source.toAbsolutePath().normalize())
                || (Files.exists(target) && Files.isSameFile(target, source))) {
            throw new IllegalArgumentException(target + " is the file being de-duplicated: save the copy to another "
                    + "file");
        }
        try {
            RecordsScan.Outcome reviewed = new RecordsScan(source, limits, ProgressListener.NONE,
                    cancelRequested::get, true, null).run();
            ReviewReport report = reviewed.report();
            if (report.errorCount() > 0) {
                throw new IllegalArgumentException(DiffRefusedException.describe(report)
                        .replace("cannot be compared", "cannot be de-duplicated"));
            }
            ExportResult written = new FirstOccurrences(limits, cancelRequested::get, currentExport)
                    .write(target, overwrite, reviewed, (high, low) -> true, report.distinctRecords());
            return new Result(report, written);
        } finally {
            cancelRequested.set(false);
        }
    }

    /** {@code affected-records-distinct.json} for {@code affected-records.json}: the name offered for the copy. */
    public static String defaultName(Path source) {
        String name = source.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return stem + "-distinct.json";
    }

    /** Stops the running copy; if none is running yet, the next one to start is cancelled. */
    public void cancel() {
        cancelRequested.set(true);
        RunbookJsonExport export = currentExport.get();
        if (export != null) {
            export.cancel();
        }
    }
}
