package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SideBySide;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/** Steps at the size of a shared screen, 1280 x 720, and zoomed in: what matters is on the screen, not below the fold. */
class SharedScreenWindowTest extends ConsoleWindowTest {

    @Test
    void theResultsOfConnectingAreVisibleAt1280x720AndReachableAt150(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        size(robot, 1280, 720);
        screenshot("80-connect-1280x720");

        assertThat(onScreen(robot, "#server-version")).as("the server's version").isTrue();
        assertThat(onScreen(robot, "#replica-lag")).as("the replication lag").isTrue();
        assertThat(onScreen(robot, "#event-clock")).as("event_log's clock").isTrue();
        assertThat(onScreen(robot, "#event-clock-message")).as("why that clock").isTrue();
        assertThat(onScreen(robot, "#connect")).as("Connect itself").isTrue();
        assertThat(eventClockCut(robot)).as("the clock's name whole").isFalse();

        assertThat(columns(robot).sideBySide()).as("the form and the results side by side").isTrue();

        // Zoomed in, the two stack; connecting again scrolls to what it found
        robot.interact(() -> presenter().zoomProperty().set(150));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(columns(robot).sideBySide()).isFalse();
        scrollIntoView(robot, robot.lookup("#disconnect").query());
        robot.clickOn("#disconnect");
        scrollIntoView(robot, robot.lookup("#connect").query());
        robot.clickOn("#connect");
        waitUntil(() -> text(robot, "#server-version").startsWith("PostgreSQL") && onScreen(robot, "#event-clock"));
        screenshot("81-connect-1280x720-150");
        assertThat(onScreen(robot, "#replica-lag")).isTrue();
        assertThat(onScreen(robot, "#event-clock-message")).isTrue();
        assertThat(eventClockCut(robot)).as("the clock's name whole at 150 %").isFalse();

        robot.interact(() -> presenter().zoomProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        screenshot("82-connect-1280x720-200");
    }

    private static boolean eventClockCut(FxRobot robot) {
        javafx.scene.control.ComboBox<?> clock = robot.lookup("#event-clock").queryAs(javafx.scene.control.ComboBox.class);
        javafx.scene.control.ListCell<?> shown = (javafx.scene.control.ListCell<?>) clock.lookup(".list-cell");
        return shown.getWidth() < shown.prefWidth(-1) - 0.5;
    }

    private Presenter presenter() {
        return ((WizardShellView) stage.getScene().getRoot()).presenter();
    }

    private static SideBySide columns(FxRobot robot) {
        return robot.lookup("#connect-columns").queryAs(SideBySide.class);
    }

    @Test
    void theCutoffComparedWithEventTimestampComesIntoViewAt200(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        sharedScreenAt(robot, 200);
        assertThat(onScreen(robot, "#cutoff-utc")).as("below the fold before a time is typed").isFalse();

        fill(robot, "#cutoff-text", "2025-06-09 13:21:55");
        waitUntil(() -> text(robot, "#cutoff-utc").endsWith("(UK time)") && onScreen(robot, "#cutoff-utc"));
        screenshot("88-deployment-time-200");
        javafx.scene.Parent page = robot.lookup("#cutoff-utc").query().getParent();
        while (!(page instanceof ScrollPane)) {
            page = page.getParent();
        }
        assertThat(truncatedLabels(page)).as("labels cut short at 200 %").isEmpty();
        sharedScreenAt(robot, 100);
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whole within the window and, inside a scrolling page, within what the page shows now. */
    static boolean onScreen(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        if (!node.isVisible()) {
            return false;
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        Bounds window = new javafx.geometry.BoundingBox(0, 0, node.getScene().getWidth(), node.getScene().getHeight());
        if (!window.contains(b)) {
            return false;
        }
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll) {
                Bounds view = scroll.localToScene(scroll.getLayoutBounds());
                if (!view.contains(b)) {
                    return false;
                }
            }
        }
        return true;
    }
}
