package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.collections.transformation.FilteredList;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffRefusedException;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.DiffTargets;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ProblemCode;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileDiff;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Severity;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.ChunkedDelivery;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The offline review of one exported file, for a reviewer who has the file and nothing else: no replica, no cluster.
 * The file is read in the background by the review core, which gives the verdict, the counts and the problems; a
 * problem's lines are read from the file when it is selected. A second file can be compared with it, and each
 * difference saved in the runbook's format. A file found safe to send is handed to the session for the send step.
 *
 * <p>Opening another file, or leaving the screen, cancels what is running; a late result of earlier work is dropped.
 */
public final class ReviewViewModel {

    /** Lines shown before and after a problem's line: a record in the runbook's format is five lines long. */
    static final int EXCERPT_BEFORE = 4;
    static final int EXCERPT_AFTER = 4;

    private final WizardSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final RecentFiles recent;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<ReviewReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");

    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Problem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final FilteredList<Problem> visibleProblems = new FilteredList<>(problems);
    private final ObjectProperty<Severity> severityFilter = new SimpleObjectProperty<>(this, "severityFilter");
    private final ObservableList<String> notShown = FXCollections.observableArrayList();
    private final ObservableList<String> notShownView = FXCollections.unmodifiableObservableList(notShown);
    private final ObjectProperty<Problem> selectedProblem = new SimpleObjectProperty<>(this, "selectedProblem");
    private final ReadOnlyObjectWrapper<FileExcerpt> excerpt = new ReadOnlyObjectWrapper<>(this, "excerpt");
    private final ReadOnlyObjectWrapper<Message> excerptMessage = new ReadOnlyObjectWrapper<>(this, "excerptMessage");

    private final ReadOnlyObjectWrapper<Path> fileB = new ReadOnlyObjectWrapper<>(this, "fileB");
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(this, "comparing");
    private final ReadOnlyObjectWrapper<DiffResult> diff = new ReadOnlyObjectWrapper<>(this, "diff");
    private final ReadOnlyObjectWrapper<Message> compareMessage = new ReadOnlyObjectWrapper<>(this, "compareMessage");
    private final ObservableMap<Difference, ExportResult> saved = FXCollections.observableHashMap();
    private final ObservableMap<Difference, ExportResult> savedView = FXCollections.unmodifiableObservableMap(saved);
    private final Deduplication deduplication;
    private final BooleanBinding working;

    // Which piece of work is current; a result carrying another number is stale and dropped. Read by workers.
    private final AtomicLong reviewRun = new AtomicLong();
    private final AtomicLong excerptRun = new AtomicLong();
    private final AtomicLong compareRun = new AtomicLong();
    private volatile RecordsFileValidator validator;
    private volatile RecordsFileDiff differ;
    private Stamp reviewedStamp;

