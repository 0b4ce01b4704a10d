package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportNames;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportVerifier;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.VerifyResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.ChunkedDelivery;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Step 4: writes the previewed records as the runbook's JSON file. Before writing, the replica is asked again for
 * the same window; if it no longer agrees with the preview, nothing is written and the numbers are shown.
 */
public final class ExportStepViewModel {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final WizardSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SettingsStore settings;

    private final StringProperty folder = new SimpleStringProperty(this, "folder");
    private final StringProperty fileName = new SimpleStringProperty(this, "fileName", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Message> modeWarning = new ReadOnlyObjectWrapper<>(this, "modeWarning");
    private final ReadOnlyObjectWrapper<ExportResult> result = new ReadOnlyObjectWrapper<>(this, "result");

    // What a resumed incident had exported, shown until this step exports again.
    private Message restored;

    // Guarded by this.
    private RunbookJsonExport runningExport;
    private ReplicaQuery<AffectedCounts> runningRecount;
    private boolean cancelled;

    public ExportStepViewModel(WizardSession session, TaskRunner tasks, DialogService dialogs, SettingsStore settings) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        folder.set(settings.get("export.folder", System.getProperty("user.home")));
        valid.bind(session.exportProperty().isNotNull());
        result.bind(session.exportProperty());
        session.previewProperty().addListener((obs, was, now) -> previewChanged(now));
        previewChanged(session.previewProperty().get());
    }

    private void previewChanged(PreviewSnapshot snapshot) {
        message.set(restored);
        progress.set(0);
        if (snapshot == null) {
            modeWarning.set(null);
            return;
        }
        Environment env = session.environmentProperty().get();
        fileName.set(ExportNames.defaultFileName(env == null ? Environment.LOCAL : env, snapshot.window().cutoff()));
        modeWarning.set(snapshot.mode() == RecordMode.ONE_ROW_PER_EVENT
                ? Message.warning("This preview has one row per event (the seed runbook's form): "
                + COUNT.format(snapshot.records().size()) + " rows for " + COUNT.format(snapshot.records().stream()
                .map(AffectedRecord::key).distinct().count()) + " distinct records. The service would recluster "
                + "a record once for each of its rows. Go back to Preview and choose \u201cDistinct records\u201d "
                + "unless you need the seed form.")
                : null);
    }

    /**
     * Puts back the file a resumed incident exported, with what checking it found: {@code shaNow} is its SHA-256
     * read again now, or null when the file is no longer there. The message says plainly when it is not the file
     * the journal names.
     */
    public void restore(JournalEntry.Exported exported, String shaNow) {
        Path file = exported.path();
        if (file.getParent() != null) {
            folder.set(file.getParent().toString());
        }
        fileName.set(file.getFileName().toString());
        String what = "Resumed: this incident exported " + COUNT.format(exported.records()) + " records to " + file
                + " (SHA-256 " + exported.sha256() + "). ";
        if (shaNow == null) {
            restored = Message.error(what + "THE FILE IS NO LONGER THERE. Export again before sending anything.");
        } else if (!shaNow.equals(exported.sha256())) {
            restored = Message.error(what + "THE FILE HAS CHANGED since: its SHA-256 is now " + shaNow
                    + ". Do not send it; export again, or find out who changed it.");
        } else {
            restored = Message.ok(what + "It is still there, unchanged (SHA-256 checked again): send it from Port-forward "
                    + "and recluster, or export again to send the records as they are now.");
        }
        message.set(restored);
    }

    /** What checking a resumed incident's exported file found; null when nothing was resumed. */
    public Message restoredMessage() {
        return restored;
    }

    public void chooseFile() {
        dialogs.chooseSaveFile("Export affected records", folderPath(), fileName.get()).ifPresent(p -> {
            folder.set(p.getParent().toString());
            fileName.set(p.getFileName().toString());
        });
    }

