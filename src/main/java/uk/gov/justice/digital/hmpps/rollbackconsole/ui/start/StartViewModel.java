package uk.gov.justice.digital.hmpps.rollbackconsole.ui.start;

import java.util.Objects;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * What the console offers when it opens: the things to start with (a new incident, a file to review offline, and
 * any other added with {@link #addAction}), and the recent incidents, an unfinished one to be resumed in the wizard
 * or any one to be read.
 */
public final class StartViewModel {

    /** How many incidents the list shows. */
    static final int LIMIT = 20;

    /**
     * One way to start, shown as a button with a line saying what it does.
     *
     * @param title with an underscore before its mnemonic letter, e.g. "_New incident"
     */
    public record Action(String id, String title, String description, Runnable run) {
        public Action {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(run, "run");
        }
    }

    private final IncidentStore store;
    private final TaskRunner tasks;
    private final Consumer<IncidentSummary> resume;
    private final Consumer<IncidentSummary> openReadOnly;
    private final ObservableList<Action> actions = FXCollections.observableArrayList();
    // Kept: a read-only view listens weakly, so one made per call could be collected with its listeners.
    private final ObservableList<Action> actionsView = FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<IncidentSummary> incidents = FXCollections.observableArrayList();
    private final ObservableList<IncidentSummary> incidentsView = FXCollections.unmodifiableObservableList(incidents);
    private final ObjectProperty<IncidentSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    // Kept in fields: a binding nobody holds stops passing on changes.
    private final BooleanBinding canResume;
    private final BooleanBinding canOpen;

    /**
     * @param resume       carries an unfinished incident on in the wizard
     * @param openReadOnly shows an incident's journal and report without changing it
     */
    public StartViewModel(IncidentStore store, TaskRunner tasks, Consumer<IncidentSummary> resume,
                          Consumer<IncidentSummary> openReadOnly) {
        this.store = store;
        this.tasks = tasks;
        this.resume = resume;
        this.openReadOnly = openReadOnly;
        canResume = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().resumable(), selected);
        canOpen = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().readable(), selected);
        detail.bind(Bindings.createStringBinding(() -> describe(selected.get()), selected));
    }

    /** Adds a way to start, after those already there. */
    public void addAction(String id, String title, String description, Runnable run) {
        actions.add(new Action(id, title, description, run));
    }

    /** Reads the list of incidents again. */
    public void load() {
        loading.set(true);
        message.set(Message.info("Reading the incidents in " + store.root() + "\u2026"));
        tasks.run(() -> store.recent(LIMIT), found -> {
            loading.set(false);
            IncidentSummary keep = selected.get();
            incidents.setAll(found);
            selected.set(keep == null ? null : found.stream().filter(s -> s.folder().equals(keep.folder()))
                    .findFirst().orElse(null));
            message.set(found.isEmpty() ? Message.info("No incidents on this computer yet.")
                    : Message.info(found.size() + (found.size() == 1 ? " incident" : " incidents") + " in "
                    + store.root() + ", newest first. An unfinished one can be resumed where it stopped."));
        }, error -> {
            loading.set(false);
            incidents.clear();
            message.set(Message.error("The incidents could not be listed: " + error.getMessage()));
        });
    }

    /** Says what went wrong starting from this screen (resuming an incident, say). */
    public void showError(String text) {
        message.set(Message.error(text));
    }

    /** Carries the selected incident on, if it is unfinished. */
    public void resumeSelected() {
        if (canResume.get()) {
            resume.accept(selected.get());
        }
    }

    /** Reads the selected incident without changing it. */
    public void openSelected() {
        if (canOpen.get()) {
            openReadOnly.accept(selected.get());
        }
    }

    /** Enter on a row: resume an unfinished incident, read a finished one. */
    public void activateSelected() {
        if (canResume.get()) {
            resumeSelected();
        } else {
            openSelected();
        }
    }

    /** What the list says of an incident, in a sentence: where it stopped, and its batches. */
    public static String describe(IncidentSummary s) {
        if (s == null) {
            return "Select an incident to resume it or read it.";
        }
        if (!s.readable()) {
            return s.folder().getFileName() + ": " + s.problem().orElse(IncidentSummary.UNREADABLE)
                    + ". It can be neither resumed nor read here.";
        }
        StringBuilder b = new StringBuilder();
        b.append(s.folder().getFileName()).append(": stopped at ").append(s.step().title())
                .append(s.finished() ? ", report written (finished)." : ", not finished.");
        if (s.sent() + s.unknown() + s.notSent() == 0) {
            b.append(" No batch was sent.");
        } else {
            b.append(" Batches: ").append(s.sent()).append(" sent (never sent again), ").append(s.unknown())
                    .append(" of unknown outcome (they may have run), ").append(s.notSent()).append(" not sent.");
        }
        s.problem().ifPresent(p -> b.append(" Journal: ").append(p).append('.'));
        return b.toString();
    }

    /**
     * The list's note on an incident, in a few words: the line under the list gives it whole ({@link #describe}), so
     * the column never shows a journal's path or a parser's message cut to "...".
     */
    public static String note(IncidentSummary s) {
        String problem = s.problem().orElse("");
        if (problem.isEmpty()) {
            return "";
        }
        if (!s.readable() || problem.startsWith(IncidentSummary.UNREADABLE)) {
            return "journal unreadable (below)";
        }
        if (problem.startsWith("the last line was incomplete")) {
            return "torn last line ignored";
        }
        return problem;
    }

    public ObservableList<Action> actions() { return actionsView; }
    public ObservableList<IncidentSummary> incidents() { return incidentsView; }
    public ObjectProperty<IncidentSummary> selectedProperty() { return selected; }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    public BooleanBinding canResume() { return canResume; }
    public BooleanBinding canOpen() { return canOpen; }
}
