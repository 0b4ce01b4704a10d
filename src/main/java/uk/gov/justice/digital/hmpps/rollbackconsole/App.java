package uk.gov.justice.digital.hmpps.rollbackconsole;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;


import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal.RehearsalWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewScreen;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentBatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AboutBox;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AlertSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Alerts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DesktopAlerts;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.start.IncidentResumption;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.start.StartScreen;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.start.StartViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.FxDialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.PlannedStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents.IncidentsScreen;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents.IncidentsViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeScreen;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunAlerts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.ReclusterStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.RollbackLiveViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.ReclusterStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.FxTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/** The composition root: builds the services, then the steps in runbook order, and closes everything on exit. */
public final class App extends Application {

    /** The version in the jar's manifest; "development" when run from the source tree. */
    public static final String VERSION = Version.VERSION;

    /** Where incidents' folders go: the user's data folder, unless settings name another (as tests do). */
    static Path incidentsRoot(SettingsStore settings) {
        return settings.get("incidents.root").map(Path::of).orElseGet(IncidentStore::defaultRoot);
    }

    /** Overrides where settings are remembered; tests point it at a temporary folder. */
    public static final String SETTINGS_FILE_PROPERTY = "rollbackconsole.settings";

    private Console console;

    @Override
    public void start(Stage stage) {
        String override = System.getProperty(SETTINGS_FILE_PROPERTY);
        SettingsStore settings = new SettingsStore(override == null ? SettingsStore.defaultFile() : Path.of(override));
        console = Console.open(stage, settings, Clock.systemUTC(), new FxDialogService(stage));
        // With a file to review, straight to its review; otherwise the start screen: new, resume or read.
        reviewArgument(getParameters().getRaw()).ifPresentOrElse(console::openReview, console::showStart);
        stage.show();
    }

