package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecordTally;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.DistinctRecords;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.QueryText;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.ChunkedDelivery;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.QueryRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Step 3: runs the affected-records query as a stream into the table, and the cluster status statistics beside it.
 * The window's upper bound is the replica's clock when the preview starts, so the set stays fixed while the live
 * service keeps writing events.
 */
public final class PreviewStepViewModel {

    public enum State { IDLE, RUNNING, DONE, CANCELLED, FAILED }

    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final WizardSession session;
    private final TaskRunner tasks;

    private final ObjectProperty<RecordMode> mode = new SimpleObjectProperty<>(this, "mode", RecordMode.DISTINCT_RECORDS);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyObjectWrapper<Predicate<AffectedRecord>> filterPredicate = new ReadOnlyObjectWrapper<>(this, "filterPredicate");
    // One list for the life of the step, cleared for each run: the table's filtered and sorted views stay attached.
    private final ObservableList<AffectedRecord> rows = FXCollections.observableArrayList();
    // One read-only view, kept: it listens to the rows weakly, so a view made per call could be collected, and
    // its listeners with it.
    private final ObservableList<AffectedRecord> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyObjectWrapper<AffectedSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary", AffectedSummary.EMPTY);
    // Distinct records of the finished preview, in either form; -1 until it is known. In the per-event form the
    // rows count events, and this is the number the recluster cares about.
    private final javafx.beans.property.ReadOnlyLongWrapper distinctRecords =
            new javafx.beans.property.ReadOnlyLongWrapper(this, "distinctRecords", -1);
    private final ReadOnlyObjectWrapper<ClusterStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ReadOnlyObjectWrapper<Message> statisticsMessage = new ReadOnlyObjectWrapper<>(this, "statisticsMessage");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<AffectedWindow> window = new ReadOnlyObjectWrapper<>(this, "window");
    // A resumed incident's window (see restore): its as-of bound is kept while its cutoff is the one in use.
    private AffectedWindow restoredWindow;
    // What the replica's replay lag made of the window's upper bound, said again when the preview ends.
    private String lagNote = "";

    /** The preview's upper bound and the lag it was read with (null for a resumed incident's journalled bound). */
    private record AsOf(java.time.Instant instant, uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag lag) {
        static AsOf of(uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag lag) {
            return new AsOf(lag.trustedUpTo(), lag);
        }
    }
    private final ReadOnlyBooleanWrapper statisticsRunning = new ReadOnlyBooleanWrapper(this, "statisticsRunning");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final javafx.beans.property.ReadOnlyStringWrapper sql = new javafx.beans.property.ReadOnlyStringWrapper(this, "sql", "");

    private static final String RECORDS = "records";
    private static final String STATISTICS = "statistics";
    private final QueryRuns runs = new QueryRuns();
    private AffectedRecordTally tally = new AffectedRecordTally();

    public PreviewStepViewModel(WizardSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        busy.bind(state.isEqualTo(State.RUNNING).or(statisticsRunning));
        valid.bind(session.previewProperty().isNotNull());
        filter.addListener((obs, was, now) -> filterPredicate.set(predicateFor(now)));
        sql.bind(javafx.beans.binding.Bindings.createStringBinding(() -> window.get() == null ? ""
                : QueryText.affectedRecords(mode.get(), window.get()) + "\n" + QueryText.clusterStatistics(window.get()),
                window, mode));
        mode.addListener((obs, was, now) -> {
            if (state.get() != State.IDLE) {
                start();
            }
        });
        // Another replica or cutoff makes the shown rows stale: stop and forget them.
        session.replicaProperty().addListener((obs, was, now) -> reset());
        session.cutoffProperty().addListener((obs, was, now) -> reset());
    }

    /** A resumed incident previews in the form it chose before (distinct records, or one row per event). */
    public void restore(RecordMode chosen) {
        if (state.get() == State.IDLE && chosen != null) {
            mode.set(chosen);
        }
    }

    /**
     * As {@link #restore(RecordMode)}, and the window the incident previewed: while the deployment time stays
     * the one it was taken from, the preview ends at the same as-of bound, not at the replica's clock now, so
     * the records, the exported file and the before and after statistics are still one set.
     */
    public void restore(RecordMode chosen, AffectedWindow previewed) {
        restore(chosen);
        restoredWindow = previewed;
    }

    /** Runs the preview when the step is entered and nothing current has been previewed. */
    public void enter() {
        if (session.previewProperty().get() == null && state.get() != State.RUNNING) {
            start();
        }
    }