    public void export() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        if (snapshot == null || replica == null) {
            message.set(Message.error("There is no finished preview to export: go back to Preview."));
            return;
        }
        Path target;
        try {
            if (fileName.get() == null || fileName.get().isBlank()) {
                message.set(Message.error("File name is empty: type a name such as " + ExportNames.defaultFileName(
                        Environment.LOCAL, snapshot.window().cutoff()) + "."));
                return;
            }
            target = folderPath().resolve(fileName.get().trim());
        } catch (InvalidPathException e) {
            message.set(Message.error("\u201c" + e.getInput() + "\u201d is not a valid file name: " + e.getReason() + "."));
            return;
        }
        if (!Files.isDirectory(target.getParent())) {
            message.set(Message.error("Folder " + target.getParent() + " does not exist: choose another folder, or create it first."));
            return;
        }
        boolean overwrite = false;
        if (Files.exists(target)) {
            overwrite = dialogs.confirm("Replace " + target.getFileName() + "?",
                    target + " already exists. Replace it with the " + COUNT.format(snapshot.records().size())
                            + " previewed records? The old file is kept until the new one is complete.", "Replace");
            if (!overwrite) {
                message.set(Message.info("Not exported: " + target.getFileName() + " was left as it is."));
                return;
            }
        }
        run(snapshot, replica, target, overwrite);
    }

    private void run(PreviewSnapshot snapshot, Replica replica, Path target, boolean overwrite) {
        RunbookJsonExport exporter = new RunbookJsonExport();
        List<AffectedRecord> records = snapshot.records();
        long total = records.size();
        synchronized (this) {
            runningExport = exporter;
            cancelled = false;
        }
        busy.set(true);
        progress.set(0);
        session.exportProperty().set(null);
        message.set(Message.info("Checking the replica still agrees with the preview\u2026"));
        session.statusProperty().set("Exporting " + COUNT.format(total) + " records\u2026");
        ChunkedDelivery<Long> progressDelivery = new ChunkedDelivery<>(tasks.uiExecutor(), done -> {
            progress.set((double) done.get(done.size() - 1) / Math.max(1, total));
            message.set(Message.info("Writing " + target.getFileName() + ": " + COUNT.format(done.get(done.size() - 1))
                    + " of " + COUNT.format(total) + " records\u2026"));
        });
        tasks.run(() -> {
            String disagreement = recount(replica, snapshot);
            if (disagreement != null) {
                return new Outcome(null, null, disagreement);
            }
            long[] written = {0};
            ExportResult r = exporter.write(target, overwrite, sink -> {
                for (AffectedRecord rec : records) {
                    sink.accept(rec);
                    if (++written[0] % 50_000 == 0) {
                        progressDelivery.offer(written[0]);
                    }
                }
            });
            progressDelivery.offer(written[0]);
            return new Outcome(r, ExportVerifier.verify(r, records), null);
        }, outcome -> {
            progressDelivery.drain();
            busy.set(false);
            finished(outcome, snapshot);
        }, error -> {
            progressDelivery.drain();
            busy.set(false);
            progress.set(0);
            session.statusProperty().set("Export failed.");
            if (error instanceof ExportException e) {
                message.set(e.kind() == ExportException.Kind.CANCELLED
                        ? Message.warning("Export cancelled: no file was written.")
                        : Message.error(e.getMessage()));
            } else if (error instanceof CancellationException) {
                message.set(Message.warning("Export cancelled: no file was written."));
            } else {
                message.set(Message.error("Export failed: " + Replica.describeFailure(error) + " No file was written."));
            }
        });
    }

    /** Asks the replica for the same window again; returns why it disagrees with the preview, or null. */
    private String recount(Replica replica, PreviewSnapshot snapshot) throws Exception {
        ReplicaQuery<AffectedCounts> q = replica.counts(snapshot.window());
        synchronized (this) {
            if (cancelled) {
                throw new CancellationException();
            }
            runningRecount = q;
        }
        AffectedCounts now;
        try {
            now = q.run();
        } finally {
            synchronized (this) {
                runningRecount = null;
            }
        }
        long previewedRows = snapshot.records().size();
        long replicaRows = snapshot.mode() == RecordMode.DISTINCT_RECORDS ? now.distinctRecords() : now.events();
        if (replicaRows != previewedRows || now.events() != snapshot.summary().events()) {
            return "The replica no longer agrees with the preview for the same window: the preview had "
                    + COUNT.format(previewedRows) + " rows from " + COUNT.format(snapshot.summary().events())
                    + " events, the replica now has " + COUNT.format(replicaRows) + " rows from "
                    + COUNT.format(now.events()) + " events. Nothing was written. Run the preview again "
                    + "and export the new set.";
        }
        return null;
    }

    private void finished(Outcome outcome, PreviewSnapshot snapshot) {
        if (outcome.disagreement() != null) {
            message.set(Message.error(outcome.disagreement()));
            session.statusProperty().set("Not exported: the replica moved on.");
            return;
        }
        ExportResult r = outcome.result();
        VerifyResult v = outcome.verification();
        settings.put("export.folder", r.file().getParent().toString());
        try {
            settings.save();
        } catch (java.io.IOException ignored) {
            // Remembering the folder is a convenience.
        }
        if (!v.matches()) {
            message.set(Message.error("The file was written but re-reading it does not match the preview: " + v.problem()
                    + " Do not use " + r.file() + "; export again."));
            session.statusProperty().set("Export did not verify.");
            return;
        }
        progress.set(1);
        restored = null;
        session.exportProperty().set(r);
        session.record(new JournalEntry.Exported(r.file(), r.sha256(), r.records()));
        message.set(Message.ok("Wrote " + COUNT.format(r.records()) + " records to " + r.file()
                + ". Re-read and verified: it holds exactly the previewed records."));
        session.statusProperty().set("Exported " + COUNT.format(r.records()) + " records, SHA-256 " + r.sha256());
    }

    public void cancel() {
        RunbookJsonExport e;
        ReplicaQuery<AffectedCounts> q;
        synchronized (this) {
            cancelled = true;
            e = runningExport;
            q = runningRecount;
        }
        if (q != null) {
            q.cancel();
        }
        if (e != null) {
            e.cancel();
        }
    }

    private Path folderPath() {
        String f = folder.get();
        return Path.of(f == null || f.isBlank() ? System.getProperty("user.home") : f.trim());
    }

    private record Outcome(ExportResult result, VerifyResult verification, String disagreement) {
    }

    public StringProperty folderProperty() { return folder; }
    public StringProperty fileNameProperty() { return fileName; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> modeWarningProperty() { return modeWarning.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ExportResult> resultProperty() { return result.getReadOnlyProperty(); }
}
