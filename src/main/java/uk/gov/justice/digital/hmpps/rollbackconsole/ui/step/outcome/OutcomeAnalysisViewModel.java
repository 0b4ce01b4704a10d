package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHoursQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChangesQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPathsQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.MergedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPack;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPackQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.OutcomeFindings;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.SanityPackFiles;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.QueryRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The Outcome step beyond the runbook's statistics: what the recluster changed (from the exported file against the
 * replica now), the business impact over time, the sanity-check files for data science and a path for every
 * cluster left. Each is read on demand over the preview's window; what changed and the files are journalled.
 */
public final class OutcomeAnalysisViewModel {

    private static final String CHANGES = "changes";
    private static final String HOURS = "hours";
    private static final String PACK = "pack";
    private static final String PATHS = "paths";

    private final WizardSession session;
    private final TaskRunner tasks;
    private final ObservableObjectValue<OutstandingClusters> outstanding;
    private final QueryRuns runs = new QueryRuns();

    private final ReadOnlyObjectWrapper<ClusterChanges> changes = new ReadOnlyObjectWrapper<>(this, "changes");
    private final ObservableList<MergedCluster> merged = FXCollections.observableArrayList();
    private final ObservableList<MergedCluster> mergedView = FXCollections.unmodifiableObservableList(merged);
    private final ReadOnlyObjectWrapper<Message> changesMessage = new ReadOnlyObjectWrapper<>(this, "changesMessage");
    private final ReadOnlyBooleanWrapper changesRunning = new ReadOnlyBooleanWrapper(this, "changesRunning");

    private final ReadOnlyObjectWrapper<AffectedHours> hours = new ReadOnlyObjectWrapper<>(this, "hours");
    private final ReadOnlyObjectWrapper<Message> impactMessage = new ReadOnlyObjectWrapper<>(this, "impactMessage");
    private final ReadOnlyBooleanWrapper impactRunning = new ReadOnlyBooleanWrapper(this, "impactRunning");
    private final BadReleaseSpanViewModel release;

    private final ReadOnlyObjectWrapper<SanityPack> pack = new ReadOnlyObjectWrapper<>(this, "pack");
    private final ReadOnlyStringWrapper packFiles = new ReadOnlyStringWrapper(this, "packFiles", "");
    private final ReadOnlyObjectWrapper<Message> packMessage = new ReadOnlyObjectWrapper<>(this, "packMessage");
    private final ReadOnlyBooleanWrapper packRunning = new ReadOnlyBooleanWrapper(this, "packRunning");

    private final ReadOnlyObjectWrapper<ClusterPaths> paths = new ReadOnlyObjectWrapper<>(this, "paths");
    private final ObservableList<ClusterPath> pathRows = FXCollections.observableArrayList();
    private final ObservableList<ClusterPath> pathRowsView = FXCollections.unmodifiableObservableList(pathRows);
    private final ReadOnlyObjectWrapper<Message> pathsMessage = new ReadOnlyObjectWrapper<>(this, "pathsMessage");
    private final ReadOnlyBooleanWrapper pathsRunning = new ReadOnlyBooleanWrapper(this, "pathsRunning");
    private final StringProperty manageUiBase = new SimpleStringProperty(this, "manageUiBase", "");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final ManageUiAddress manageUi;

    /**
     * @param outstanding the outstanding clusters the step has read, if any: paths start from them
     * @param manageUi    where the manage UI's address is kept between runs
     */
    public OutcomeAnalysisViewModel(WizardSession session, TaskRunner tasks,
                                    ObservableObjectValue<OutstandingClusters> outstanding, ManageUiAddress manageUi) {
        this.session = session;
        this.manageUi = manageUi;
        manageUiBase.set(manageUi.get());
        this.tasks = tasks;
        this.outstanding = outstanding;
        this.release = new BadReleaseSpanViewModel(session, tasks);
        busy.bind(changesRunning.or(impactRunning).or(packRunning).or(pathsRunning).or(release.runningProperty()));
        session.previewProperty().addListener((obs, was, now) -> reset());
    }

    /** The exported file the recluster was sent from: this window's export, else the resumed journal's, else a reviewed file. */
    Optional<Path> exportedFile() {
        if (session.exportProperty().get() != null) {
            return Optional.of(session.exportProperty().get().file());
        }
        IncidentState resumed = session.resumedProperty().get();
        if (resumed != null && resumed.export().isPresent()) {
            return Optional.of(resumed.export().get().path());
        }
        return Optional.ofNullable(session.reviewedFileProperty().get()).map(r -> r.file());
    }