    public void start() {
        Replica replica = session.replicaProperty().get();
        Cutoff cutoff = session.cutoffProperty().get();
        if (replica == null || cutoff == null) {
            message.set(Message.error("Connect and set the deployment time first."));
            return;
        }
        long run = runs.restart();
        RecordMode chosenMode = mode.get();
        ObservableList<AffectedRecord> list = rows;
        tally = new AffectedRecordTally();
        AffectedRecordTally runTally = tally;
        rows.clear();
        distinctRecords.set(-1);
        summary.set(AffectedSummary.EMPTY);
        statistics.set(null);
        statisticsMessage.set(null);
        window.set(null);
        session.previewProperty().set(null);
        state.set(State.RUNNING);
        statisticsRunning.set(true);
        message.set(Message.info("Reading the replica's clock\u2026"));
        session.statusProperty().set("Previewing affected records\u2026");

        AffectedWindow kept = restoredWindow != null && restoredWindow.cutoff().equals(cutoff.instant())
                ? restoredWindow : null;
        tasks.run(() -> kept != null ? new AsOf(kept.asOf(), null) : AsOf.of(replica.lag()), bound -> {
            if (!runs.isCurrent(run)) {
                return;
            }
            java.time.Instant asOf = bound.instant();
            if (!asOf.isAfter(cutoff.instant())) {
                state.set(State.FAILED);
                statisticsRunning.set(false);
                message.set(Message.error("The deployment time " + UTC_TIME.format(cutoff.instant())
                        + " is after the replica's clock (" + UTC_TIME.format(asOf) + "): there are no events to preview."));
                return;
            }
            AffectedWindow w = session.window(cutoff.instant(), asOf);
            window.set(w);
            lagNote = bound.lag() == null ? "" : " " + bound.lag().describe();
            if (bound.lag() != null) {
                session.record(JournalEntry.LagSeen.of(bound.lag()));
            }
            message.set(Message.info((kept != null ? "Resumed: the window this incident previewed and exported. " : "")
                    + "Running the affected-records query for events from " + UTC_TIME.format(w.cutoff())
                    + " up to " + UTC_TIME.format(w.asOf()) + " (event_timestamp from '" + WALL_CLOCK.format(w.lower().value())
                    + "' to before '" + WALL_CLOCK.format(w.upper().value()) + "', " + w.clock().label() + ")\u2026"
                    + lagNote));
            streamRecords(run, replica, w, chosenMode, list, runTally);
            loadStatistics(run, replica, w);
        }, error -> {
            if (runs.isCurrent(run)) {
                state.set(State.FAILED);
                statisticsRunning.set(false);
                message.set(Message.error(Replica.describeFailure(error)));
            }
        });
    }

    /*
     * Both forms stream the events in the order they were stored (event_timestamp, then id), so the first rows are on screen within milliseconds. In the distinct
     * form each record appears at its first event and the rows are folded here as the server's distinct query would
     * fold them; when the stream ends, the table is replaced by the exact, ordered set (what the export writes).
     */
    private void streamRecords(long run, Replica replica, AffectedWindow w, RecordMode chosenMode,
                               ObservableList<AffectedRecord> list, AffectedRecordTally runTally) {
        ChunkedDelivery<AffectedRecord> delivery = new ChunkedDelivery<>(tasks.uiExecutor(), batch -> {
            if (runs.isCurrent(run)) {
                list.addAll(batch);
                for (AffectedRecord r : batch) {
                    runTally.add(r);
                }
                summary.set(runTally.summary());
            }
        });
        boolean distinct = chosenMode == RecordMode.DISTINCT_RECORDS;
        tasks.run(() -> {
            DistinctRecords folded = new DistinctRecords();
            // Folded in both forms: one row per event still says how many distinct records it holds.
            Consumer<AffectedRecord> sink = distinct ? event -> {
                AffectedRecord first = folded.add(event);
                if (first != null) {
                    delivery.offer(first);
                }
            } : event -> {
                folded.add(event);
                delivery.offer(event);
            };
            ReplicaQuery<Long> q = replica.affectedRecords(w, RecordMode.ONE_ROW_PER_EVENT, sink);
            if (!runs.register(run, RECORDS, q)) {
                throw new CancellationException();
            }
            q.run();
            return new Streamed(distinct ? folded.inRunbookOrder() : List.<AffectedRecord>of(), folded.records());
        }, streamed -> {
            delivery.drain();
            if (!runs.isCurrent(run)) {
                return;
            }
            List<AffectedRecord> finalRows = streamed.rows();
            distinctRecords.set(streamed.distinct());
            if (distinct) {
                list.setAll(finalRows);
                AffectedRecordTally exact = new AffectedRecordTally();
                finalRows.forEach(exact::add);
                summary.set(exact.summary());
            }
            state.set(State.DONE);
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            String what = distinct ? " distinct records" : " rows, one per event (" + n.format(streamed.distinct())
                    + " distinct records),";
            message.set(list.isEmpty()
                    ? Message.warning("No records were created or updated between " + UTC_TIME.format(w.cutoff()) + " and "
                    + UTC_TIME.format(w.asOf()) + ". Check the deployment time: there is nothing to recluster.")
                    // The seed runbook's form: fine to look at, a trap to export. Never the green of a good result.
                    : !distinct ? Message.warning(n.format(list.size()) + what + " affected between "
                    + UTC_TIME.format(w.cutoff()) + " and " + UTC_TIME.format(w.asOf()) + ". This is the seed "
                    + "runbook's form: a record updated more than once would be sent, and reclustered, more than once. "
                    + "Choose Distinct records to export each record once." + lagNote)
                    : lagNote.contains("behind") ? Message.warning(n.format(list.size()) + what + " affected between "
                    + UTC_TIME.format(w.cutoff()) + " and " + UTC_TIME.format(w.asOf()) + "." + lagNote)
                    : Message.ok(n.format(list.size()) + what + " affected between " + UTC_TIME.format(w.cutoff())
                    + " and " + UTC_TIME.format(w.asOf()) + "." + lagNote));
            session.statusProperty().set("Preview complete: " + n.format(list.size()) + " rows.");
            publishIfComplete(run);
        }, error -> {
            delivery.drain();
            if (!runs.isCurrent(run)) {
                return;
            }
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            if (error instanceof CancellationException) {
                state.set(State.CANCELLED);
                message.set(Message.warning("Preview cancelled after " + n.format(list.size())
                        + " rows: the query was stopped on the server. These rows are incomplete and cannot be exported."));
            } else {
                state.set(State.FAILED);
                message.set(Message.error(Replica.describeFailure(error) + " The rows shown are incomplete and cannot be exported."));
            }
            session.statusProperty().set("Preview stopped.");
        });
    }

