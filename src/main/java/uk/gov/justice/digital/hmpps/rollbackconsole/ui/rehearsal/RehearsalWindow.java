package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.collections.FXCollections;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * A rehearsal's own window: first what is being started (a PostgreSQL takes seconds), with Cancel; then the
 * console, marked REHEARSAL, over the rehearsal's own settings. Closing the window ends the console's kubectl
 * processes, the simulated services and the database.
 */
public final class RehearsalWindow {

    private final Stage stage = new Stage();
    /** The window the rehearsal was started from, whose look (theme, zoom, presenter mode) it takes; may be null. */
    private final Window owner;
    private final Clock clock;
    private final Function<Stage, DialogService> dialogs;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Label progress = new Label("Starting the rehearsal\u2026");
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Button cancel = new Button("Cancel");
    private final javafx.beans.property.ObjectProperty<Message> failure = new javafx.beans.property.SimpleObjectProperty<>();
    private volatile Rehearsal rehearsal;
    private App.Console console;

    private RehearsalWindow(Window owner, Clock clock, Function<Stage, DialogService> dialogs) {
        this.owner = owner;
        this.clock = clock;
        this.dialogs = dialogs;
    }

    /** Asks what the rehearsal simulates; empty when the user cancels. */
    public static Optional<Rehearsal.Options> ask(Window owner) {
        Rehearsal.Options defaults = Rehearsal.Options.defaults();
        Dialog<Rehearsal.Options> dialog = new Dialog<>();
        dialog.initOwner(owner);
        // At the window's zoom and in its theme, as every question over it is.
        Presenter.dressLike(dialog.getDialogPane().getScene().getRoot(), owner);
        dialog.setTitle("Start a rehearsal");
        dialog.setHeaderText("REHEARSAL: the whole runbook, with nothing real");
        Label about = new Label("A database, two pods of hmpps-person-record and kubectl, all simulated inside the "
                + "console. Nothing real is read or sent, and your settings and kube contexts are not touched.");
        about.setWrapText(true);
        Em.maxWidth(about, 40);
        TextField speed = field("rehearsal-speed", defaults.recordsPerSecond());
        TextField podDies = field("rehearsal-pod-dies", defaults.podDiesInBatch());
        TextField notFound = field("rehearsal-not-found", defaults.notFoundRecords());
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        grid.add(about, 0, 0, 2, 1);
        grid.addRow(1, new Label("Speed of the simulated service (log items a second)"), speed);
        grid.addRow(2, new Label("A pod dies half-way through batch (0: never)"), podDies);
        grid.addRow(3, new Label("Records the service does not find"), notFound);
        ComboBox<Rehearsal.Failure> failure = new ComboBox<>(FXCollections.observableArrayList(Rehearsal.Failure.values()));
        failure.setId("rehearsal-failure");
        failure.setValue(Rehearsal.Failure.NONE);
        TextField failureBatch = field("rehearsal-failure-batch", 1);
        failureBatch.disableProperty().bind(failure.valueProperty().isEqualTo(Rehearsal.Failure.NONE));
        grid.addRow(4, new Label("A failure of the service to practise"), failure);
        grid.addRow(5, new Label("\u2026in batch"), failureBatch);
        TextField lag = field("rehearsal-replica-lag", defaults.replicaLagSeconds());
        grid.addRow(6, new Label("The read replica is behind for the first seconds (0: never)"), lag);
        // The cluster as the Send step's "is the rollback live?" must recognise it; each settles by itself.
        CheckBox rollout = check("rehearsal-rollout-in-progress", "Rollout in progress: one pod still runs the bad"
                + " release (the rollout finishes 2 minutes after the start)");
        CheckBox asleep = check("rehearsal-asleep", "Pods asleep: hmpps-person-record scaled to 0, as dev and preprod"
                + " are out of hours (it wakes 2 minutes after the start)");
        grid.add(rollout, 0, 7, 2, 1);
        grid.add(asleep, 0, 8, 2, 1);
        Label problem = new Label();
        problem.setId("rehearsal-options-problem");
        grid.add(problem, 0, 9, 2, 1);
        // Each question wraps in its column, so that at 200 % the dialog stays on a 1280 x 720 screen (it was 1490 px
        // wide, each question on one line).
        for (javafx.scene.Node n : grid.getChildren()) {
            if (n instanceof Label l && GridPane.getColumnIndex(l) == 0 && GridPane.getColumnSpan(l) == null) {
                l.setWrapText(true);
                l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                Em.maxWidth(l, 26);
            }
        }
        // One width in em, as every question over the window has, and no higher than the window it is asked over
        // (what a call is shown) or the screen: at 200 % on a 1280 x 720 share the questions scroll, and Start and
        // Cancel stay on it (the dialog was 870 px high).
        javafx.scene.control.ScrollPane questions = StepLayout.scrolling(grid);
        dialog.getDialogPane().setContent(questions);
        Em.prefWidth(dialog.getDialogPane(), 46);
        // Once shown and sized (the window has no height yet when it is shown).
        dialog.setOnShown(e -> Platform.runLater(() -> {
            Window shown = dialog.getDialogPane().getScene().getWindow();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            boolean inOwner = owner != null && owner.getHeight() < screen.getHeight();
            double limit = inOwner ? owner.getHeight() : screen.getHeight();
            if (shown.getHeight() > limit) {
                shown.setHeight(limit);
                shown.setY(inOwner ? owner.getY() : screen.getMinY());
            }
        }));
        ButtonType start = new ButtonType("Start the rehearsal", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("rehearsal-start");
        startButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                options(speed, podDies, notFound, failure, failureBatch, lag, rollout, asleep);
                problem.setText("");
            } catch (IllegalArgumentException ex) {
                problem.setText("Whole numbers: a speed of at least 1, a failure's batch from 1, the others 0 or more.");
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == start ? options(speed, podDies, notFound, failure, failureBatch, lag, rollout, asleep) : null);
        return dialog.showAndWait();
    }

