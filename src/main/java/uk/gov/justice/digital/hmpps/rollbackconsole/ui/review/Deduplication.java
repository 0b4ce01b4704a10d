package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDeduplicate;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The review's "Save a de-duplicated file…": a copy of a one-row-per-event file with each record once, written in
 * the background by the review core, then offered for review (and so for sending) in its turn.
 */
public final class Deduplication {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<Path> review;

    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<ExportResult> saved = new ReadOnlyObjectWrapper<>(this, "saved");
    // A result for another file than the one now reviewed is dropped. Read by workers.
    private final AtomicLong run = new AtomicLong();
    private volatile RecordsFileDeduplicate writer;

    /** @param review opens a file for review, as the screen's Open does */
    Deduplication(TaskRunner tasks, DialogService dialogs, Consumer<Path> review) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.review = review;
    }

    /** Asks where, then writes the copy of the reviewed file; asks before replacing a file. */
    void save(ReviewReport reviewed) {
        if (reviewed == null || saving.get() || !reviewed.hasDuplicates()) {
            return;
        }
        Path source = reviewed.file();
        Optional<Path> chosen = dialogs.chooseSaveFile("Save a de-duplicated file", source.getParent(),
                RecordsFileDeduplicate.defaultName(source));
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get().toAbsolutePath().normalize();
        if (target.equals(source)) {
            message.set(Message.error(target + " is the file under review: save the de-duplicated copy to another "
                    + "file."));
            return;
        }
        boolean overwrite = false;
        if (Files.exists(target)) {
            overwrite = dialogs.confirm("Replace " + target.getFileName() + "?", target + " already exists. Replace it "
                    + "with the " + ReviewText.plural(reviewed.distinctRecords(), "distinct record") + " of "
                    + source.getFileName() + "? The old file is kept until the new one is complete.", "Replace");
            if (!overwrite) {
                message.set(Message.info("Not saved: " + target.getFileName() + " was left as it is."));
                return;
            }
        }
        boolean replace = overwrite;
        long current = run.incrementAndGet();
        RecordsFileDeduplicate w = new RecordsFileDeduplicate();
        writer = w;
        saving.set(true);
        saved.set(null);
        message.set(Message.info("Writing each record of " + source.getFileName() + " once to " + target + "\u2026"));
        tasks.run(() -> w.write(source, target, replace), result -> {
            if (current != run.get()) {
                return;
            }
            saving.set(false);
            ExportResult written = result.written();
            saved.set(written);
            String wrote = "Saved " + ReviewText.plural(written.records(), "record") + ", each once, to "
                    + written.file() + ", SHA-256 " + written.sha256() + ".";
            message.set(result.source().sha256().equals(reviewed.sha256()) ? Message.ok(wrote)
                    : Message.warning(wrote + " " + source.getFileName() + " changed since this review: the copy is of"
                    + " what it holds now; open it again."));
        }, error -> {
            if (current != run.get()) {
                return;
            }
            saving.set(false);
            message.set(failure(error, target));
        });
    }

    /** Reviews the copy just written, so that it can be checked and sent. */
    void reviewSaved() {
        ExportResult written = saved.get();
        if (written != null) {
            review.accept(written.file());
        }
    }

    void cancel() {
        RecordsFileDeduplicate w = writer;
        if (saving.get() && w != null) {
            w.cancel();
        }
    }

    /** Another file is under review: what was shown for the last one goes, and its late result is dropped. */
    void reset() {
        cancel();
        run.incrementAndGet();
        saving.set(false);
        message.set(null);
        saved.set(null);
    }

    private static Message failure(Throwable error, Path target) {
        if (error instanceof CancellationException) {
            return Message.warning("Not saved: cancelled before " + target.getFileName() + " was complete, so nothing "
                    + "was written.");
        }
        if (error instanceof ExportException || error instanceof IllegalArgumentException) {
            return Message.error(error.getMessage());
        }
        if (error instanceof NoSuchFileException missing) {
            return Message.error(missing.getFile() + " does not exist (any more).");
        }
        if (error instanceof IOException) {
            return Message.error("Not saved: " + error.getMessage());
        }
        return Message.error("The de-duplicated file could not be saved: " + error);
    }

    public ReadOnlyBooleanProperty savingProperty() { return saving.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    /** The copy written for the file now reviewed, or null. */
    public ReadOnlyObjectProperty<ExportResult> savedProperty() { return saved.getReadOnlyProperty(); }
}