    /**
     * The file of {@code --review FILE} (or {@code --review=FILE}), or a lone argument that is not an option, which
     * is how a file manager opens a {@code .json} file with the console: the window then opens on its offline
     * review instead of the first step. Other arguments are for the command line and are not looked at here.
     */
    static Optional<Path> reviewArgument(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--review=") && arg.length() > "--review=".length()) {
                return Optional.of(Path.of(arg.substring("--review=".length())).toAbsolutePath());
            }
            if (arg.equals("--review")) {
                if (i + 1 < args.size() && !args.get(i + 1).isBlank()) {
                    return Optional.of(Path.of(args.get(i + 1)).toAbsolutePath());
                }
                System.err.println("rollback-console: --review needs a FILE, the exported JSON file to review.");
            }
        }
        if (args.size() == 1 && !args.get(0).isBlank() && !args.get(0).startsWith("-")) {
            return Optional.of(Path.of(args.get(0)).toAbsolutePath());
        }
        return Optional.empty();
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
    }

    /** One window of the console and what it owns. */
    public static final class Console implements AutoCloseable {
        private final FxTaskRunner tasks;
        private final WizardSession session;
        private final WizardViewModel wizard;
        private final Stage stage;
        private ReviewScreen review;
        private final List<AutoCloseable> owned;
        private OutcomeScreen outcome;
        private IncidentsScreen incidents;
        private WizardShellView shell;
        private Clock clock;
        private Alerts alerts = new DesktopAlerts();
        /** Rehearsals started from this window: closed with it, so that none outlives the console. */
        private final List<RehearsalWindow> rehearsals = new ArrayList<>();
        private java.util.function.Function<Stage, DialogService> rehearsalDialogs = FxDialogService::new;
        private StartScreen start;
        private IncidentResumption resumption;
        private DialogService dialogs;

        private Console(FxTaskRunner tasks, WizardSession session, WizardViewModel wizard, Stage stage,
                        List<AutoCloseable> owned) {
            this.tasks = tasks;
            this.session = session;
            this.wizard = wizard;
            this.stage = stage;
            this.owned = owned;
        }

        public static Console open(Stage stage, SettingsStore settings, Clock clock, DialogService dialogs) {
            Console console = openWindow(stage, settings, clock, dialogs);
            MenuItem rehearsal = new MenuItem("Start a rehearsal\u2026");
            rehearsal.setId("menu-start-rehearsal");
            rehearsal.setOnAction(e -> console.startRehearsal());
            console.shell.addFileMenuItems(rehearsal);
            console.start.addAction("start-rehearse", "Re_hearsal", "Walk the whole runbook against a database, "
                    + "service and kubectl simulated inside the console, with no access to anything real.",
                    console::startRehearsal);
            return console;
        }

        /**
         * Opens the window of a rehearsal (see {@link RehearsalWindow}): the same console, over the rehearsal's own
         * settings, marked REHEARSAL in its banner, title and status bar.
         */
        public static Console openRehearsal(Stage stage, SettingsStore settings, Clock clock, DialogService dialogs) {
            Console console = openWindow(stage, settings, clock, dialogs);
            console.shell.markRehearsal();
            // Whatever is typed or picked, a rehearsal's connection and namespace stay the rehearsal's.
            for (AutoCloseable c : console.owned) {
                if (c instanceof ConnectStepViewModel connect) {
                    connect.environmentProperty().addListener((obs, was, now) -> {
                        if (now != Environment.REHEARSAL) {
                            Platform.runLater(() -> connect.environmentProperty().set(Environment.REHEARSAL));
                        }
                    });
                } else if (c instanceof ReclusterStepViewModel send) {
                    send.namespaceProperty().addListener((obs, was, now) -> {
                        if (!Rehearsal.NAMESPACE.equals(now)) {
                            Platform.runLater(() -> send.namespaceProperty().set(Rehearsal.NAMESPACE));
                        }
                    });
                }
            }
            // The one cluster target is the rehearsal's in every step: its kubectl, context and namespace.
            var target = console.session().clusterTarget();
            lock(target.kubectlPathProperty(), settings.get("kubectl.path", target.kubectlPathProperty().get()));
            lock(target.contextProperty(), Rehearsal.CONTEXT);
            lock(target.namespaceProperty(), Rehearsal.NAMESPACE);
            stage.setTitle("REHEARSAL \u2014 Rollback Console (simulated: nothing real is touched)");
            return console;
        }

        private static void lock(javafx.beans.property.StringProperty property, String value) {
            property.set(value);
            property.addListener((obs, was, now) -> {
                if (!value.equals(now)) {
                    Platform.runLater(() -> property.set(value));
                }
            });
        }

        /**
         * Starts a rehearsal of the whole runbook in a window of its own, after asking what to simulate: a database,
         * a service and kubectl inside the app, with no access to anything real. The user's settings are not touched.
         */
        public void startRehearsal() {
            RehearsalWindow.ask(stage).ifPresent(options -> startRehearsal(options));
        }

        /** As {@link #startRehearsal()}, with what to simulate already chosen. */
        public RehearsalWindow startRehearsal(Rehearsal.Options options) {
            return startRehearsal(options, rehearsalDialogs);
        }

        /** How a rehearsal window started from here asks its questions: real dialogs, unless a test answers them. */
        public void rehearsalDialogs(java.util.function.Function<Stage, DialogService> dialogs) {
            rehearsalDialogs = dialogs;
        }

        /** As above, with the rehearsal window's dialogs made by {@code dialogs} from its stage. */
        public RehearsalWindow startRehearsal(Rehearsal.Options options,
                                              java.util.function.Function<Stage, DialogService> dialogs) {
            RehearsalWindow window = RehearsalWindow.start(stage, options, clock, dialogs);
            rehearsals.add(window);
            return window;
        }

        private static Console openWindow(Stage stage, SettingsStore settings, Clock clock, DialogService dialogs) {
            FxTaskRunner tasks = new FxTaskRunner(4);
            // The journal reports its own failures in the status bar: an incident must not go unrecorded silently.
            WizardSession[] holder = new WizardSession[1];
            IncidentRecorder incident = new IncidentRecorder(new IncidentStore(incidentsRoot(settings), clock), VERSION,
                    problem -> Platform.runLater(() -> holder[0].statusProperty().set(problem)));
            // Port-forwards a console killed outright left running are ended before anything else starts.
            ProcessLedger processes = new ProcessLedger(settings.get("processes.root").map(Path::of)
                    .orElseGet(ProcessLedger::defaultFolder));
            int leftovers = processes.endLeftovers();
            WizardSession session = new WizardSession(incident, processes);
            if (leftovers > 0) {
                session.statusProperty().set("Ended " + leftovers + " kubectl process" + (leftovers == 1 ? "" : "es")
                        + " (port-forward or log follow) that an earlier run of the console left running.");
            }
            holder[0] = session;
            List<AutoCloseable> owned = new ArrayList<>();
            StepModels[] models = new StepModels[1];
            WizardViewModel wizard = new WizardViewModel(steps(session, tasks, settings, clock, dialogs, owned, models));
            Console console = new Console(tasks, session, wizard, stage, owned);
            console.dialogs = dialogs;
            console.resumption = new IncidentResumption(session, wizard, tasks, models[0].connect(), models[0].cutoff(),
                    models[0].preview(), models[0].export());
            // Once the recluster has started, its progress is what the incident lead watches.
            session.reclusterProperty().addListener((obs, was, now) -> {
                if (now != null) {
                    wizard.next();
                }
            });
            Presenter presenter = presenter(settings, session, wizard);
            WizardShellView shell = new WizardShellView(wizard, session, presenter, () -> {
                console.close();
                stage.close();
            });
            // The offline review sits beside the runbook, not in it: its own screen, reached from File or a drop.
            // The Send step is the fifth: a file found safe to send goes straight there.
            console.review = new ReviewScreen(new ReviewViewModel(session, tasks, dialogs, settings), shell,
                    () -> wizard.goTo(4));
            shell.addFileMenuItems(console.review.menuItems().toArray(MenuItem[]::new));
            // The outcome can be checked before steps 5-6 are in the console, and past incidents read, beside the runbook.
            OutcomeStep outcome = wizard.steps().stream().filter(OutcomeStep.class::isInstance)
                    .map(OutcomeStep.class::cast).findFirst().orElseThrow();
            console.outcome = new OutcomeScreen(outcome.model(), shell);
            IncidentStore kept = new IncidentStore(incidentsRoot(settings), clock);
            console.incidents = new IncidentsScreen(new IncidentsViewModel(kept, tasks,
                    new uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents.PathsRecheckViewModel(kept, tasks,
                            session, new uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress(settings))),
                    shell);
            shell.addFileMenuItems(console.outcome.menuItem(), console.incidents.menuItem());
            console.start = new StartScreen(new StartViewModel(new IncidentStore(incidentsRoot(settings), clock), tasks,
                    s -> console.resume(s.folder()), s -> console.incidents.open(s.folder())), shell);
            console.start.addAction("start-new", "_New incident", "Walk the runbook from the start: connect to the "
                    + "read replica, set the deployment time, preview, export and send.", console.start::leave);
            console.start.addAction("start-review", "Review a _file offline", "Check an exported file with no "
                    + "connection at all, and send it if it is safe (File > Open for review).",
                    console.review::chooseAndOpen);
            console.review.installDrop(shell);
            console.shell = shell;
            console.clock = clock;
            MenuItem about = new MenuItem("_About Rollback Console");
            about.setOnAction(e -> AboutBox.show(stage, VERSION));
            shell.addHelpMenuItems(about);
            // 1280x820, or the screen's usable area when it is smaller (a 1280x720 screen share, a small laptop), so
            // that the menu, the buttons and the status bar are never off the screen.
            javafx.geometry.Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(shell, Math.min(1280, usable.getWidth()), Math.min(820, usable.getHeight()));
            scene.getStylesheets().add(App.class.getResource("ui/shell/app.css").toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Rollback Console");
            uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunTitle.follow(stage, session.reclusterProperty());
            console.alertsOn(settings);
            shell.audienceLines(uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.AudienceLines.of(session,
                    wizard.steps()), uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.AudienceLines.tones(session,
                    wizard.steps()), uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.AudienceLines.progress(session,
                    wizard.steps()));
            stage.setMinWidth(900);
            stage.setMinHeight(600);
            if (usable.getWidth() < 1280 || usable.getHeight() < 820) {
                // With a window manager the frame's title bar counts too: take the whole usable area.
                stage.setX(usable.getMinX());
                stage.setY(usable.getMinY());
                stage.setMaximized(true);
            }
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                InputStream icon = App.class.getResourceAsStream("ui/shell/icons/rollback-console-" + size + ".png");
                if (icon != null) {
                    stage.getIcons().add(new Image(icon));
                }
            }
            stage.setOnHidden(e -> console.close());
            wizard.start();
            return console;
        }

        /** The step view-models a resumed incident gives back what its journal says. */
        record StepModels(ConnectStepViewModel connect, CutoffStepViewModel cutoff, PreviewStepViewModel preview,
                          ExportStepViewModel export) {
        }

        /**
         * Presenter mode masks the connection's host, user and database wherever they are written, as typed in the
         * Connect step and as connected; the report and the channel summary are written masked while it is on.
         */
        private static Presenter presenter(SettingsStore settings, WizardSession session, WizardViewModel wizard) {
            Presenter presenter = new Presenter(settings);
            ConnectStepViewModel connect = wizard.steps().stream().filter(ConnectStep.class::isInstance)
                    .map(s -> ((ConnectStep) s).model()).findFirst().orElseThrow();
            presenter.maskAlso(() -> {
                List<String> values = new ArrayList<>(List.of(connect.hostProperty().get(), connect.userProperty().get(),
                        connect.databaseProperty().get()));
                Optional.ofNullable(session.replicaProperty().get()).map(r -> r.settings())
                        .ifPresent(s -> values.addAll(List.of(s.host(), s.user(), s.database())));
                values.removeIf(java.util.Objects::isNull);
                return values;
            }, connect.hostProperty(), connect.userProperty(), connect.databaseProperty(), session.replicaProperty());
            wizard.steps().stream().filter(OutcomeStep.class::isInstance).map(s -> ((OutcomeStep) s).model())
                    .forEach(m -> m.maskingProperty().bind(presenter.maskingProperty()));
            return presenter;
        }

        static List<WizardStep> steps(WizardSession session, TaskRunner tasks, SettingsStore settings, Clock clock,
                                      DialogService dialogs, List<AutoCloseable> owned, StepModels[] models) {
            // The send is timed by the wall clock, as the pod's log is. Each batch is in the incident's journal
            // before its request goes.
            ReclusterStepViewModel[] step = new ReclusterStepViewModel[1];
            Optional<BatchJournal> journal = session.incident().map(incident -> new IncidentBatchJournal(incident,
                    () -> step[0].namespaceProperty().get()));
            ReclusterStepViewModel recluster = new ReclusterStepViewModel(session, tasks, dialogs, settings,
                    Clock.systemUTC(), journal);
            step[0] = recluster;
            owned.add(recluster);
            // A resumed incident's send carries on with only the batches never sent.
            session.carryOnSendWith(recluster::continueIncident);
            ConnectStepViewModel connect = new ConnectStepViewModel(session, tasks, settings);
            owned.add(connect);
            CutoffStepViewModel cutoff = new CutoffStepViewModel(session, tasks, clock, settings);
            PreviewStepViewModel preview = new PreviewStepViewModel(session, tasks);
            ExportStepViewModel export = new ExportStepViewModel(session, tasks, dialogs, settings);
            models[0] = new StepModels(connect, cutoff, preview, export);
            // One kubectl, context and namespace for every step that asks the cluster.
            var target = session.clusterTarget();
            // What the settings remember is offered first; it is remembered again whenever a step uses it.
            target.rememberIn(settings);
            target.share(recluster.kubectlPathProperty(), recluster.contextProperty(), recluster.namespaceProperty());
            target.share(connect.throughCluster().kubectlPathProperty(), connect.throughCluster().contextProperty(),
                    connect.throughCluster().namespaceProperty());
            target.share(cutoff.releases().kubectlPathProperty(), cutoff.releases().contextProperty(),
                    cutoff.releases().namespaceProperty());
            return List.of(
                    new ConnectStep(connect, dialogs),
                    new CutoffStep(cutoff),
                    new PreviewStep(preview),
                    new ExportStep(export),
                    new ReclusterStep(recluster, new RollbackLiveViewModel(session, tasks, Clock.systemUTC(),
                            recluster.kubectlPathProperty(), recluster.contextProperty(), recluster.namespaceProperty(),
                            () -> recluster.exportProperty().get() == null ? 0 : recluster.exportProperty().get().records())),
                    new ProgressStep(new ProgressStepViewModel(session)),
                    new OutcomeStep(new OutcomeStepViewModel(session, tasks, dialogs, clock,
                            new uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress(settings))));
        }

        /** The rehearsals started from this window, in order. */
        public List<RehearsalWindow> rehearsals() {
            return List.copyOf(rehearsals);
        }

        public WizardViewModel wizard() {
            return wizard;
        }

        public WizardSession session() {
            return session;
        }

        public ReviewScreen review() {
            return review;
        }

        public OutcomeScreen outcome() {
            return outcome;
        }

        public IncidentsScreen incidents() {
            return incidents;
        }

        public StartScreen start() {
            return start;
        }

        /** Shows the start screen: recent incidents, a new one, resume, read, review. */
        public void showStart() {
            start.show();
        }

        /**
         * Carries the unfinished incident in {@code folder} on in this window, once the user has seen what was
         * sent and what was not and chosen to go on.
         */
        public void resume(Path folder) {
            IncidentSummary summary = start.model().incidents().stream().filter(s -> s.folder().equals(folder))
                    .findFirst().orElse(null);
            String question = "Carry on the incident in " + folder.getFileName() + " where it stopped"
                    + (summary == null ? "" : ", at " + summary.step().title()) + "?\n\n"
                    + (summary == null ? "" : StartViewModel.describe(summary) + "\n\n")
                    + "Its journal is carried on: every entry from now is added to it. The password is never kept: "
                    + "you type it again. A batch the service took, or may have taken, is never sent again; while "
                    + "there is one, nothing more is sent from this window.";
            if (!dialogs.confirm("Resume this incident?", question, "Resume")) {
                return;
            }
            resumption.resume(folder, outcome -> {
                if (start.showing()) {
                    start.leave();
                }
            }, error -> start.model().showError("The incident in " + folder.getFileName() + " could not be resumed: "
                    + error.getMessage()));
        }

        /** Opens the window on the offline review of {@code file}, as {@code --review FILE} does. */
        public void openReview(Path file) {
            review.open(file);
        }

        /** A run that completes, fails or waits for a decision is told on the desktop; its sound can be turned off. */
        private void alertsOn(SettingsStore settings) {
            AlertSettings alertSettings = new AlertSettings(settings);
            CheckMenuItem sound = new CheckMenuItem("Sound on run alerts");
            sound.setId("alert-sound");
            sound.selectedProperty().bindBidirectional(alertSettings.soundProperty());
            shell.addViewMenuItems(sound);
            RunAlerts.follow(session.reclusterProperty(), alertSettings.soundProperty(),
                    (alert, withSound) -> alerts.raise(alert, withSound));
        }

        /** Sends the run's alerts to {@code to} instead of the desktop (the window tests, which have no desktop). */
        public void alertsTo(Alerts to) {
            alerts.close();
            alerts = to;
        }

        @Override
        public void close() {
            alerts.close();
            rehearsals.forEach(RehearsalWindow::close);
            if (review != null) {
                review.model().cancel();
            }
            session.close();
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception e) {
                    // Closing on the way out: the rest must still close.
                }
            }
            tasks.close();
        }
    }

    /** Called from {@link Main} so that the command line never loads JavaFX. */
    static void launchWindow(String[] args) {
        Platform.setImplicitExit(true);
        Application.launch(App.class, args);
    }
}