    private static TextField field(String id, int value) {
        TextField f = new TextField(Integer.toString(value));
        f.setId(id);
        f.setPrefColumnCount(6);
        return f;
    }

    private static CheckBox check(String id, String text) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setWrapText(true);
        Em.maxWidth(box, 40);
        return box;
    }

    private static Rehearsal.Options options(TextField speed, TextField podDies, TextField notFound,
                                             ComboBox<Rehearsal.Failure> failure, TextField failureBatch,
                                             TextField lag, CheckBox rollout, CheckBox asleep) {
        return new Rehearsal.Options(Integer.parseInt(speed.getText().trim()),
                Integer.parseInt(podDies.getText().trim()), Integer.parseInt(notFound.getText().trim()),
                failure.getValue(), Integer.parseInt(failureBatch.getText().trim()),
                Integer.parseInt(lag.getText().trim()), rollout.isSelected(), asleep.isSelected());
    }

    /** Opens the window and starts the rehearsal in the background; the console replaces the progress when ready. */
    public static RehearsalWindow start(Window owner, Rehearsal.Options options, Clock clock,
                                        Function<Stage, DialogService> dialogs) {
        RehearsalWindow w = opening(owner, clock, dialogs);
        Path folder;
        try {
            // Private to this user (rwx------ where the file system has permissions).
            folder = Files.createTempDirectory("rollback-console-rehearsal-");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for the rehearsal", e);
        }
        Thread starter = new Thread(() -> {
            try {
                Rehearsal r = Rehearsal.start(folder, options, clock,
                        text -> Platform.runLater(() -> w.progress.setText(text)), w.closing::get);
                Platform.runLater(() -> w.ready(r));
            } catch (CancellationException e) {
                Platform.runLater(w::close);
            } catch (RuntimeException e) {
                Platform.runLater(() -> w.failed(e, folder));
            }
        }, "rehearsal-start");
        starter.setDaemon(true);
        starter.start();
        return w;
    }

    /** The window showing what is being started, nothing started yet: {@link #start} starts it. */
    static RehearsalWindow opening(Window owner, Clock clock, Function<Stage, DialogService> dialogs) {
        RehearsalWindow w = new RehearsalWindow(owner, clock, dialogs);
        w.showStarting();
        return w;
    }

    private void showStarting() {
        Label mark = new Label(Environment.REHEARSAL_MARK);
        mark.getStyleClass().add("rehearsal-mark");
        mark.setId("rehearsal-starting-mark");
        progress.setId("rehearsal-progress");
        progress.setWrapText(true);
        progress.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        spinner.setId("rehearsal-spinner");
        cancel.setId("rehearsal-cancel");
        cancel.setCancelButton(true);
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        cancel.setOnAction(e -> close());
        Label what = new Label("Starting a PostgreSQL with a synthetic replica (identifiers and statuses only), two "
                + "simulated pods of hmpps-person-record and a simulated kubectl, all inside the console.");
        what.setWrapText(true);
        what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Why it did not start, as an error is said everywhere else (red, with its sign), in place of the spinner.
        MessageLabel failed = MessageLabel.unmasked(failure);
        failed.setId("rehearsal-failure");
        failed.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox going = new HBox(12, spinner, progress);
        going.setAlignment(Pos.CENTER_LEFT);
        going.managedProperty().bind(going.visibleProperty());
        going.visibleProperty().bind(failure.isNull());
        VBox box = new VBox(16, mark, what, going, failed, cancel);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(32));
        Scene scene = new Scene(box);
        scene.getStylesheets().add(App.class.getResource("ui/shell/app.css").toExternalForm());
        Presenter.dressLike(box, owner);
        // In em (once dressed, so that it follows the zoom), so that at 150-200 % the window grows with its text
        // rather than cutting it (it was 640 x 320 px).
        Em.prefWidth(box, 46);
        // The look changing while it starts (presenter mode, the zoom): the window takes its text's new size.
        box.styleProperty().addListener((obs, was, now) -> {
            if (stage.getScene() == scene) {
                Platform.runLater(stage::sizeToScene);
            }
        });
        failure.addListener((obs, was, now) -> Platform.runLater(stage::sizeToScene));
        stage.setScene(scene);
        stage.setTitle("REHEARSAL \u2014 Rollback Console (starting)");
        stage.setOnHidden(e -> close());
        stage.show();
    }

    private void ready(Rehearsal r) {
        if (closing.get()) {
            r.close();
            return;
        }
        rehearsal = r;
        SettingsStore settings = new SettingsStore(r.folder().resolve("settings.properties"));
        r.settings().forEach(settings::put);
        try {
            Files.createDirectories(r.folder().resolve("files"));
            settings.save();
        } catch (IOException e) {
            failed(new UncheckedIOException(e), r.folder());
            return;
        }
        // As large as the console's own window, but never beyond the screen's usable area (a 1280x720 share).
        javafx.geometry.Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
        double width = Math.min(Math.max(stage.getWidth(), 1280), usable.getWidth());
        double height = Math.min(Math.max(stage.getHeight(), 820), usable.getHeight());
        console = App.Console.openRehearsal(stage, settings, clock, dialogs.apply(stage));
        lookLikeOwner();
        stage.setWidth(width);
        stage.setHeight(height);
        // Console.open closes the console with the window; the rehearsal goes with it.
        stage.setOnHidden(e -> close());
        String hint = "The bad release went out at " + r.cutoffLocal() + " UK time (or read it From the cluster).";
        console.session().statusProperty().set("Rehearsal ready: the database, two pods and kubectl are simulated. "
                + "Files are written in " + r.folder().resolve("files") + ".");
        // The deployment time is the one thing a rehearsal cannot fill in for the user: say it where it is asked.
        console.wizard().currentIndexProperty().addListener((obs, was, now) -> {
            if (now.intValue() == 1) {
                console.session().statusProperty().set(hint);
            }
        });
    }

    /**
     * The rehearsal's console starts from settings of its own; it takes the look of the window it was started from,
     * so that a lead in the dark theme, or presenting at 150 %, does not rehearse in a white window at 100 %.
     */
    private void lookLikeOwner() {
        if (owner == null || owner.getScene() == null || !(stage.getScene().getRoot() instanceof WizardShellView shell)) {
            return;
        }
        Presenter.of(owner.getScene().getRoot()).ifPresent(main -> {
            Presenter own = shell.presenter();
            own.onProperty().set(main.onProperty().get());
            own.zoomProperty().set(main.zoomProperty().get());
            own.darkProperty().set(main.darkProperty().get());
            own.highContrastProperty().set(main.highContrastProperty().get());
        });
    }

    /** Says why the rehearsal did not start, in place of its progress; its button closes the window. */
    void failed(RuntimeException e, Path folder) {
        failure.set(Message.error(failure(e, folder)));
        cancel.setText("Close");
        if (rehearsal != null) {
            rehearsal.close();
        }
    }

    /**
     * Why the rehearsal did not start, each cause's own words included. When its read replica (a hot standby of its
     * primary) cannot run on this machine, it says so, where the standby's server log is, and that nothing is started
     * in its place: a rehearsal never reads its primary, so it never trains a lead to acknowledge one.
     */
    static String failure(Throwable e, Path folder) {
        StringBuilder why = new StringBuilder("The rehearsal could not start");
        java.util.Set<String> said = new java.util.LinkedHashSet<>();
        for (Throwable t = e; t != null && said.size() < 4; t = t.getCause()) {
            String m = t.getMessage() == null ? t.toString() : t.getMessage();
            if (said.stream().noneMatch(s -> s.contains(m))) {
                said.add(m);
            }
        }
        why.append(": ").append(String.join(": ", said)).append('.');
        if (said.stream().anyMatch(m -> m.contains("standby"))) {
            why.append(" The rehearsal's read replica is a hot standby streaming from its own PostgreSQL, and it "
                    + "could not run here");
            if (folder != null) {
                why.append(" (its server log: ").append(folder.resolve("replica.log")).append(')');
            }
            why.append(". Nothing is started in its place: a rehearsal never reads a primary.");
        }
        return why.toString();
    }

    /** Ends the rehearsal: the console (and its kubectl processes), the simulated services and the database. */
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (console != null) {
            console.close();
        }
        Rehearsal r = rehearsal;
        if (r != null) {
            r.close();
        }
        if (stage.isShowing()) {
            stage.close();
        }
    }

    public Stage stage() {
        return stage;
    }

    /** The console once the rehearsal is ready; empty while it starts. */
    public Optional<App.Console> console() {
        return Optional.ofNullable(console);
    }

    /** The rehearsal once started; empty while it starts. */
    public Optional<Rehearsal> rehearsal() {
        return Optional.ofNullable(rehearsal);
    }

    public boolean isClosed() {
        return closing.get();
    }
}
