package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reviews an exported records file offline: is it safe to send to {@code POST /admin/recluster}, and what is in it.
 * One streaming pass: the SHA-256, the checks and the counts come from the same read of the bytes, and memory
 * stays bounded (about 40 MB per million distinct records for the duplicate and cluster sets, nothing per byte),
 * so a 200 MB, million-record file reviews within a 256 MB heap.
 *
 * <p>One review at a time per instance. {@link #cancel()} may be called from any thread.
 */
public final class RecordsFileValidator {

    private final ScanLimits limits;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    public RecordsFileValidator() {
        this(ScanLimits.DEFAULT);
    }

    RecordsFileValidator(ScanLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ReviewReport validate(Path file) throws IOException {
        return validate(file, ProgressListener.NONE);
    }

    /**
     * @throws IOException           the file cannot be read (missing, a folder, no permission, a disk error);
     *                               problems with its content are in the report instead
     * @throws CancellationException {@link #cancel()} was called or the thread interrupted; no report then
     */
    public ReviewReport validate(Path file, ProgressListener listener) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(listener, "listener");
        try {
            return new RecordsScan(file, limits, listener, cancelRequested::get, true, null).run().report();
        } finally {
            // A cancel for this review has been honoured; it must not stop the next one.
            cancelRequested.set(false);
        }
    }

    /**
     * Stops the running review at the next record. If none is running yet, the next one to start is cancelled, so
     * a cancel that races the start of a background review is not lost.
     */
    public void cancel() {
        cancelRequested.set(true);
    }
}
