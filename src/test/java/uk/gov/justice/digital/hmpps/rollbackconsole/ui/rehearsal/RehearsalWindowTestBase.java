package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * The user's console (a real headless window over a settings file of the user's, written beforehand) and the
 * rehearsal windows it starts. Lookups are made in the rehearsal's window: both windows have the same steps.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RehearsalWindowTestBase {

    @TempDir
    Path dir;
    Path userSettings;
    final FakeDialogs dialogs = new FakeDialogs();
    App.Console console;
    Stage stage;

    @BeforeEach
    void openUsersWindow() throws Exception {
        userSettings = dir.resolve("user").resolve("settings.properties");
        SettingsStore settings = new SettingsStore(userSettings);
        settings.put("kubectl.path", "/opt/their/kubectl");
        settings.put("kubectl.context", "live.cloud-platform.service.justice.gov.uk");
        settings.put("kubectl.namespace", "hmpps-person-record-prod");
        settings.put("connect.host", "127.0.0.1");
        settings.put("connect.port", "15432");
        settings.put("connect.environment", "prod");
        settings.put("incidents.root", dir.resolve("user").resolve("incidents").toString());
        settings.put("processes.root", dir.resolve("user").resolve("processes").toString());
        settings.save();
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            console = App.Console.open(stage, settings, Clock.systemUTC(), dialogs);
            stage.show();
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeUsersWindow() throws Exception {
        List<RehearsalWindow> rehearsals = console.rehearsals();
        WaitForAsyncUtils.asyncFx(() -> {
            console.close();
            stage.close();
        }).get(30, TimeUnit.SECONDS);
        // A rehearsal keeps its files for the user to read; a test's go with it.
        for (RehearsalWindow w : rehearsals) {
            w.rehearsal().ifPresent(r -> deleteAll(r.folder()));
        }
    }

    /**
     * Opens the rehearsal's options dialog with {@code opener} (a menu item or the start screen's button), answers
     * it as a user does, and waits for the rehearsal's window, which asks through {@link ProposedNames}.
     */
    protected RehearsalWindow startThroughTheOptionsDialog(FxRobot robot, Runnable opener, String speed,
                                                           String podDiesInBatch, String notFound,
                                                           String screenshotName) {
        return startThroughTheOptionsDialog(robot, opener, speed, podDiesInBatch, notFound, screenshotName,
                new ProposedNames());
    }

    protected RehearsalWindow startThroughTheOptionsDialog(FxRobot robot, Runnable opener, String speed,
                                                           String podDiesInBatch, String notFound,
                                                           String screenshotName, DialogService rehearsalDialogs) {
        return startThroughTheOptionsDialog(robot, opener, speed, podDiesInBatch, notFound, screenshotName,
                rehearsalDialogs, dialog -> { });
    }

    /** As above, with {@code more} choosing further options in the dialog (on the FX thread) before it starts. */
    protected RehearsalWindow startThroughTheOptionsDialog(FxRobot robot, Runnable opener, String speed,
                                                           String podDiesInBatch, String notFound,
                                                           String screenshotName, DialogService rehearsalDialogs,
                                                           java.util.function.Consumer<javafx.stage.Window> more) {
        console.rehearsalDialogs(s -> rehearsalDialogs);
        int before = console.rehearsals().size();
        // The opener waits for the dialog: run later, so that this thread can answer it.
        javafx.application.Platform.runLater(opener);
        waitUntil(() -> optionsDialog(robot) != null);
        javafx.stage.Window dialog = optionsDialog(robot);
        robot.interact(() -> {
            field(robot, dialog, "#rehearsal-speed").setText(speed);
            field(robot, dialog, "#rehearsal-pod-dies").setText(podDiesInBatch);
            field(robot, dialog, "#rehearsal-not-found").setText(notFound);
            more.accept(dialog);
        });
        Screenshots.save(dialog.getScene(), screenshotName);
        robot.interact(() -> ((javafx.scene.control.Button) robot.from(dialog.getScene().getRoot())
                .lookup("#rehearsal-start").query()).fire());
        waitUntil(() -> console.rehearsals().size() == before + 1);
        RehearsalWindow window = console.rehearsals().get(before);
        waitUntil(() -> window.console().isPresent());
        assertThat(window.stage().getTitle()).startsWith("REHEARSAL");
        assertThat(text(robot, window.stage(), "#environment-banner-label")).startsWith("REHEARSAL");
        return window;
    }

    private static javafx.stage.Window optionsDialog(FxRobot robot) {
        return robot.listWindows().stream().filter(w -> w.getScene() != null
                && robot.from(w.getScene().getRoot()).lookup("#rehearsal-speed").tryQuery().isPresent())
                .findFirst().orElse(null);
    }

    private static javafx.scene.control.TextField field(FxRobot robot, javafx.stage.Window w, String id) {
        return robot.from(w.getScene().getRoot()).lookup(id).queryAs(javafx.scene.control.TextField.class);
    }

    private static void deleteAll(Path folder) {
        try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // Left in the temporary folder.
        }
    }

    /** A dialog service for the rehearsal's window: confirms, and saves under the name the console proposes. */
    static final class ProposedNames implements DialogService {
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean confirm(String title, String question, String confirmLabel) {
            asked.add(title + ": " + question);
            return true;
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, Path initialFolder, String initialName) {
            asked.add(title);
            return Optional.of(initialFolder.resolve(initialName));
        }

        @Override
        public Optional<Path> chooseOpenFile(String title, Path initialFolder, String description, String... ext) {
            return Optional.empty();
        }

        @Override
        public Optional<String> ask(String title, String question) {
            asked.add(title + ": " + question);
            return Optional.empty();
        }
    }

    static Node in(FxRobot robot, Stage window, String id) {
        return robot.from(window.getScene().getRoot()).lookup(id).query();
    }

    static Optional<Node> tryIn(FxRobot robot, Stage window, String id) {
        return robot.from(window.getScene().getRoot()).lookup(id).tryQuery();
    }

    static String text(FxRobot robot, Stage window, String id) {
        Node n = in(robot, window, id);
        return n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText();
    }

    static void waitUntil(BooleanSupplier condition) {
        waitUntil(60, condition);
    }

    static void waitUntil(int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the screen did not get there within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fires a button of the rehearsal's window, as a click on it does (both windows have the same buttons). */
    static void click(FxRobot robot, Stage r, String id) {
        javafx.scene.control.ButtonBase b = (javafx.scene.control.ButtonBase) in(robot, r, id);
        waitUntil(() -> !b.isDisabled());
        robot.interact(b::fire);
    }

    /** Connects, enters the rehearsal's deployment time, previews and exports: the Send step is then current. */
    static void walkToSend(FxRobot robot, Stage r, uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal rehearsal) {
        click(robot, r, "#connect");
        waitUntil(() -> text(robot, r, "#server-version").startsWith("PostgreSQL"));
        tryIn(robot, r, "#acknowledge-primary").filter(Node::isVisible)
                .ifPresent(n -> robot.interact(((javafx.scene.control.ButtonBase) n)::fire));
        click(robot, r, "#next");
        robot.interact(() -> ((TextInputControl) in(robot, r, "#cutoff-text")).setText(rehearsal.cutoffLocal()));
        click(robot, r, "#next");
        click(robot, r, "#next");
        click(robot, r, "#export");
        waitUntil(() -> text(robot, r, "#export-message").contains("verified"));
        click(robot, r, "#next");
    }

    /**
     * Saves the window; with {@code -Dscreens.grid=true}, a rehearsal's once its console is open, in every look too
     * (never the user's own window, whose settings these tests check are left as they were).
     */
    static void screenshot(Stage window, String name) {
        Screenshots.save(window.getScene(), name);
        if (Screenshots.gridWanted() && window.getTitle() != null && window.getTitle().startsWith("REHEARSAL")
                && window.getScene().getRoot()
                instanceof uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView shell) {
            Screenshots.grid(window, shell.presenter(), window, name);
        }
    }
}
