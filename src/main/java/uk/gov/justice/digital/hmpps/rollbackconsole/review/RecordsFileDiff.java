package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;

/**
 * Compares two records files by (source_system, source_system_id), for instance an export taken before a fix
 * and one taken after, or what was sent against what should have been.
 *
 * <p>Each file is reviewed first, in one pass that also keeps its records' 128-bit fingerprints (see
 * {@link KeyHash}); the counts come from those two sets. Each difference file wanted costs one more streaming pass
 * over its source file, picking the records out as the file is read again; the pass must find the same bytes (same
 * SHA-256) as the review, or nothing is published. Memory is the two fingerprint sets, about 20 MB per million
 * distinct records each, whatever the files' sizes.
 *
 * <p>One comparison at a time per instance. {@link #cancel()} may be called from any thread.
 */
public final class RecordsFileDiff {

    private final ScanLimits limits;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicReference<RunbookJsonExport> currentExport = new AtomicReference<>();

    public RecordsFileDiff() {
        this(ScanLimits.DEFAULT);
    }

    RecordsFileDiff(ScanLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * @param overwrite whether the difference files may replace existing files
     * @throws DiffRefusedException     A or B has errors
     * @throws IllegalArgumentException a difference file is A or B, or two differences go to the same file
     * @throws ExportException          a difference file could not be written; files written before it remain
     * @throws IOException              A or B cannot be read, or changed while it was being compared
     * @throws CancellationException    {@link #cancel()} was called or the thread interrupted
     */
    public DiffResult compare(Path a, Path b, DiffTargets targets, boolean overwrite)
            throws IOException, ExportException, DiffRefusedException {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(targets, "targets");
        checkTargets(a, b, targets);
        try {
            RecordsScan.Outcome first = review(a);
            RecordsScan.Outcome second = review(b);
            List<ReviewReport> withErrors = new ArrayList<>();
            for (ReviewReport report : List.of(first.report(), second.report())) {
                if (report.errorCount() > 0) {
                    withErrors.add(report);
                }
            }
            if (!withErrors.isEmpty()) {
                throw new DiffRefusedException(withErrors);
            }
            LongPairTable keysA = first.keys();
            LongPairTable keysB = second.keys();
            long inBoth = keysA.countShared(keysB);

            ExportResult onlyInAFile = targets.onlyInA() == null ? null
                    : write(targets.onlyInA(), overwrite, first, (high, low) -> keysB.get(high, low) == 0);
            ExportResult onlyInBFile = targets.onlyInB() == null ? null
                    : write(targets.onlyInB(), overwrite, second, (high, low) -> keysA.get(high, low) == 0);
            ExportResult inBothFile = targets.inBoth() == null ? null
                    : write(targets.inBoth(), overwrite, first, (high, low) -> keysB.get(high, low) != 0);
            return new DiffResult(first.report(), second.report(), keysA.size() - inBoth, keysB.size() - inBoth,
                    inBoth, onlyInAFile, onlyInBFile, inBothFile);
        } finally {
            // A cancel for this comparison has been honoured; it must not stop the next one.
            cancelRequested.set(false);
        }
    }

    /** Stops the running comparison; if none is running yet, the next one to start is cancelled. */
    public void cancel() {
        cancelRequested.set(true);
        RunbookJsonExport export = currentExport.get();
        if (export != null) {
            export.cancel();
        }
    }

    private RecordsScan.Outcome review(Path file) throws IOException {
        return new RecordsScan(file, limits, ProgressListener.NONE, cancelRequested::get, true, null).run();
    }

    private ExportResult write(Path target, boolean overwrite, RecordsScan.Outcome reviewed,
                               FirstOccurrences.KeyFilter filter) throws IOException, ExportException {
        return new FirstOccurrences(limits, cancelRequested::get, currentExport).write(target, overwrite, reviewed,
                filter);
    }

    private static void checkTargets(Path a, Path b, DiffTargets targets) {
        Set<Path> seen = new HashSet<>();
        for (Path target : new Path[] {targets.onlyInA(), targets.onlyInB(), targets.inBoth()}) {
            if (target == null) {
                continue;
            }
            if (same(target, a) || same(target, b)) {
                throw new IllegalArgumentException(target + " is one of the files being compared: write the "
                        + "differences to another file");
            }
            if (!seen.add(target.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(target + " is given for two of the differences: give each its "
                        + "own file");
            }
        }
    }

    private static boolean same(Path target, Path input) {
        if (target.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.exists(target) && Files.exists(input) && Files.isSameFile(target, input);
        } catch (IOException e) {
            return false;
        }
    }
}
