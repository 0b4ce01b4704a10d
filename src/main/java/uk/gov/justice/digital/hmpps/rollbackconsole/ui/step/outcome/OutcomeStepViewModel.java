package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ChannelSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.IncidentReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.OutstandingClustersFiles;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.QueryRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Runbook step 7: did the recluster work? The statistics before (from the preview) beside the same query run again
 * now, over the very window the preview fixed; the clusters left needing attention, for manual resolution; and the
 * incident's report. Plain Java with javafx.beans only, so it is tested without a window.
 */
public final class OutcomeStepViewModel {

    static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    /** The purposes the journal and the report give the outstanding clusters' files. */
    static final String CSV_PURPOSE = "outstanding clusters (CSV)";
    static final String JSON_PURPOSE = "outstanding clusters (JSON)";

    private final WizardSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ClusterStatistics> before = new ReadOnlyObjectWrapper<>(this, "before");
    private final ReadOnlyObjectWrapper<ClusterStatistics> after = new ReadOnlyObjectWrapper<>(this, "after");
    private final ReadOnlyObjectWrapper<StatisticsComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<OutcomeVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final ObservableList<StatisticsComparison.Row> comparisonRows = FXCollections.observableArrayList();
    // Kept: a read-only view listens weakly, so one made per call could be collected with its listeners.
    private final ObservableList<StatisticsComparison.Row> comparisonRowsView = FXCollections.unmodifiableObservableList(comparisonRows);
    private final ReadOnlyObjectWrapper<Message> statisticsMessage = new ReadOnlyObjectWrapper<>(this, "statisticsMessage");
    private final ReadOnlyBooleanWrapper statisticsRunning = new ReadOnlyBooleanWrapper(this, "statisticsRunning");

    private final ReadOnlyObjectWrapper<OutstandingClusters> outstanding = new ReadOnlyObjectWrapper<>(this, "outstanding");
    private final ObservableList<OutstandingCluster> clusters = FXCollections.observableArrayList();
    // Kept: a read-only view listens weakly, so one made per call could be collected with its listeners.
    private final ObservableList<OutstandingCluster> clustersView = FXCollections.unmodifiableObservableList(clusters);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<Predicate<OutstandingCluster>> filterPredicate =
            new ReadOnlyObjectWrapper<>(this, "filterPredicate");
    private final ReadOnlyObjectWrapper<Message> outstandingMessage = new ReadOnlyObjectWrapper<>(this, "outstandingMessage");
    private final ReadOnlyBooleanWrapper outstandingRunning = new ReadOnlyBooleanWrapper(this, "outstandingRunning");

    private final ReadOnlyObjectWrapper<Message> reportMessage = new ReadOnlyObjectWrapper<>(this, "reportMessage");
    private final ReadOnlyStringWrapper reportPaths = new ReadOnlyStringWrapper(this, "reportPaths", "");
    private final ReadOnlyBooleanWrapper writing = new ReadOnlyBooleanWrapper(this, "writing");
    private final javafx.beans.property.ObjectProperty<Masking> masking =
            new javafx.beans.property.SimpleObjectProperty<>(this, "masking", Masking.NONE);
    private final ReadOnlyBooleanWrapper reportWritten = new ReadOnlyBooleanWrapper(this, "reportWritten");

    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper(this, "windowText", "");
    // A resumed incident whose journal says every batch is settled: the Outcome step is where it carries on.
    private final ReadOnlyBooleanWrapper resumedFinished = new ReadOnlyBooleanWrapper(this, "resumedFinished");
    // The statistics the incident took before any batch was sent, as its journal has them; null when none.
    private ClusterStatistics journalledBefore;
    // The window the resumed incident previewed: its journalled statistics compare only with a preview of it.
    private uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow journalledWindow;
    private String resumedNote;

    // Guarded by this: set on worker threads, cancelled from the UI thread.
    private static final String STATISTICS = "statistics";
    private static final String OUTSTANDING = "outstanding";
    private final QueryRuns runs = new QueryRuns();
    private final OutcomeAnalysisViewModel analysis;

    public OutcomeStepViewModel(WizardSession session, TaskRunner tasks, DialogService dialogs, Clock clock) {
        this(session, tasks, dialogs, clock, new ManageUiAddress(null));
    }

