package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChangesQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPathsQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeWording;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.QueryRuns;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Runbook step 6 again, days later: the clusters a finished incident left, each given its path once more (review
 * queue, reason, how long it has waited), over the incident's own window, and the reading journalled in its folder
 * beside the earlier ones, so that Recent incidents shows the queue drain. Read-only on the replica: the window's
 * live connection when it is to the incident's environment, else the journal's connection (the password from
 * .pgpass, as the command line's {@code outcome} does).
 */
public final class PathsRecheckViewModel {

    private static final String PATHS = "paths";

    private final IncidentStore store;
    private final TaskRunner tasks;
    private final WizardSession session;
    private final ManageUiAddress manageUi;
    private final ObjectProperty<IncidentState> incident = new SimpleObjectProperty<>(this, "incident");
    private final StringProperty manageUiBase = new SimpleStringProperty(this, "manageUiBase", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final BooleanBinding available;
    private final StringBinding why;
    private final QueryRuns runs = new QueryRuns();
    // Held while a reading is journalled, so that a cancel either comes before it (nothing written) or after it.
    private final Object journalling = new Object();
    private Runnable onJournalled = () -> { };

    public PathsRecheckViewModel(IncidentStore store, TaskRunner tasks, WizardSession session, ManageUiAddress manageUi) {
        this.store = store;
        this.tasks = tasks;
        this.session = session;
        this.manageUi = manageUi;
        manageUiBase.set(manageUi.get());
        available = Bindings.createBooleanBinding(() -> unavailable(incident.get()).isEmpty(), incident);
        why = Bindings.createStringBinding(() -> unavailable(incident.get()).orElse(""), incident);
        incident.addListener((obs, was, now) -> {
            if (was == null || now == null || !was.folder().equals(now.folder())) {
                cancel();
                message.set(null);
            }
        });
    }

    /** Why the incident's paths cannot be re-checked here, or empty when they can. */
    static Optional<String> unavailable(IncidentState s) {
        if (s == null) {
            return Optional.of("");
        }
        if (s.preview().isEmpty()) {
            return Optional.of("This incident has no preview, so no window to read the clusters left over.");
        }
        if (!s.finished() && !s.sendFinished()) {
            return Optional.of("This incident's send is not over: carry it on from the start screen; the Outcome"
                    + " step reads the clusters left.");
        }
        return Optional.empty();
    }

    /** Called on the UI thread once a reading is in the journal, to read the incident again. */
    void onJournalled(Runnable r) {
        onJournalled = r;
    }

    public void recheck() {
        IncidentState state = incident.get();
        Optional<String> not = unavailable(state);
        if (not.isPresent()) {
            message.set(Message.error(not.get().isEmpty() ? "Select an incident first." : not.get()));
            return;
        }
        String base = manageUiBase.get() == null ? "" : manageUiBase.get().strip();
        Optional<String> badAddress = ManageUiAddress.problem(base);
        if (badAddress.isPresent()) {
            message.set(Message.error(badAddress.get()));
            return;
        }
        Optional<String> notKept = manageUi.keep(base);
        AffectedWindow window = state.preview().orElseThrow().window();
        Replica live = session.replicaProperty().get();
        boolean useLive = live != null && live.settings().environment() == state.environment()
                && state.connection().map(c -> c.database().equals(live.settings().database())).orElse(true);
        Optional<ConnectionSettings> fromJournal = state.connection().map(c -> new ConnectionSettings(c.host(),
                c.port(), c.database(), c.user(), null, state.environment() == null
                ? uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.LOCAL : state.environment(), SslMode.fromPgValue(c.sslMode()), null, null));
        if (!useLive && fromJournal.isEmpty()) {
            message.set(Message.error("The journal records no connection: connect to the " + environment(state)
                    + " replica (step 1, Connect), then re-check."));
            return;
        }
        Path folder = state.folder();
        boolean ownIncident = session.incident().flatMap(IncidentRecorder::folder).map(folder::equals).orElse(false);
        long run = runs.restart();
        running.set(true);
        String where = useLive ? "the window's connection to " + live.settings().host() + ":" + live.settings().port()
                : fromJournal.get().host() + ":" + fromJournal.get().port() + " (the journal's connection)";
        message.set(Message.info("Connecting to " + where + "\u2026"));
        tasks.run(() -> {
            Replica own = useLive ? null : Replica.connect(fromJournal.get());
            try {
                Replica replica = useLive ? live : own;
                progress(run, "Reading the clusters still needing attention over the incident's window (1 of 2)\u2026");
                ReplicaQuery<OutstandingClusters> clustersQuery = replica.outstandingClusters(window);
                if (!runs.register(run, PATHS, clustersQuery)) {
                    throw new CancellationException();
                }
                OutstandingClusters clusters = clustersQuery.run();
                progress(run, "Reading the review queue for " + OutcomeWording.COUNT.format(clusters.clusters().size())
                        + " clusters (2 of 2)\u2026");
                ReplicaQuery<ClusterPaths> pathsQuery = ClusterPathsQuery.of(replica, clusters, base);
                if (!runs.register(run, PATHS, pathsQuery)) {
                    throw new CancellationException();
                }
                ClusterPaths paths = pathsQuery.run();
                if (!ownIncident) {
                    synchronized (journalling) {
                        if (!runs.isCurrent(run)) {
                            throw new CancellationException();
                        }
                        try (IncidentJournal journal = store.resume(folder)) {
                            journal.append(paths.journalEntry());
                        }
                    }
                }
                return paths;
            } finally {
                if (own != null) {
                    own.close();
                }
            }
        }, paths -> {
            runs.forget(run, PATHS);
            if (!runs.isCurrent(run)) {
                return;
            }
            if (ownIncident) {
                // The window's own incident: its recorder keeps the journal and its order.
                session.record(paths.journalEntry());
            }
            running.set(false);
            Optional<JournalEntry.PathsTaken> earlier = state.pathsTaken().isEmpty() ? Optional.empty()
                    : Optional.of(state.pathsTaken().get(state.pathsTaken().size() - 1));
            String text = "Re-checked: " + OutcomeWording.paths(paths) + earlier.map(e -> " At the reading before ("
                    + uk.gov.justice.digital.hmpps.rollbackconsole.report.JournalWording.utc(e.takenAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + "): "
                    + OutcomeWording.COUNT.format(e.clusters()) + ".").orElse("")
                    + " Journalled in " + folder.getFileName() + "." + notKept.map(n -> " " + n).orElse("");
            message.set(paths.paths().isEmpty() ? Message.ok(text) : Message.warning(text));
            onJournalled.run();
        }, error -> {
            runs.forget(run, PATHS);
            if (!runs.isCurrent(run)) {
                return;
            }
            running.set(false);
            Throwable cause = ClusterChangesQuery.cause(error);
            message.set(cause instanceof CancellationException ? cancelled()
                    : Message.error("The clusters left could not be re-checked: " + Replica.describeFailure(cause)
                    + (useLive ? "" : " Connect to the " + environment(state) + " replica (step 1, Connect) and"
                    + " re-check: the window's connection is used when it is to the incident's environment.")));
        });
    }

    private void progress(long run, String text) {
        tasks.uiExecutor().execute(() -> {
            if (runs.isCurrent(run) && running.get()) {
                message.set(Message.info(text));
            }
        });
    }

    /** Stops a re-check: the query is cancelled on the server, and nothing is journalled. */
    public void cancel() {
        if (!running.get()) {
            return;
        }
        synchronized (journalling) {
            runs.restart();
        }
        running.set(false);
        message.set(cancelled());
    }

    private static Message cancelled() {
        return Message.warning("Cancelled: the clusters left were not re-checked, and nothing was journalled.");
    }

    private static String environment(IncidentState s) {
        return s.environment() == null ? "incident's" : s.environment().label();
    }

    /** The incident opened in Recent incidents. */
    public ObjectProperty<IncidentState> incidentProperty() { return incident; }
    /** The manage UI's address for the links, kept in the settings file when used. */
    public StringProperty manageUiBaseProperty() { return manageUiBase; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public BooleanBinding availableProperty() { return available; }
    /** Why the re-check is not offered for the incident opened; "" when it is, or none is opened. */
    public StringBinding whyNotProperty() { return why; }
}
