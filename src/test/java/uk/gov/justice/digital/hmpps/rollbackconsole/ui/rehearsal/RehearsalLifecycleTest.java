package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/** Starting a rehearsal from the File menu, and what is left of it once its window is closed. */
class RehearsalLifecycleTest extends RehearsalWindowTestBase {

    @Test
    void aRehearsalStartedFromTheFileMenuLeavesTheUsersSettingsAsTheyWere(FxRobot robot) throws Exception {
        // The user works in the dark theme; the rehearsal they start looks the same, not as a fresh install does.
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().darkProperty().set(true));
        byte[] before = Files.readAllBytes(userSettings);
        RehearsalWindow window = startFromTheMenu(robot);
        Stage r = window.stage();
        App.Console rc = window.console().orElseThrow();
        assertThat(((WizardShellView) r.getScene().getRoot()).presenter().darkProperty().get()).isTrue();
        Rehearsal rehearsal = window.rehearsal().orElseThrow();
        assertThat(rehearsal.options()).isEqualTo(new Rehearsal.Options(250, 0, 1));

        // The Send step reads the rehearsal's contexts and pods, and remembers kubectl, context and namespace...
        walkToSend(robot, r, rehearsal);
        assertThat(rc.wizard().currentIndexProperty().get()).isEqualTo(4);
        // Entering the step reads the simulated kubectl's contexts: only the rehearsal's.
        waitUntil(() -> ((javafx.scene.control.ComboBox<?>) in(robot, r, "#kube-context")).getItems()
                .equals(List.of(Rehearsal.CONTEXT)));
        click(robot, r, "#find-pods");
        waitUntil(() -> ((TableView<?>) in(robot, r, "#pods-table")).getItems().size() == 2);
        Properties remembered = new Properties();
        try (var in = Files.newBufferedReader(rehearsal.folder().resolve("settings.properties"))) {
            remembered.load(in);
        }
        // ...in the rehearsal's own settings file,
        waitUntil(() -> rehearsal.folder().resolve("settings.properties").toFile().length() > 0);
        assertThat(remembered.getProperty("kubectl.path")).isEqualTo(rehearsal.kubectl().toString());
        assertThat(remembered.getProperty("kubectl.context")).isEqualTo(Rehearsal.CONTEXT);
        screenshot(r, "69-rehearsal-from-the-menu");
        robot.interact(window::close);

