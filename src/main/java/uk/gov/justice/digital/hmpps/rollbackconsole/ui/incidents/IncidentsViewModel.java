package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The incidents kept on this machine, newest first, and one of them opened read-only: its journal as the console
 * reads it and its report if one was written. Nothing here writes to an incident's folder.
 */
public final class IncidentsViewModel {

    /** How many incidents the list shows. */
    static final int LIMIT = 20;

    /** An incident as opened: its state, and the Markdown report's text when there is one. */
    public record Opened(IncidentState state, Optional<Path> reportPath, Optional<String> reportText) {
    }

    private final IncidentStore store;
    private final TaskRunner tasks;
    private final ObservableList<IncidentSummary> incidents = FXCollections.observableArrayList();
    // Kept: a read-only view listens weakly, so one made per call could be collected with its listeners.
    private final ObservableList<IncidentSummary> incidentsView = FXCollections.unmodifiableObservableList(incidents);
    private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>(this, "opened");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Message> detailMessage = new ReadOnlyObjectWrapper<>(this, "detailMessage");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    // An incident the list is to select once read: set when it is opened from elsewhere (the start screen).
    private final ReadOnlyObjectWrapper<IncidentSummary> toSelect = new ReadOnlyObjectWrapper<>(this, "toSelect");
    // The latest open asked for; an older one finishing late is not shown over it.
    private Path opening;

    private final PathsRecheckViewModel recheck;

    public IncidentsViewModel(IncidentStore store, TaskRunner tasks) {
        this(store, tasks, null);
    }

    /** @param recheck re-checks a finished incident's clusters left; null where none is offered */
    public IncidentsViewModel(IncidentStore store, TaskRunner tasks, PathsRecheckViewModel recheck) {
        this.store = store;
        this.tasks = tasks;
        this.recheck = recheck;
        if (recheck != null) {
            opened.addListener((obs, was, now) -> recheck.incidentProperty().set(now == null ? null : now.state()));
            // A reading journalled shows at once in the incident's timeline and readings.
            recheck.onJournalled(this::reread);
        }
    }

    /** The re-check of the clusters left, when this window offers one. */
    public java.util.Optional<PathsRecheckViewModel> recheck() {
        return java.util.Optional.ofNullable(recheck);
    }

    /** Reads the incident opened again, as it is on disk now. */
    void reread() {
        Path folder = opening;
        if (folder == null) {
            return;
        }
        tasks.run(() -> read(folder), result -> {
            if (folder.equals(opening)) {
                opened.set(result);
            }
        }, error -> {
            if (folder.equals(opening)) {
                detailMessage.set(Message.error("The journal of " + folder.getFileName() + " could not be read: "
                        + error.getMessage()));
            }
        });
    }

    /** Reads the list again from the incidents' folder. */
    public void load() {
        load(null);
    }

    /** Reads the list again, then selects the incident in {@code folder}, if it is listed. */
    public void load(Path folder) {
        loading.set(true);
        message.set(Message.info("Reading the incidents in " + store.root() + "\u2026"));
        tasks.run(() -> store.recent(LIMIT), found -> {
            loading.set(false);
            incidents.setAll(found);
            if (folder != null) {
                toSelect.set(null);
                found.stream().filter(s -> s.folder().equals(folder)).findFirst().ifPresent(toSelect::set);
            }
            message.set(found.isEmpty()
                    ? Message.info("No incidents in " + store.root() + " yet: one starts at the first connection.")
                    : Message.info(found.size() + (found.size() == LIMIT ? " most recent" : "")
                    + (found.size() == 1 ? " incident in " : " incidents in ")
                    + store.root() + ". Select one to read it; nothing is changed."));
        }, error -> {
            loading.set(false);
            incidents.clear();
            message.set(Message.error("The incidents could not be listed: " + error.getMessage()));
        });
    }

    /** Reads one incident's journal, and its report if written, without writing anything. */
    public void open(IncidentSummary summary) {
        if (summary == null) {
            opening = null;
            opened.set(null);
            detailMessage.set(null);
            return;
        }
        Path folder = summary.folder();
        opening = folder;
        detailMessage.set(Message.info("Reading " + folder.getFileName() + "\u2026"));
        tasks.run(() -> read(folder), result -> {
            if (folder.equals(opening)) {
                opened.set(result);
                detailMessage.set(result.state().note().map(n -> Message.warning("Reading the journal: " + n + "."))
                        .orElse(null));
            }
        }, error -> {
            if (folder.equals(opening)) {
                opened.set(null);
                detailMessage.set(Message.error("The journal of " + folder.getFileName() + " could not be read: "
                        + error.getMessage()));
            }
        });
    }

    private Opened read(Path folder) throws IOException {
        IncidentState state = store.open(folder);
        Optional<Path> report = latestMarkdownReport(state);
        Optional<String> text = Optional.empty();
        if (report.isPresent() && Files.isRegularFile(report.get())) {
            text = Optional.of(Files.readString(report.get(), StandardCharsets.UTF_8));
        }
        return new Opened(state, report, text);
    }

    /** The latest Markdown report the journal names; the incident folder's own file when the journal names none. */
    static Optional<Path> latestMarkdownReport(IncidentState state) {
        List<JournalEntry.ReportWritten> reports = state.reports();
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).path().getFileName().toString().endsWith(".md")) {
                return Optional.of(reports.get(i).path());
            }
        }
        Path inFolder = state.folder().resolve(ReportWriter.MARKDOWN_NAME);
        return Files.isRegularFile(inFolder) ? Optional.of(inFolder) : Optional.empty();
    }

    /** The timeline, oldest first, as the journal holds it. */
    public static List<JournalLine> timeline(IncidentState state) {
        return state.lines();
    }

    public ObservableList<IncidentSummary> incidents() { return incidentsView; }
    public ReadOnlyObjectProperty<Opened> openedProperty() { return opened.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> detailMessageProperty() { return detailMessage.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<IncidentSummary> toSelectProperty() { return toSelect.getReadOnlyProperty(); }
}