    private void loadStatistics(long run, Replica replica, AffectedWindow w) {
        tasks.run(() -> {
            ReplicaQuery<ClusterStatistics> q = replica.clusterStatistics(w);
            if (!runs.register(run, STATISTICS, q)) {
                throw new CancellationException();
            }
            return q.run();
        }, stats -> {
            if (!runs.isCurrent(run)) {
                return;
            }
            statistics.set(stats);
            statisticsRunning.set(false);
            publishIfComplete(run);
        }, error -> {
            if (!runs.isCurrent(run)) {
                return;
            }
            statisticsRunning.set(false);
            statisticsMessage.set(error instanceof CancellationException
                    ? Message.warning("Cluster statistics cancelled.")
                    : Message.error("Cluster statistics failed: " + Replica.describeFailure(error)
                    + " The export can go ahead; take the statistics by hand before reclustering."));
            publishIfComplete(run);
        });
    }

    private void publishIfComplete(long run) {
        if (runs.isCurrent(run) && state.get() == State.DONE && !statisticsRunning.get() && !rows.isEmpty()) {
            // A copy of the references (a few MB for a million rows): the snapshot stays as it was previewed
            // whatever the table does next.
            PreviewSnapshot snapshot = new PreviewSnapshot(window.get(), mode.get(), List.copyOf(rows), summary.get(),
                    statistics.get());
            session.previewProperty().set(snapshot);
            session.record(JournalEntry.PreviewTaken.of(snapshot.window(), snapshot.mode(), snapshot.summary()));
            // A resumed incident's preview, taken again over its window, is not a new "before": the journal has
            // the one taken before the recluster, and after it these figures would be the after statistics.
            boolean retaken = restoredWindow != null && restoredWindow.equals(snapshot.window());
            if (snapshot.statisticsBefore() != null && !retaken) {
                session.record(new JournalEntry.StatisticsTaken(JournalEntry.Phase.BEFORE, snapshot.statisticsBefore()));
            }
        }
    }

    public void cancel() {
        if (!runs.cancelAll().contains(RECORDS) && state.get() == State.RUNNING) {
            // Still reading the clock: drop that run.
            runs.restart();
            state.set(State.CANCELLED);
            statisticsRunning.set(false);
            message.set(Message.warning("Preview cancelled."));
        }
    }

    private void reset() {
        runs.restart();
        distinctRecords.set(-1);
        rows.clear();
        summary.set(AffectedSummary.EMPTY);
        statistics.set(null);
        statisticsMessage.set(null);
        window.set(null);
        state.set(State.IDLE);
        statisticsRunning.set(false);
        message.set(null);
    }

    static Predicate<AffectedRecord> predicateFor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return r -> r.sourceSystemId().toLowerCase(Locale.ROOT).contains(needle)
                || r.sourceSystem().name().toLowerCase(Locale.ROOT).contains(needle)
                || (r.personUuid() != null && r.personUuid().toString().contains(needle));
    }

    public ObjectProperty<RecordMode> modeProperty() { return mode; }
    public StringProperty filterProperty() { return filter; }
    public ReadOnlyObjectProperty<Predicate<AffectedRecord>> filterPredicateProperty() { return filterPredicate.getReadOnlyProperty(); }
    public ObservableList<AffectedRecord> rows() { return readOnlyRows; }
    public ReadOnlyObjectProperty<AffectedSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
    /** Distinct records of the finished preview, whichever the form; -1 while unknown. */
    public javafx.beans.property.ReadOnlyLongProperty distinctRecordsProperty() { return distinctRecords.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ClusterStatistics> statisticsProperty() { return statistics.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> statisticsMessageProperty() { return statisticsMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AffectedWindow> windowProperty() { return window.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    public javafx.beans.property.ReadOnlyStringProperty sqlProperty() { return sql.getReadOnlyProperty(); }

    /** What a preview's stream gives back: the final rows (distinct form only) and the distinct records seen. */
    private record Streamed(List<AffectedRecord> rows, long distinct) {
    }

    static String formatTime(Instant i) {
        return UTC_TIME.format(i);
    }
}