    public ReviewViewModel(WizardSession session, TaskRunner tasks, DialogService dialogs, SettingsStore settings) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.recent = new RecentFiles(settings);
        this.deduplication = new Deduplication(tasks, dialogs, this::open);
        this.working = busy.or(comparing).or(deduplication.savingProperty());
        visibleProblems.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            Severity only = severityFilter.get();
            Predicate<Problem> all = p -> true;
            return only == null ? all : p -> p.severity() == only;
        }, severityFilter));
        selectedProblem.addListener((obs, was, now) -> loadExcerpt(now));
    }

    // ---- opening and reviewing

    /** Asks for a file and reviews it; false when the reviewer chose none. */
    public boolean chooseAndOpen() {
        Optional<Path> chosen = dialogs.chooseOpenFile("Open a file for review", initialFolder(),
                "Exported records (JSON)", "json");
        chosen.ifPresent(this::open);
        return chosen.isPresent();
    }

    /** Reviews {@code path}, cancelling whatever this screen was doing. */
    public void open(Path path) {
        Objects.requireNonNull(path, "path");
        Path target = path.toAbsolutePath().normalize();
        cancel();
        deduplication.reset();
        long run = reviewRun.incrementAndGet();
        compareRun.incrementAndGet();
        busy.set(false);
        comparing.set(false);
        clear();
        file.set(target);
        // Whatever was handed on before was the last file looked at; it no longer is.
        session.reviewedFileProperty().set(null);
        if (Files.isDirectory(target)) {
            message.set(Message.error(target + " is a folder: choose the exported JSON file inside it."));
            return;
        }
        RecordsFileValidator v = new RecordsFileValidator();
        validator = v;
        busy.set(true);
        progress.set(-1);
        progressText.set("Reading " + target.getFileName() + "\u2026");
        session.statusProperty().set("Reviewing " + target + "\u2026");
        ChunkedDelivery<long[]> progressDelivery = new ChunkedDelivery<>(tasks.uiExecutor(), batch -> {
            if (run == reviewRun.get()) {
                showProgress(target, batch.get(batch.size() - 1));
            }
        });
        tasks.run(() -> {
            Stamp stamp = Stamp.of(target);
            ReviewReport r = v.validate(target, (records, bytesRead, totalBytes) ->
                    progressDelivery.offer(new long[] {records, bytesRead, totalBytes}));
            return new Reviewed(r, stamp);
        }, reviewed -> {
            progressDelivery.drain();
            if (run == reviewRun.get()) {
                busy.set(false);
                show(reviewed);
            }
        }, error -> {
            progressDelivery.drain();
            if (run == reviewRun.get()) {
                busy.set(false);
                failed(target, error);
            }
        });
    }

    private void clear() {
        message.set(null);
        report.set(null);
        verdict.set(null);
        selectedProblem.set(null);
        problems.clear();
        notShown.clear();
        severityFilter.set(null);
        fileB.set(null);
        diff.set(null);
        compareMessage.set(null);
        saved.clear();
        progress.set(0);
        progressText.set("");
        reviewedStamp = null;
    }

    private void showProgress(Path target, long[] latest) {
        long records = latest[0];
        long read = latest[1];
        long total = latest[2];
        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) read / total));
        progressText.set("Reading " + target.getFileName() + ": " + ReviewText.megabytes(read) + " of "
                + ReviewText.megabytes(total) + ", " + ReviewText.plural(records, "record") + " so far");
    }

    private void show(Reviewed reviewed) {
        ReviewReport r = reviewed.report();
        reviewedStamp = reviewed.stamp();
        recent.add(r.file());
        progress.set(1);
        progressText.set("");
        report.set(r);
        Verdict v = Verdict.of(r);
        verdict.set(v);
        problems.setAll(r.problems());
        List<String> hidden = new ArrayList<>();
        for (ProblemCode code : ProblemCode.values()) {
            long n = r.notShown(code);
            if (n > 0) {
                hidden.add(ReviewText.count(n) + " more " + code.name() + " not shown");
            }
        }
        notShown.setAll(hidden);
        if (r.safeToSend()) {
            session.reviewedFileProperty().set(new ReviewedFile(r.file(), r.sha256(), r.records()));
        }
        session.statusProperty().set("Reviewed " + r.file().getFileName() + ": " + v.headline().toLowerCase() + ".");
        // The first error is what the reviewer has to see; show its lines straight away.
        r.problems().stream().min(Comparator.comparing(Problem::severity)).ifPresent(selectedProblem::set);
    }

    private void failed(Path target, Throwable error) {
        progress.set(0);
        progressText.set("");
        if (error instanceof CancellationException) {
            message.set(Message.warning("Review of " + target.getFileName() + " cancelled: no verdict. Open it again "
                    + "to review it."));
            session.statusProperty().set("Review cancelled.");
            return;
        }
        session.statusProperty().set("Review failed.");
        if (error instanceof NoSuchFileException) {
            recent.remove(target);
            message.set(Message.error(target + " does not exist (any more): it was moved, renamed or deleted."));
        } else if (error instanceof AccessDeniedException) {
            message.set(Message.error(target + " cannot be read: permission denied."));
        } else if (error instanceof IOException) {
            message.set(Message.error(target + " cannot be read: " + error.getMessage()));
        } else {
            message.set(Message.error("The review of " + target + " failed: " + error));
        }
    }

    // ---- problems and their lines

    private void loadExcerpt(Problem problem) {
        long run = excerptRun.incrementAndGet();
        excerpt.set(null);
        Path target = file.get();
        if (problem == null || target == null) {
            excerptMessage.set(null);
            return;
        }
        Stamp reviewed = reviewedStamp;
        excerptMessage.set(Message.info("Reading the lines around line " + ReviewText.count(problem.line()) + "\u2026"));
        tasks.run(() -> {
            FileExcerpt lines = FileExcerpt.read(target, problem.line(), problem.column(), EXCERPT_BEFORE,
                    EXCERPT_AFTER, () -> run != excerptRun.get());
            return new Read(lines, Stamp.of(target));
        }, read -> {
            if (run != excerptRun.get()) {
                return;
            }
            excerpt.set(read.excerpt());
            excerptMessage.set(read.stamp().equals(reviewed) ? null : Message.warning(target.getFileName()
                    + " has changed since it was reviewed: these lines may not be the ones the review read. Open it "
                    + "again to review what it holds now."));
        }, error -> {
            if (run != excerptRun.get() || error instanceof CancellationException) {
                return;
            }
            excerptMessage.set(Message.error("The lines around line " + ReviewText.count(problem.line())
                    + " cannot be read: " + (error instanceof NoSuchFileException ? target + " no longer exists."
                    : error.getMessage())));
        });
    }

    // ---- comparing

    /** Asks for the file to compare the reviewed one with, and compares them. */
    public void chooseAndCompare() {
        Path a = file.get();
        if (a == null) {
            return;
        }
        dialogs.chooseOpenFile("Compare " + a.getFileName() + " with", a.getParent(), "Exported records (JSON)", "json")
                .ifPresent(this::compare);
    }

    /** Compares the reviewed file (A) with {@code other} (B) by source system and id. */
    public void compare(Path other) {
        Path a = file.get();
        if (a == null || busy.get() || comparing.get()) {
            return;
        }
        Path b = other.toAbsolutePath().normalize();
        long run = compareRun.incrementAndGet();
        fileB.set(b);
        diff.set(null);
        saved.clear();
        compareMessage.set(Message.info("Comparing " + a.getFileName() + " with " + b.getFileName() + "\u2026"));
        RecordsFileDiff d = new RecordsFileDiff();
        differ = d;
        comparing.set(true);
        tasks.run(() -> d.compare(a, b, DiffTargets.none(), false), result -> {
            if (run == compareRun.get()) {
                comparing.set(false);
                diff.set(result);
                compareMessage.set(null);
            }
        }, error -> {
            if (run == compareRun.get()) {
                comparing.set(false);
                compareMessage.set(compareFailure(error, "Comparison cancelled."));
            }
        });
    }

    /**
     * Saves one difference of the last comparison in the runbook's format, asking where, and before replacing a
     * file. The comparison runs again to pick the records out; if either file changed since, the counts shown are
     * updated and the reviewer told.
     */
    public void save(Difference which) {
        DiffResult shown = diff.get();
        if (shown == null || busy.get() || comparing.get()) {
            return;
        }
        Path a = shown.a().file();
        Path b = shown.b().file();
        Optional<Path> chosen = dialogs.chooseSaveFile("Save the records " + which.label(), a.getParent(),
                which.defaultFileName(a, b));
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get().toAbsolutePath().normalize();
        if (target.equals(a) || target.equals(b)) {
            compareMessage.set(Message.error(target + " is one of the files being compared: save the records "
                    + which.label() + " to another file."));
            return;
        }
        long count = which.count(shown);
        boolean overwrite = false;
        if (Files.exists(target)) {
            overwrite = dialogs.confirm("Replace " + target.getFileName() + "?", target + " already exists. Replace it "
                    + "with the " + ReviewText.plural(count, "record") + " " + which.label() + "? The old file is kept "
                    + "until the new one is complete.", "Replace");
            if (!overwrite) {
                compareMessage.set(Message.info("Not saved: " + target.getFileName() + " was left as it is."));
                return;
            }
        }
        boolean replace = overwrite;
        long run = compareRun.incrementAndGet();
        RecordsFileDiff d = new RecordsFileDiff();
        differ = d;
        comparing.set(true);
        compareMessage.set(Message.info("Saving the records " + which.label() + " to " + target + "\u2026"));
        tasks.run(() -> d.compare(a, b, which.target(target), replace), result -> {
            if (run != compareRun.get()) {
                return;
            }
            comparing.set(false);
            diff.set(result);
            ExportResult written = which.written(result);
            saved.put(which, written);
            String changed = changedSince(shown, result);
            String wrote = "Saved " + ReviewText.plural(written.records(), "record") + " " + which.label() + " to "
                    + written.file() + ", SHA-256 " + written.sha256() + ".";
            compareMessage.set(changed == null ? Message.ok(wrote) : Message.warning(wrote + " " + changed));
        }, error -> {
            if (run == compareRun.get()) {
                comparing.set(false);
                compareMessage.set(compareFailure(error, "Not saved: cancelled before " + target.getFileName()
                        + " was complete, so nothing was written."));
            }
        });
    }

    private static String changedSince(DiffResult before, DiffResult now) {
        List<String> changed = new ArrayList<>();
        if (!before.a().sha256().equals(now.a().sha256())) {
            changed.add(before.a().file().getFileName().toString());
        }
        if (!before.b().sha256().equals(now.b().sha256())) {
            changed.add(before.b().file().getFileName().toString());
        }
        if (changed.isEmpty()) {
            return null;
        }
        return String.join(" and ", changed) + " changed since the comparison: the counts above are the new ones"
                + (changed.contains(before.a().file().getFileName().toString()) ? ", and the review of A is out of "
                + "date: open it again" : "") + ".";
    }

    private static Message compareFailure(Throwable error, String cancelled) {
        if (error instanceof CancellationException) {
            return Message.warning(cancelled);
        }
        if (error instanceof DiffRefusedException || error instanceof ExportException) {
            return Message.error(error.getMessage());
        }
        if (error instanceof IllegalArgumentException) {
            return Message.error(error.getMessage() + ".");
        }
        if (error instanceof NoSuchFileException missing) {
            return Message.error(missing.getFile() + " does not exist.");
        }
        if (error instanceof IOException) {
            return Message.error("The files cannot be compared: " + error.getMessage());
        }
        return Message.error("The comparison failed: " + error);
    }

    // ---- de-duplicating

    /** Asks where, then saves a copy of the reviewed file with each record once; see {@link Deduplication}. */
    public void saveDeduplicated() {
        if (!busy.get() && !comparing.get()) {
            deduplication.save(report.get());
        }
    }

    /** Reviews the de-duplicated copy just saved. */
    public void reviewDeduplicated() {
        deduplication.reviewSaved();
    }

    // ---- stopping

    /** Stops the review, comparison or save that is running; what was already shown stays. */
    public void cancel() {
        RecordsFileValidator v = validator;
        if (busy.get() && v != null) {
            v.cancel();
        }
        RecordsFileDiff d = differ;
        if (comparing.get() && d != null) {
            d.cancel();
        }
        deduplication.cancel();
    }

    public void openRecent(Path path) {
        open(path);
    }

    public void clearRecent() {
        recent.clear();
    }

    private Path initialFolder() {
        if (!recent.files().isEmpty() && recent.files().get(0).getParent() != null
                && Files.isDirectory(recent.files().get(0).getParent())) {
            return recent.files().get(0).getParent();
        }
        return Path.of(settings.get("export.folder", System.getProperty("user.home")));
    }

    /** What a file looked like when it was read: enough to tell that it changed since, without reading it again. */
    private record Stamp(long size, FileTime modified) {
        static Stamp of(Path file) throws IOException {
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file));
        }
    }

    private record Reviewed(ReviewReport report, Stamp stamp) {
    }

    private record Read(FileExcerpt excerpt, Stamp stamp) {
    }

    // ---- what the screen shows

    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReviewReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Verdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    /** Every problem the report kept, in file order. */
    public ObservableList<Problem> problems() { return problemsView; }
    /** The problems of the chosen severity. */
    public ObservableList<Problem> visibleProblems() { return visibleProblems; }
    /** Null for all severities. */
    public ObjectProperty<Severity> severityFilterProperty() { return severityFilter; }
    /** {@code 1,234 more DUPLICATE_RECORD not shown}, for each code the report capped. */
    public ObservableList<String> notShown() { return notShownView; }
    public ObjectProperty<Problem> selectedProblemProperty() { return selectedProblem; }
    public ReadOnlyObjectProperty<FileExcerpt> excerptProperty() { return excerpt.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> excerptMessageProperty() { return excerptMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileBProperty() { return fileB.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty comparingProperty() { return comparing.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DiffResult> diffProperty() { return diff.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> compareMessageProperty() { return compareMessage.getReadOnlyProperty(); }
    /** The differences saved since the last comparison, and where. */
    public ObservableMap<Difference, ExportResult> saved() { return savedView; }
    public Deduplication deduplication() { return deduplication; }
    /** Reviewing, comparing or saving. */
    public ObservableBooleanValue workingProperty() { return working; }
    public ObservableList<Path> recentFiles() { return recent.files(); }
    /** The session's hand-off to the send step. */
    public ReadOnlyObjectProperty<ReviewedFile> reviewedFileProperty() { return session.reviewedFileProperty(); }
}
