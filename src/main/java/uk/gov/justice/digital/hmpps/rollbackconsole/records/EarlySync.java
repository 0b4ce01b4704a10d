package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Syncs the temporary file to disk on a thread of its own every {@value #EVERY_BYTES} bytes while the export is
 * still writing it, so that the disk works while the replica sends the next rows: the sync before the publish then
 * has only the last stretch left to write, instead of the whole file at once (a second for 140 MB on a laptop's
 * disk). It changes when the bytes reach the disk, never whether: the export still syncs everything at the end.
 */
final class EarlySync implements AutoCloseable {

    static final long EVERY_BYTES = 32L << 20;

    private final TempFileOpener.Output output;
    private ExecutorService thread;
    private Future<?> pending;
    private long sinceLast;

    EarlySync(TempFileOpener.Output output) {
        this.output = output;
    }

    /** Called with each stretch written; starts a sync when enough has piled up and none is running. */
    void written(int bytes) throws IOException {
        sinceLast += bytes;
        if (sinceLast < EVERY_BYTES || (pending != null && !pending.isDone())) {
            return;
        }
        awaitPending(); // surfaces the last one's failure
        sinceLast = 0;
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "export-early-sync");
                t.setDaemon(true);
                return t;
            });
        }
        pending = thread.submit(() -> {
            output.force();
            return null;
        });
    }

    /** Waits for a sync still running and throws what it failed with; the caller then syncs the rest. */
    void awaitPending() throws IOException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the export file was synced");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            pending = null;
        }
    }

    /** Never interrupts a sync in progress: that would close the file under the exporter. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdown();
        }
    }
}