    /** Reads what the recluster changed for the exported file's records, and journals the figures. */
    public void readChanges() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        Optional<Path> file = exportedFile();
        if (snapshot == null || replica == null) {
            changesMessage.set(Message.error("There is no preview on a live connection: connect and preview first."));
            return;
        }
        if (file.isEmpty()) {
            changesMessage.set(Message.error("No exported file for this preview: what changed is read from the file"
                    + " the recluster was sent from. Export it (step 4), or carry on the incident that exported it."));
            return;
        }
        if (!Files.isRegularFile(file.get())) {
            changesMessage.set(Message.error("The exported file " + file.get() + " is not there: what changed is"
                    + " read from the file the recluster was sent from."));
            return;
        }
        long run = runs.current();
        changesRunning.set(true);
        changesMessage.set(Message.info("Reading where each record of " + file.get().getFileName() + " is now\u2026"));
        tasks.run(() -> {
            ReplicaQuery<ClusterChanges> q = ClusterChangesQuery.of(replica, snapshot.window(), file.get(),
                    ClusterChangesQuery.DEFAULT_BATCH);
            if (!runs.register(run, CHANGES, q)) {
                throw new CancellationException();
            }
            return q.run();
        }, found -> {
            runs.forget(run, CHANGES);
            if (!runs.isCurrent(run)) {
                return;
            }
            changesRunning.set(false);
            changes.set(found);
            merged.setAll(found.merged());
            pack.set(null);
            packFiles.set("");
            journal(new JournalEntry.ChangesTaken(found.window(), found.fileSha256(), found.takenAt(), found.counts()));
            changesMessage.set(Message.ok(OutcomeWording.changes(found.counts())));
        }, error -> failed(run, CHANGES, changesRunning, changesMessage, "Reading what changed", error));
    }

    /**
     * Reads the affected records by hour, for the business impact's chart, and how long the bad release ran from
     * the cluster's release history (through the session's cluster target), side by side in the background.
     */
    public void readImpact() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        if (snapshot == null || replica == null) {
            impactMessage.set(Message.error("There is no preview on a live connection: connect and preview first."));
            return;
        }
        release.read();
        long run = runs.current();
        impactRunning.set(true);
        impactMessage.set(Message.info("Counting the affected records by hour\u2026"));
        tasks.run(() -> {
            ReplicaQuery<AffectedHours> q = AffectedHoursQuery.of(replica, snapshot.window());
            if (!runs.register(run, HOURS, q)) {
                throw new CancellationException();
            }
            return q.run();
        }, found -> {
            runs.forget(run, HOURS);
            if (!runs.isCurrent(run)) {
                return;
            }
            impactRunning.set(false);
            hours.set(found);
            impactMessage.set(Message.ok(OutcomeWording.hours(found)));
        }, error -> failed(run, HOURS, impactRunning, impactMessage, "Counting the records by hour", error));
    }

    /** Builds the sanity-check pack from what changed and writes it into the incident's folder, journalled. */
    public void writePack() {
        ClusterChanges found = changes.get();
        Replica replica = session.replicaProperty().get();
        Optional<Path> file = exportedFile();
        if (found == null || replica == null || file.isEmpty()) {
            packMessage.set(Message.error("Read what the recluster changed first (What changed tab)."));
            return;
        }
        Path folder = session.incident().flatMap(IncidentRecorder::folder)
                .orElse(Path.of(System.getProperty("user.home")));
        Environment environment = session.environmentProperty().get();
        long run = runs.current();
        packRunning.set(true);
        packMessage.set(Message.info("Reading the merged clusters' records and merge events\u2026"));
        tasks.run(() -> {
            ReplicaQuery<SanityPack> q = SanityPackQuery.of(replica, found, file.get(), ClusterChangesQuery.DEFAULT_BATCH);
            if (!runs.register(run, PACK, q)) {
                throw new CancellationException();
            }
            SanityPack built = q.run();
            return new Packed(built, new SanityPackFiles().write(folder, true, built, environment));
        }, packed -> {
            runs.forget(run, PACK);
            if (!runs.isCurrent(run)) {
                return;
            }
            packRunning.set(false);
            pack.set(packed.pack());
            journal(new JournalEntry.FileWritten(SanityPackFiles.CSV_PURPOSE, packed.files().csv().path(),
                    packed.files().csv().sha256()));
            journal(new JournalEntry.FileWritten(SanityPackFiles.JSON_PURPOSE, packed.files().json().path(),
                    packed.files().json().sha256()));
            packFiles.set(packed.files().csv().path() + "\n" + packed.files().json().path());
            packMessage.set(Message.ok(packed.pack().clusters().size() + " merged clusters, " + packed.pack().records()
                    + " records, written for data science."));
        }, error -> failed(run, PACK, packRunning, packMessage, "The sanity check", error));
    }

    private record Packed(SanityPack pack, SanityPackFiles.Written files) {
    }

    /** Gives every outstanding cluster its path, reading the review queue (and the clusters, if not read yet). */
    public void readPaths() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        if (snapshot == null || replica == null) {
            pathsMessage.set(Message.error("There is no preview on a live connection: connect and preview first."));
            return;
        }
        Optional<String> badAddress = ManageUiAddress.problem(manageUiBase.get());
        if (badAddress.isPresent()) {
            pathsMessage.set(Message.error(badAddress.get()));
            return;
        }
        OutstandingClusters known = outstanding.get();
        String base = manageUiBase.get() == null ? "" : manageUiBase.get().strip();
        Optional<String> notKept = manageUi.keep(base);
        long run = runs.current();
        pathsRunning.set(true);
        pathsMessage.set(Message.info("Reading the review queue for the clusters left\u2026"));
        tasks.run(() -> {
            OutstandingClusters clusters = known;
            if (clusters == null) {
                ReplicaQuery<OutstandingClusters> q = replica.outstandingClusters(snapshot.window());
                if (!runs.register(run, PATHS, q)) {
                    throw new CancellationException();
                }
                clusters = q.run();
            }
            ReplicaQuery<ClusterPaths> q = ClusterPathsQuery.of(replica, clusters, base);
            if (!runs.register(run, PATHS, q)) {
                throw new CancellationException();
            }
            return q.run();
        }, found -> {
            runs.forget(run, PATHS);
            if (!runs.isCurrent(run)) {
                return;
            }
            pathsRunning.set(false);
            paths.set(found);
            pathRows.setAll(found.paths());
            journal(found.journalEntry());
            String kept = notKept.map(n -> " " + n).orElse("");
            pathsMessage.set(found.paths().isEmpty() && notKept.isEmpty()
                    ? Message.ok("No cluster is left needing attention.")
                    : Message.warning((found.paths().isEmpty() ? "No cluster is left needing attention."
                    : OutcomeWording.paths(found)) + kept));
        }, error -> failed(run, PATHS, pathsRunning, pathsMessage, "Reading the review queue", error));
    }

    private void failed(long run, String name, ReadOnlyBooleanWrapper running, ReadOnlyObjectWrapper<Message> message,
                        String what, Throwable error) {
        runs.forget(run, name);
        if (!runs.isCurrent(run)) {
            return;
        }
        running.set(false);
        Throwable cause = ClusterChangesQuery.cause(error);
        message.set(cause instanceof CancellationException ? Message.warning("Cancelled: " + what.toLowerCase()
                + " was not finished.") : Message.error(what + " failed: " + Replica.describeFailure(cause)));
    }

    /** What the report and the summaries take from here. */
    public OutcomeFindings findings() {
        return OutcomeFindings.of(changes.get(), hours.get(), release.current().orElse(null), pack.get(), paths.get());
    }

    public void cancel() {
        runs.cancelAll();
        release.cancel();
    }

    private void journal(JournalEntry entry) {
        session.incident().ifPresent(i -> i.start(session.environmentProperty().get() == null ? Environment.LOCAL
                : session.environmentProperty().get()));
        session.record(entry);
    }

    private void reset() {
        runs.restart();
        release.reset();
        for (ReadOnlyBooleanWrapper running : List.of(changesRunning, impactRunning, packRunning, pathsRunning)) {
            running.set(false);
        }
        changes.set(null);
        merged.clear();
        hours.set(null);
        pack.set(null);
        packFiles.set("");
        paths.set(null);
        pathRows.clear();
        for (ReadOnlyObjectWrapper<Message> m : List.of(changesMessage, impactMessage, packMessage, pathsMessage)) {
            m.set(null);
        }
    }

    public ReadOnlyObjectProperty<ClusterChanges> changesProperty() { return changes.getReadOnlyProperty(); }
    public ObservableList<MergedCluster> merged() { return mergedView; }
    public ReadOnlyObjectProperty<Message> changesMessageProperty() { return changesMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty changesRunningProperty() { return changesRunning.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AffectedHours> hoursProperty() { return hours.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> impactMessageProperty() { return impactMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty impactRunningProperty() { return impactRunning.getReadOnlyProperty(); }
    /** How long the bad release ran; null until read, or when the history does not reach back to it. */
    public ReadOnlyObjectProperty<uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact.ReleaseSpan>
            releaseSpanProperty() { return release.spanProperty(); }
    public ReadOnlyObjectProperty<Message> releaseMessageProperty() { return release.messageProperty(); }
    public ReadOnlyBooleanProperty releaseRunningProperty() { return release.runningProperty(); }
    public ReadOnlyObjectProperty<SanityPack> packProperty() { return pack.getReadOnlyProperty(); }
    public ReadOnlyStringProperty packFilesProperty() { return packFiles.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> packMessageProperty() { return packMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty packRunningProperty() { return packRunning.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClusterPaths> pathsProperty() { return paths.getReadOnlyProperty(); }
    public ObservableList<ClusterPath> pathRows() { return pathRowsView; }
    public ReadOnlyObjectProperty<Message> pathsMessageProperty() { return pathsMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty pathsRunningProperty() { return pathsRunning.getReadOnlyProperty(); }
    /** The team's manage UI, e.g. {@code https://manage-people.example}: links are {@code BASE/cluster/UUID}. */
    public StringProperty manageUiBaseProperty() { return manageUiBase; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

}
