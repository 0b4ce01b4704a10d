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

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

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
}