    /** @param manageUi where the manage UI's address is kept between runs (the settings file) */
    public OutcomeStepViewModel(WizardSession session, TaskRunner tasks, DialogService dialogs, Clock clock,
                                ManageUiAddress manageUi) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.clock = clock;
        available.bind(session.previewProperty().isNotNull().and(session.replicaProperty().isNotNull()));
        analysis = new OutcomeAnalysisViewModel(session, tasks, outstanding.getReadOnlyProperty(), manageUi);
        busy.bind(statisticsRunning.or(outstandingRunning).or(writing).or(analysis.busyProperty()));
        filter.addListener((obs, was, now) -> filterPredicate.set(predicateFor(now)));
        comparison.bind(Bindings.createObjectBinding(() -> before.get() == null || after.get() == null ? null
                : StatisticsComparison.of(before.get(), after.get()), before, after));
        comparison.addListener((obs, was, now) -> comparisonRows.setAll(now == null ? List.of() : now.rows()));
        verdict.bind(Bindings.createObjectBinding(() -> comparison.get() == null ? null
                : OutcomeVerdict.of(comparison.get()), comparison));
        // The after statistics are taken by themselves when a recluster run completes (runbook: re-check them).
        session.reclusterProperty().addListener((obs, was, run) -> {
            if (run != null) {
                run.endingProperty().addListener((o, w, ending) -> {
                    if (ending == uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Ending.COMPLETE
                            && session.previewProperty().get() != null && session.replicaProperty().get() != null) {
                        // Taken while the lead is still on Progress: the status bar keeps speaking of the run.
                        takeAfter(false);
                    }
                });
            }
        });
        // A resumed incident compares with the statistics it took before the recluster, not with those a preview
        // taken again after it (over the same window) finds.
        session.resumedProperty().addListener((obs, was, state) -> resumed(state));
        // Another preview is another window: nothing read for the old one still applies.
        session.previewProperty().addListener((obs, was, now) -> reset(now));
        reset(session.previewProperty().get());
    }

    /** Reads the outstanding clusters when the step is entered and they have not been read for this window. */
    public void enter() {
        if (available.get() && outstanding.get() == null && !outstandingRunning.get()) {
            refreshOutstanding();
        }
        // A resumed incident whose run is over takes the after statistics by itself, as a run completing here does.
        PreviewSnapshot snapshot = session.previewProperty().get();
        if (resumedFinished.get() && available.get() && after.get() == null && !statisticsRunning.get()
                && snapshot.window().equals(journalledWindow)) {
            takeAfter();
        }
    }

    private void resumed(uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState state) {
        boolean mayHaveRun = state != null && state.batches().stream()
                .anyMatch(uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState::mayHaveRun);
        journalledBefore = mayHaveRun ? state.statisticsBefore().orElse(null) : null;
        journalledWindow = state == null ? null : state.preview().map(JournalEntry.PreviewTaken::window).orElse(null);
        resumedFinished.set(state != null && state.sendFinished());
        resumedNote = !resumedFinished.get() ? null : "Carried on from the journal of " + state.folder().getFileName()
                + ": all " + state.batches().size() + " batches are settled (" + state.sent().size() + " sent and seen "
                + "complete" + (state.batches().size() > state.sent().size() ? ", the others skipped as decided" : "")
                + "). The report lists them as the journal records them.";
        reset(session.previewProperty().get());
    }

    /** Runs the preview's cluster statistics query again, over the same window, and journals what it found. */
    public void takeAfter() {
        takeAfter(true);
    }

    /** @param sayInStatus whether the status bar says so: not when taken by itself behind another step */
    private void takeAfter(boolean sayInStatus) {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        if (snapshot == null || replica == null) {
            statisticsMessage.set(Message.error("There is no preview to compare with: connect and preview first."));
            return;
        }
        long run = runs.current();
        statisticsRunning.set(true);
        statisticsMessage.set(Message.info("Taking the cluster statistics again for the preview's window\u2026"));
        startIncident();
        takeAnyway = false;
        tasks.run(() -> {
            String notReplayed = waitForReplay(replica, run);
            ReplicaQuery<ClusterStatistics> q = replica.clusterStatistics(snapshot.window());
            if (!runs.register(run, STATISTICS, q)) {
                throw new CancellationException();
            }
            ClusterStatistics stats = q.run();
            return new Taken(stats, journalLacksBefore(), notReplayed);
        }, taken -> {
            runs.forget(run, STATISTICS);
            if (!runs.isCurrent(run)) {
                return;
            }
            ClusterStatistics stats = taken.after();
            statisticsRunning.set(false);
            waitingForReplay.set(false);
            after.set(stats);
            if (taken.journalLacksBefore() && snapshot.statisticsBefore() != null) {
                // The comparison's "before" belongs in the journal too, ahead of the "after", so that the incident
                // read back says what this screen said.
                journal(new JournalEntry.StatisticsTaken(JournalEntry.Phase.BEFORE, snapshot.statisticsBefore()));
            }
            journal(new JournalEntry.StatisticsTaken(JournalEntry.Phase.AFTER, stats));
            NeedsAttentionDuringRun.read(session, tasks);
            StatisticsComparison c = comparison.get();
            if (c == null) {
                statisticsMessage.set(Message.warning("Taken at " + UTC_TIME.format(stats.takenAt())
                        + ", but the preview has no statistics from before the recluster to compare them with."));
            } else {
                StatisticsComparison.Row na = c.row("NEEDS_ATTENTION");
                String text = "Taken at " + UTC_TIME.format(stats.takenAt()) + ": " + na.after()
                        + (na.after() == 1 ? " cluster needs attention, " : " clusters need attention, ") + na.before()
                        + " before ("
                        + StatisticsComparison.signed(na.difference()) + ").";
                // Only a fall in the clusters needing attention is good news; no change is never shown green.
                statisticsMessage.set(taken.notReplayed() == null && verdict.get().goodNews() ? Message.ok(text)
                        : Message.warning(text + (taken.notReplayed() == null ? "" : " " + taken.notReplayed())));
            }
            if (taken.notReplayed() != null) {
                journal(new JournalEntry.Decision(uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind.NOTE,
                        null, "After statistics: " + taken.notReplayed()));
            }
            if (sayInStatus) {
                session.statusProperty().set(resumedFinished.get() ? "After statistics taken over the window the "
                        + "resumed incident previewed; its run was over, every batch settled: write the report (Report tab)."
                        : "After statistics taken.");
            }
        }, error -> {
            runs.forget(run, STATISTICS);
            if (!runs.isCurrent(run)) {
                return;
            }
            statisticsRunning.set(false);
            waitingForReplay.set(false);
            statisticsMessage.set(error instanceof CancellationException
                    ? Message.warning("Cancelled: the statistics were not taken again.")
                    : Message.error("The after statistics failed: " + Replica.describeFailure(error)));
        });
    }

    private record Taken(ClusterStatistics after, boolean journalLacksBefore, String notReplayed) {
    }

    private volatile boolean takeAnyway;
    private final javafx.beans.property.ReadOnlyBooleanWrapper waitingForReplay =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "waitingForReplay");

    /**
     * On a worker thread: waits until the replica has replayed past the moment the statistics were asked for (after
     * the run logged Complete), so they see the recluster's last changes; null when it got there, else what they may
     * miss.
     */
    private String waitForReplay(Replica replica, long run) throws java.sql.SQLException, InterruptedException {
        return uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplayWait.untilReplayed(replica,
                uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplayWait.DEFAULT, () -> !runs.isCurrent(run),
                () -> takeAnyway, lag -> {
                    String shown = "Waiting for the replica to replay past the run's end before taking the after"
                            + " statistics (" + lag.shortText() + ")\u2026";
                    tasks.uiExecutor().execute(() -> {
                        if (runs.isCurrent(run)) {
                            waitingForReplay.set(true);
                            statisticsMessage.set(Message.info(shown));
                        }
                    });
                }).orElse(null);
    }

    /** Ends the wait for the replica: the after statistics are taken now, and say so. */
    public void takeAfterAnyway() {
        takeAnyway = true;
    }

    public javafx.beans.property.ReadOnlyBooleanProperty waitingForReplayProperty() {
        return waitingForReplay.getReadOnlyProperty();
    }

    /** On a worker thread: whether the journal has no statistics from before the recluster. */
    private boolean journalLacksBefore() {
        Optional<IncidentRecorder> recorder = session.incident();
        if (recorder.isEmpty()) {
            return false;
        }
        try {
            return recorder.get().state().statisticsBefore().isEmpty();
        } catch (IOException e) {
            // The journal reports its own failures; the statistics are shown whatever it says.
            return false;
        }
    }

    /** Reads the NEEDS_ATTENTION clusters among those of the affected records, and the replica's total. */
    public void refreshOutstanding() {
        PreviewSnapshot snapshot = session.previewProperty().get();
        Replica replica = session.replicaProperty().get();
        if (snapshot == null || replica == null) {
            outstandingMessage.set(Message.error("There is no preview to read clusters for: connect and preview first."));
            return;
        }
        long run = runs.current();
        outstandingRunning.set(true);
        outstandingMessage.set(Message.info("Reading the clusters that need attention\u2026"));
        tasks.run(() -> {
            ReplicaQuery<OutstandingClusters> q = replica.outstandingClusters(snapshot.window());
            if (!runs.register(run, OUTSTANDING, q)) {
                throw new CancellationException();
            }
            return q.run();
        }, found -> {
            runs.forget(run, OUTSTANDING);
            if (!runs.isCurrent(run)) {
                return;
            }
            outstandingRunning.set(false);
            outstanding.set(found);
            clusters.setAll(found.clusters());
            outstandingMessage.set(found.clusters().isEmpty()
                    ? Message.ok("None of the affected clusters needs attention (read at "
                    + UTC_TIME.format(found.takenAt()) + ").")
                    : Message.warning(found.clusters().size() + " of the affected clusters need attention: "
                    + found.count("BROKEN_CLUSTER") + " BROKEN_CLUSTER, " + found.count("OVERRIDE_CONFLICT")
                    + " OVERRIDE_CONFLICT (read at " + UTC_TIME.format(found.takenAt()) + ")."));
        }, error -> {
            runs.forget(run, OUTSTANDING);
            if (!runs.isCurrent(run)) {
                return;
            }
            outstandingRunning.set(false);
            outstandingMessage.set(error instanceof CancellationException
                    ? Message.warning("Cancelled: the clusters shown may be out of date.")
                    : Message.error("Reading the outstanding clusters failed: " + Replica.describeFailure(error)));
        });
    }

    /** Stops the queries this step is running; what was shown before stays. */
    public void cancel() {
        runs.cancelAll();
        analysis.cancel();
    }

    /** What the recluster changed, the impact, the sanity check and the paths: read on demand. */
    public OutcomeAnalysisViewModel analysis() {
        return analysis;
    }

    public void saveCsv() {
        save("csv", CSV_PURPOSE);
    }

    public void saveJson() {
        save("json", JSON_PURPOSE);
    }

    private void save(String extension, String purpose) {
        OutstandingClusters found = outstanding.get();
        if (found == null) {
            outstandingMessage.set(Message.error("Read the outstanding clusters first."));
            return;
        }
        String name = OutstandingClustersFiles.defaultFileName(environment(), found.takenAt(), extension);
        Optional<Path> chosen = dialogs.chooseSaveFile("Save the outstanding clusters as " + extension.toUpperCase(Locale.ROOT),
                defaultFolder(), name);
        if (chosen.isEmpty()) {
            return;
        }
        Path target = chosen.get();
        boolean replace = false;
        if (Files.exists(target)) {
            replace = dialogs.confirm("Replace " + target.getFileName() + "?", target + " already exists. Replace it with the "
                    + found.clusters().size() + " outstanding clusters?", "Replace");
            if (!replace) {
                outstandingMessage.set(Message.info("Not saved: " + target.getFileName() + " was left as it is."));
                return;
            }
        }
        boolean overwrite = replace;
        writing.set(true);
        tasks.run(() -> {
            OutstandingClustersFiles files = new OutstandingClustersFiles();
            return extension.equals("csv") ? files.writeCsv(target, overwrite, found) : files.writeJson(target, overwrite, found);
        }, written -> {
            writing.set(false);
            journal(new JournalEntry.FileWritten(purpose, written.path(), written.sha256()));
            outstandingMessage.set(Message.ok("Saved " + found.clusters().size() + " clusters to " + written.path()
                    + " (SHA-256 " + written.sha256() + ")."));
        }, error -> {
            writing.set(false);
            outstandingMessage.set(Message.error("Could not save " + target + ": " + Replica.describeFailure(error)));
        });
    }

    /**
     * Writes the report (Markdown and HTML) into the incident's folder from its journal, with the statistics and
     * clusters read here, and journals both files. A report already there is replaced: the latest one stands.
     */
    public void writeReport() {
        Optional<IncidentRecorder> recorder = session.incident();
        if (recorder.isEmpty()) {
            reportMessage.set(Message.error("This window keeps no incident journal, so there is nowhere to write the report."));
            return;
        }
        startIncident();
        ClusterStatistics b = before.get();
        ClusterStatistics a = after.get();
        OutstandingClusters o = outstanding.get();
        writing.set(true);
        Masking mask = masking.get();
        uk.gov.justice.digital.hmpps.rollbackconsole.report.OutcomeFindings findings = analysis.findings();
        reportMessage.set(Message.info("Writing the report\u2026"));
        tasks.run(() -> {
            IncidentRecorder incident = recorder.get();
            IncidentReport report = IncidentReport.of(incident.state(), b, a, o, List.of(), clock).withFindings(findings);
            Path folder = incident.folder().orElseThrow(() -> new IOException("the incident has no folder"));
            ReportWriter.Written written = ReportWriter.write(folder, report, true, mask);
            incident.recordNow(new JournalEntry.ReportWritten(written.markdown().path(), written.markdown().sha256()));
            incident.recordNow(new JournalEntry.ReportWritten(written.html().path(), written.html().sha256()));
            return written;
        }, written -> {
            writing.set(false);
            reportWritten.set(true);
            reportPaths.set(written.markdown().path() + "\n" + written.html().path());
            reportMessage.set(Message.ok("Report written to " + written.markdown().path().getParent() + "."));
            session.statusProperty().set("Incident report written.");
        }, error -> {
            writing.set(false);
            reportMessage.set(Message.error("The report could not be written: " + Replica.describeFailure(error)));
        });
    }

    /** Renders the few lines for the incident channel and hands them to {@code clipboard} on the UI thread. */
    public void copySummary(Consumer<String> clipboard) {
        Masking mask = masking.get();
        copy(clipboard, report -> ChannelSummary.render(report, mask),
                "Summary copied: paste it into the incident channel.");
    }

    /**
     * Renders the business impact in plain words for the wider organisation (no identifiers) and hands it to
     * {@code clipboard} on the UI thread.
     */
    public void copyOrganisationSummary(Consumer<String> clipboard) {
        copy(clipboard, uk.gov.justice.digital.hmpps.rollbackconsole.report.ImpactWording::render,
                "Summary for the organisation copied: counts only, no identifiers.");
    }

    /** Builds the report from the journal and what this screen read, renders it in the background, copies it. */
    private void copy(Consumer<String> clipboard, java.util.function.Function<IncidentReport, String> render,
                      String copied) {
        Optional<IncidentRecorder> recorder = session.incident();
        if (recorder.isEmpty()) {
            reportMessage.set(Message.error("This window keeps no incident journal to summarise."));
            return;
        }
        startIncident();
        ClusterStatistics b = before.get();
        ClusterStatistics a = after.get();
        OutstandingClusters o = outstanding.get();
        uk.gov.justice.digital.hmpps.rollbackconsole.report.OutcomeFindings findings = analysis.findings();
        tasks.run(() -> render.apply(IncidentReport.of(recorder.get().state(), b, a, o, List.of(), clock)
                        .withFindings(findings)),
                text -> {
                    clipboard.accept(text);
                    reportMessage.set(Message.ok(copied));
                }, error -> reportMessage.set(Message.error("The summary could not be made: "
                        + Replica.describeFailure(error))));
    }

    private void journal(JournalEntry entry) {
        startIncident();
        session.record(entry);
    }

    /** The journal normally starts at the first connection; if it has not, it starts here, before what is recorded. */
    private void startIncident() {
        session.incident().ifPresent(i -> i.start(environment()));
    }

    private Environment environment() {
        Environment e = session.environmentProperty().get();
        return e == null ? Environment.LOCAL : e;
    }

    private Path defaultFolder() {
        return session.incident().flatMap(IncidentRecorder::folder)
                .orElse(Path.of(System.getProperty("user.home")));
    }

    private void reset(PreviewSnapshot snapshot) {
        runs.restart();
        statisticsRunning.set(false);
        outstandingRunning.set(false);
        boolean journalledWindowAgain = snapshot != null && snapshot.window().equals(journalledWindow);
        before.set(snapshot == null ? null : journalledWindowAgain && journalledBefore != null ? journalledBefore
                : snapshot.statisticsBefore());
        after.set(null);
        outstanding.set(null);
        clusters.clear();
        statisticsMessage.set(snapshot != null && before.get() == null
                ? Message.warning("The preview could not take the statistics before the recluster; the after "
                + "statistics can still be taken, but there is nothing to compare them with.") : null);
        outstandingMessage.set(null);
        reportMessage.set(resumedNote == null ? null : Message.info(resumedNote));
        reportPaths.set("");
        reportWritten.set(false);
        windowText.set(snapshot == null ? "" : "Events from " + UTC_TIME.format(snapshot.window().cutoff())
                + " up to " + UTC_TIME.format(snapshot.window().asOf()) + ", the window the preview fixed (event_timestamp read in "
                + snapshot.window().clock().label() + ").");
        // A resumed incident whose run is over takes the after statistics by itself as soon as the preview, taken
        // again, gives the window: as a run completing in this window does.
        if (resumedFinished.get() && journalledWindowAgain && session.replicaProperty().get() != null) {
            takeAfter();
        }
    }

    static Predicate<OutstandingCluster> predicateFor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return c -> (c.personUuid() != null && c.personUuid().toString().contains(needle))
                || (c.statusReason() != null && c.statusReason().toLowerCase(Locale.ROOT).contains(needle))
                || c.sourceSystemIds().values().stream().flatMap(List::stream)
                .anyMatch(id -> id.toLowerCase(Locale.ROOT).contains(needle));
    }

    public ReadOnlyObjectProperty<ClusterStatistics> beforeProperty() { return before.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClusterStatistics> afterProperty() { return after.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StatisticsComparison> comparisonProperty() { return comparison.getReadOnlyProperty(); }
    public ObservableList<StatisticsComparison.Row> comparisonRows() { return comparisonRowsView; }
    /** The line the step leads with once both statistics are taken; null before. */
    public ReadOnlyObjectProperty<OutcomeVerdict> verdictProperty() { return verdict.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> statisticsMessageProperty() { return statisticsMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty statisticsRunningProperty() { return statisticsRunning.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<OutstandingClusters> outstandingProperty() { return outstanding.getReadOnlyProperty(); }
    public ObservableList<OutstandingCluster> clusters() { return clustersView; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyObjectProperty<Predicate<OutstandingCluster>> filterPredicateProperty() { return filterPredicate.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> outstandingMessageProperty() { return outstandingMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty outstandingRunningProperty() { return outstandingRunning.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> reportMessageProperty() { return reportMessage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty reportPathsProperty() { return reportPaths.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty writingProperty() { return writing.getReadOnlyProperty(); }
    /** How identifiers are written in the report and the summary: masked while the screen is presented. */
    public javafx.beans.property.ObjectProperty<Masking> maskingProperty() { return masking; }
    public ReadOnlyBooleanProperty reportWrittenProperty() { return reportWritten.getReadOnlyProperty(); }
    /** A preview exists on a live connection: there is something to check the outcome of. */
    public ReadOnlyBooleanProperty availableProperty() { return available.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** The step is done once the report is written. */
    public ReadOnlyBooleanProperty validProperty() { return reportWritten.getReadOnlyProperty(); }
    public ReadOnlyStringProperty windowTextProperty() { return windowText.getReadOnlyProperty(); }
    /** This window carries on an incident whose journal says every batch is settled: the run is over. */
    public ReadOnlyBooleanProperty resumedFinishedProperty() { return resumedFinished.getReadOnlyProperty(); }
}
