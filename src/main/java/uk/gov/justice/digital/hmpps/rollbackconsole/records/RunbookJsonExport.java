package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

/**
 * Writes the runbook's affected-records file (layout in {@link RunbookJsonFormat}) so that the target either
 * appears complete and flushed to disk, or not at all: rows stream into a hidden temporary file in the target's
 * folder, which is published only once every row is written and synced. The SHA-256 is computed on the way out,
 * so the caller can verify the file later without the writer having read it back.
 *
 * <p>One export at a time per instance. {@link #cancel()} may be called from any thread.
 */
public final class RunbookJsonExport {

    private static final int CAUSE_DEPTH_MAX = 32;

    private final TempFileOpener opener;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public RunbookJsonExport() {
        this(TempFileOpener.FILE_SYSTEM);
    }

    RunbookJsonExport(TempFileOpener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /**
     * Writes every row of {@code source} to {@code target}. With {@code overwrite} false an existing target is
     * never replaced, not even one created by someone else while the export runs. On any failure the target is
     * left as it was and no temporary file remains.
     */
    public ExportResult write(Path target, boolean overwrite, RecordSource source) throws ExportException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(source, "source");
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("An export is already running on this exporter");
        }
        try {
            return export(target.toAbsolutePath().normalize(), overwrite, source);
        } finally {
            // A request made during this export has been honoured (or came too late to matter); don't carry it over.
            cancelRequested.set(false);
            running.set(false);
        }
    }

    /**
     * Stops the running export between two rows; it then fails with {@link ExportException.Kind#CANCELLED}, the
     * temporary file removed. If no export is running yet, the next one to start is cancelled, so a cancel that
     * races the start of a background export is not lost.
     */
    public void cancel() {
        cancelRequested.set(true);
    }

    private ExportResult export(Path file, boolean overwrite, RecordSource source) throws ExportException {
        long started = System.nanoTime();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new ExportException(ExportException.Kind.IO, file,
                    file + " is not a file name. Choose a file to export to.", null);
        }
        if (!Files.isDirectory(folder)) {
            throw folderMissing(file, null);
        }
        if (Files.isDirectory(file)) {
            throw new ExportException(ExportException.Kind.IO, file,
                    file + " is a folder. Choose a file name inside it to export to.", null);
        }
        boolean existed = Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (existed && !overwrite) {
            throw targetExists(file, null);
        }
        if (isCancelled()) {
            throw cancelled(file, existed, null);
        }

        Path temp = null;
        TempFileOpener.Output output = null;
        EarlySync sync = null;
        boolean published = false;
        try {
            for (int attempt = 0; output == null; attempt++) {
                temp = folder.resolve(AtomicFile.tempName(file));
                try {
                    output = opener.create(temp);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 5) {
                        throw e;
                    }
                }
            }
            MessageDigest digest = Sha256.newDigest();
            OutputStream out = output.stream();
            EarlySync earlySync = new EarlySync(output);
            sync = earlySync;
            // Hashed on the way out, a buffer at a time, so the SHA-256 is of exactly the bytes handed to the file.
            RunbookJsonWriter json = new RunbookJsonWriter((bytes, offset, length) -> {
                digest.update(bytes, offset, length);
                out.write(bytes, offset, length);
                earlySync.written(length);
            });
            long records = writeRecords(json, source, file, existed);
            earlySync.awaitPending();
            output.force();
            output.close();
            if (isCancelled()) {
                throw cancelled(file, existed, null);
            }
            long bytes = Files.size(temp);
            publish(temp, file, overwrite);
            published = true;
            AtomicFile.syncFolder(folder);
            return new ExportResult(file, records, bytes, Sha256.hex(digest), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw classify(file, existed, e);
        } finally {
            if (sync != null) {
                sync.close();
            }
            if (!published) {
                discard(output, temp);
            }
        }
    }

    private long writeRecords(RunbookJsonWriter json, RecordSource source, Path file, boolean existed)
            throws IOException, ExportException {
        RecordWriter writer = new RecordWriter(json);
        try {
            source.forEach(writer);
        } catch (Exception e) {
            // The source may have wrapped what the writer threw; the writer's own record says what really happened.
            if (writer.writeFailure != null) {
                throw writer.writeFailure;
            }
            if (isCancelled() || causedByInterruption(e)) {
                throw cancelled(file, existed, e);
            }
            throw sourceFailed(file, existed, writer.count, e);
        }
        // A source that swallowed the writer's exception must not get a half-written file published.
        if (writer.writeFailure != null) {
            throw writer.writeFailure;
        }
        if (isCancelled()) {
            throw cancelled(file, existed, null);
        }
        json.end();
        json.flush();
        return json.records();
    }

    private boolean isCancelled() {
        return cancelRequested.get() || Thread.currentThread().isInterrupted();
    }

    /** The sink handed to the source; rows arrive on the exporting thread, one at a time. */
    private final class RecordWriter implements Consumer<AffectedRecord> {
        private final RunbookJsonWriter json;
        private long count;
        private IOException writeFailure;

        RecordWriter(RunbookJsonWriter json) {
            this.json = json;
        }

        @Override
        public void accept(AffectedRecord row) {
            if (writeFailure != null) {
                throw new UncheckedIOException(writeFailure);
            }
            if (isCancelled()) {
                throw new CancelledSignal();
            }
            if (row == null) {
                throw new NullPointerException("the source delivered an empty row after " + count + " records");
            }
            try {
                json.write(row.personUuid(), row.sourceSystem(), row.sourceSystemId());
            } catch (IOException e) {
                writeFailure = e;
                throw new UncheckedIOException(e);
            }
            count++;
        }
    }

    /** Unwinds the source's loop after a cancel; carries no stack trace because it is not an error. */
    private static final class CancelledSignal extends RuntimeException {
        CancelledSignal() {
            super("export cancelled", null, false, false);
        }
    }

    private static void publish(Path temp, Path file, boolean overwrite) throws IOException, ExportException {
        try {
            AtomicFile.publish(temp, file, overwrite);
        } catch (FileAlreadyExistsException e) {
            throw targetExists(file, e);
        }
    }

    private static void discard(TempFileOpener.Output output, Path temp) {
        if (output != null) {
            try {
                output.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing a broken stream can fail again; the file is deleted next either way.
            }
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Nothing more can be done; the name starts with a dot and ends in .part, so it is recognisable.
            }
        }
    }

    // ---- failures: each message names the file, says what happened and what to do next

    private static ExportException classify(Path file, boolean existed, IOException e) {
        if (isDiskFull(e)) {
            return new ExportException(ExportException.Kind.DISK_FULL, file,
                    "Cannot save " + file + ": the disk is full. " + unchanged(existed)
                            + " Free some space or choose another drive, then export again.", e);
        }
        if (has(e, AccessDeniedException.class) || mentions(e, "read-only file system")) {
            return new ExportException(ExportException.Kind.NO_PERMISSION, file,
                    "Cannot save " + file + ": permission denied. " + unchanged(existed)
                            + " Choose a folder you can write to, or close the file if another program has it open.",
                    e);
        }
        if (has(e, NoSuchFileException.class) && !Files.isDirectory(file.getParent())) {
            return folderMissing(file, e);
        }
        if (has(e, ClosedByInterruptException.class)) {
            return cancelled(file, existed, e);
        }
        return new ExportException(ExportException.Kind.IO, file,
                "Cannot save " + file + ": " + describe(e) + ". " + unchanged(existed)
                        + " Check the drive and the folder, then export again.", e);
    }

    private static ExportException targetExists(Path file, Throwable cause) {
        return new ExportException(ExportException.Kind.TARGET_EXISTS, file,
                file + " already exists and was left unchanged. Choose another file name, or confirm that it "
                        + "should be replaced.", cause);
    }

    private static ExportException folderMissing(Path file, Throwable cause) {
        return new ExportException(ExportException.Kind.FOLDER_MISSING, file,
                "Cannot save " + file + ": the folder " + file.getParent()
                        + " does not exist. Create it or choose another folder, then export again.", cause);
    }

    private static ExportException cancelled(Path file, boolean existed, Throwable cause) {
        return new ExportException(ExportException.Kind.CANCELLED, file,
                "The export to " + file + " was cancelled. " + unchanged(existed), cause);
    }

    private static ExportException sourceFailed(Path file, boolean existed, long written, Exception e) {
        return new ExportException(ExportException.Kind.SOURCE_FAILED, file,
                "Reading the affected records failed after " + written + " records, so " + file
                        + " was not saved: " + describeSourceFailure(e) + ". " + unchanged(existed)
                        + " Check the database connection, then export again.", e);
    }

    private static String unchanged(boolean existed) {
        return existed ? "The existing file was left unchanged." : "No file was saved.";
    }

    private static boolean isDiskFull(Throwable e) {
        return mentions(e, "no space left on device")        // Linux and macOS, ENOSPC
                || mentions(e, "not enough space on the disk") // Windows
                || mentions(e, "disk quota exceeded");         // EDQUOT: full as far as this user is concerned
    }

    /** What the replica said: the first SQLException's message, else the innermost message in the chain. */
    private static String describeSourceFailure(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSE_DEPTH_MAX; t = t.getCause(), depth++) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return describe(e);
    }

    private static String describe(Throwable e) {
        String message = null;
        Throwable last = e;
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSE_DEPTH_MAX; t = t.getCause(), depth++) {
            last = t;
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message != null ? message : last.getClass().getSimpleName();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSE_DEPTH_MAX; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentions(Throwable e, String lowercaseText) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < CAUSE_DEPTH_MAX; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains(lowercaseText)) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedByInterruption(Throwable e) {
        // Not InterruptedIOException: a socket timeout from the replica is one, and that is a failure, not a cancel.
        return has(e, CancelledSignal.class) || has(e, InterruptedException.class)
                || has(e, ClosedByInterruptException.class);
    }
}