        // ...never in the user's: their kubectl, context, namespace and connection are as they were.
        assertThat(Files.readAllBytes(userSettings)).isEqualTo(before);
        assertThat(rehearsal.cluster().calls()).allSatisfy(call ->
                assertThat(String.join(" ", call)).doesNotContain("live.cloud-platform").doesNotContain("-prod"));
    }

    @Test
    void closingTheRehearsalsWindowLeavesNoProcessOrServerRunning(FxRobot robot) throws Exception {
        RehearsalWindow window = startFromTheMenu(robot);
        Stage r = window.stage();
        App.Console rc = window.console().orElseThrow();
        Rehearsal rehearsal = window.rehearsal().orElseThrow();
        // A port-forward through the simulated kubectl: a real subprocess, as the real kubectl's is.
        walkToSend(robot, r, rehearsal);
        assertThat(rc.wizard().currentIndexProperty().get()).isEqualTo(4);
        // Entering the step reads the simulated kubectl's contexts: only the rehearsal's.
        waitUntil(() -> ((javafx.scene.control.ComboBox<?>) in(robot, r, "#kube-context")).getItems()
                .equals(List.of(Rehearsal.CONTEXT)));
        click(robot, r, "#find-pods");
        TableView<?> pods = (TableView<?>) in(robot, r, "#pods-table");
        waitUntil(() -> pods.getItems().size() == 2);
        robot.interact(() -> pods.getSelectionModel().select(1));
        robot.interact(() -> ((Button) in(robot, r, "#start-forward")).fire());
        waitUntil(() -> text(robot, r, "#forward-status").contains("GET /health answers UP"));
        long forward = rehearsal.cluster().portForwardPid();
        assertThat(ProcessHandle.of(forward).map(ProcessHandle::isAlive)).contains(true);
        assertThat(simulatedKubectls()).isNotEmpty();
        int database = rehearsal.databasePort();
        List<Integer> services = rehearsal.servicePorts();
        assertThat(accepts(database)).isTrue();

        // Closing the window, as the user does.
        robot.interact(r::close);
        assertThat(window.isClosed()).isTrue();

        waitUntil(() -> simulatedKubectls().isEmpty());
        assertThat(ProcessHandle.of(forward).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(accepts(database)).as("the rehearsal's PostgreSQL is stopped").isFalse();
        for (int port : services) {
            assertThat(accepts(port)).as("the simulated service on " + port + " is stopped").isFalse();
        }
        // The user's window carries on.
        assertThat(stage.isShowing()).isTrue();
    }

    private RehearsalWindow startFromTheMenu(FxRobot robot) {
        MenuItem item = stage.getScene().getRoot().lookupAll(".menu-bar").stream().map(MenuBar.class::cast)
                .flatMap(b -> b.getMenus().stream()).flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-start-rehearsal".equals(i.getId())).findFirst().orElseThrow();
        assertThat(item.getText()).isEqualTo("Start a rehearsal\u2026");
        return startThroughTheOptionsDialog(robot, item::fire, "250", "0", "1", "59-rehearsal-options");
    }

    /** The simulated kubectl's processes still running under this JVM. */
    private static List<ProcessHandle> simulatedKubectls() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains("rehearsal.SimulatedKubectl")).toList();
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void theStartingScreenAndItsFailureKeepTheirWordsWholeInTheWindowsLook(FxRobot robot) throws Exception {
        // What shows while the rehearsal's primary and its hot standby come up; nothing is started here.
        RehearsalWindow[] opened = new RehearsalWindow[1];
        robot.interact(() -> opened[0] = RehearsalWindow.opening(stage, java.time.Clock.systemUTC(), s -> dialogs));
        RehearsalWindow window = opened[0];
        Stage r = window.stage();
        WizardShellView main = (WizardShellView) stage.getScene().getRoot();
        robot.interact(() -> main.presenter().zoomProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        // At 200 % it grows with its text (it was 640 x 320 px, its words cut), and stays on a 1280 x 720 screen.
        assertThat(cut(r)).isEmpty();
        assertThat(r.getWidth()).isGreaterThan(640).isLessThanOrEqualTo(1280);
        assertThat(r.getHeight()).isLessThanOrEqualTo(720);
        assertThat(in(robot, r, "#rehearsal-spinner").isVisible()).isTrue();
        assertThat(in(robot, r, "#rehearsal-failure").isVisible()).isFalse();
        // In high contrast the mark is yellow on black, as the banner is (it was black on its purple).
        robot.interact(() -> main.presenter().highContrastProperty().set(true));
        assertThat(((javafx.scene.control.Label) in(robot, r, "#rehearsal-starting-mark")).getTextFill())
                .isEqualTo(javafx.scene.paint.Color.web("#ffff00"));
        robot.interact(() -> {
            main.presenter().highContrastProperty().set(false);
            main.presenter().zoomProperty().set(100);
        });
        if (Screenshots.gridWanted()) {
            Screenshots.grid(stage, main.presenter(), r, "57-rehearsal-starting");
        }

        // It cannot start: why, as an error, in place of the spinner, and the button closes the window.
        robot.interact(() -> window.failed(new java.io.UncheckedIOException("could not start the hot standby",
                new java.io.IOException("Gave up waiting for server to start after 10000ms")),
                java.nio.file.Path.of("/tmp/rollback-console-rehearsal-123")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(in(robot, r, "#rehearsal-spinner").getParent().isVisible()).as("the spinner's row").isFalse();
        assertThat(in(robot, r, "#rehearsal-failure").getStyleClass()).contains("message-error");
        assertThat(text(robot, r, "#rehearsal-failure")).startsWith("The rehearsal could not start")
                .contains("a rehearsal never reads a primary");
        assertThat(text(robot, r, "#rehearsal-cancel")).isEqualTo("Close");
        robot.interact(() -> main.presenter().zoomProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cut(r)).isEmpty();
        assertThat(r.getHeight()).isLessThanOrEqualTo(720);
        robot.interact(() -> main.presenter().zoomProperty().set(100));
        if (Screenshots.gridWanted()) {
            Screenshots.grid(stage, main.presenter(), r, "57b-rehearsal-start-failed");
        }
        screenshot(r, "57b-rehearsal-start-failed");
        robot.interact(() -> in(robot, r, "#rehearsal-cancel").getScene().getWindow().hide());
        assertThat(window.isClosed()).isTrue();
    }

    @Test
    void theOptionsDialogFitsASharedScreenAt200PercentWithNothingCut(FxRobot robot) throws Exception {
        WizardShellView main = (WizardShellView) stage.getScene().getRoot();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            main.presenter().zoomProperty().set(200);
        });
        Stage asked = openOptions(robot);
        WaitForAsyncUtils.waitForFxEvents();
        // As wide as every question (it was 1490 px, each question on one line), and no higher than the window it
        // is asked over, its questions scrolling (it was 870 px high, Start and Cancel below a 720-pixel screen).
        assertThat(cut(asked)).isEmpty();
        assertThat(asked.getWidth()).isLessThanOrEqualTo(1280);
        assertThat(asked.getHeight()).isLessThanOrEqualTo(720);
        robot.interact(asked::hide);
        robot.interact(() -> main.presenter().zoomProperty().set(100));
        if (Screenshots.gridWanted()) {
            Screenshots.gridOpened(stage, main.presenter(), "56-rehearsal-options", () -> openOptions(robot));
        }
    }

    /** Opens File > Rehearsal's options dialog over the user's window, as the menu does; returns it once shown. */
    private Stage openOptions(FxRobot robot) {
        javafx.application.Platform.runLater(() -> RehearsalWindow.ask(stage));
        waitUntil(() -> options(robot) != null);
        return options(robot);
    }

    private static Stage options(FxRobot robot) {
        return (Stage) robot.listWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#rehearsal-speed") != null).findFirst().orElse(null);
    }

    /** The labels of the window drawn cut short: the text drawn is not the label's own, and ends in an ellipsis. */
    private static List<String> cut(Stage window) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> cut = new java.util.ArrayList<>();
            java.util.Deque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(List.of(window.getScene().getRoot()));
            while (!todo.isEmpty()) {
                javafx.scene.Node n = todo.pop();
                if (!n.isVisible()) {
                    continue;
                }
                if (n instanceof javafx.scene.Parent p) {
                    todo.addAll(p.getChildrenUnmodifiable());
                }
                if (n instanceof javafx.scene.control.Labeled l && !l.getText().isBlank()) {
                    l.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                            .map(t -> ((javafx.scene.text.Text) t).getText())
                            .filter(t -> !t.equals(l.getText()) && (t.endsWith("\u2026") || t.endsWith("...")))
                            .findFirst().ifPresent(t -> cut.add(l.getText()));
                }
            }
            return cut;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
