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
        // At 200 %, in every look, nothing the lead reads is cut: the chosen environment, Browse, the role, the
        // clock (these four were cut to "..." beside their names) and the page does not scroll sideways.
        ScrollPane page = pageOf(robot, "#connect");
        for (boolean contrast : new boolean[] {false, true}) {
            look(robot, 200, contrast);
            assertThat(truncatedLabels(page)).as("labels cut short at 200 %%%s", contrast ? " in high contrast" : "")
                    .isEmpty();
            assertThat(scrollsSideways(page)).as("a sideways scroll bar at 200 %").isFalse();
        }
        look(robot, 100, false);
    }

    /** True when the clock's name is drawn cut to "..." (it may wrap onto a second line where one is too narrow). */
    private static boolean eventClockCut(FxRobot robot) {
        return !truncatedLabels(robot.lookup("#event-clock").queryAs(javafx.scene.control.ComboBox.class)).isEmpty();
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
        assertThat(onScreen(robot, "#cutoff-utc")).as("shown before a time is typed").isFalse();
        // In the dark theme the field's hint is light on the dark field (it was drawn dark on dark, unreadable).
        robot.interact(() -> presenter().darkProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TextField field = robot.lookup("#cutoff-text").queryAs(javafx.scene.control.TextField.class);
        javafx.scene.text.Text hint = field.lookupAll("Text").stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(javafx.scene.text.Text.class::cast).filter(t -> field.getPromptText().equals(t.getText()))
                .findFirst().orElseThrow();
        assertThat(((javafx.scene.paint.Color) hint.getFill()).getBrightness()).as("the hint's brightness in the dark theme")
                .isGreaterThan(0.5);
        robot.interact(() -> presenter().darkProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();

        fill(robot, "#cutoff-text", "2025-06-09 13:21:55");
        waitUntil(() -> text(robot, "#cutoff-utc").endsWith("(UK time)") && onScreen(robot, "#cutoff-utc"));
        screenshot("88-deployment-time-200");
        javafx.scene.Parent page = robot.lookup("#cutoff-utc").query().getParent();
        while (!(page instanceof ScrollPane)) {
            page = page.getParent();
        }
        assertThat(truncatedLabels(page)).as("labels cut short at 200 %").isEmpty();
        // Zoomed in, the value compared with event_timestamp is at the top of the page, above the fold without
        // scrolling, and the page does not scroll sideways, in high contrast (bold) either.
        ScrollPane scroll = (ScrollPane) page;
        for (int zoom : new int[] {150, 200}) {
            for (boolean contrast : new boolean[] {false, true}) {
                look(robot, zoom, contrast);
                toTheTop(robot, scroll);
                String at = zoom + " %" + (contrast ? " in high contrast" : "");
                assertThat(onScreen(robot, "#cutoff-utc")).as("the compared line above the fold at " + at).isTrue();
                assertThat(scrollsSideways(scroll)).as("a sideways scroll bar at " + at).isFalse();
            }
        }
        look(robot, 100, false);
    }

    @Test
    void thePreviewsCountsAreAboveTheFoldAt150And200(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        fill(robot, "#cutoff-text", uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains(" affected events, "));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && !robot.lookup("#statistics-table").queryTableView().getItems().isEmpty());
        ScrollPane page = pageOf(robot, "#counts");
        for (int zoom : new int[] {150, 200}) {
            for (boolean contrast : new boolean[] {false, true}) {
                look(robot, zoom, contrast);
                toTheTop(robot, page);
                String at = zoom + " %" + (contrast ? " in high contrast" : "");
                assertThat(onScreen(robot, "#count-records")).as("the records count above the fold at " + at).isTrue();
                assertThat(onScreen(robot, "#count-events")).as("the events count above the fold at " + at).isTrue();
                assertThat(scrollsSideways(page)).as("a sideways scroll bar at " + at).isFalse();
            }
        }

        // One row per event: its card's longer caption wraps rather than widen the page.
        look(robot, 100, false);
        robot.clickOn("#mode-per-event");
        waitUntil(() -> enabled(robot, "#next") && text(robot, "#count-records-caption").contains("distinct"));
        look(robot, 200, true);
        assertThat(scrollsSideways(page)).as("a sideways scroll bar in the per-event form at 200 %").isFalse();
        assertThat(truncatedLabels(page)).as("labels cut short in the per-event form at 200 %").isEmpty();
        look(robot, 100, false);
        robot.clickOn("#mode-distinct");
        waitUntil(() -> enabled(robot, "#next") && robot.lookup("#count-records-caption").tryQuery().isEmpty());

        // Filtered, the count beside the filter is whole ("showing 1 of 17").
        fill(robot, "#filter", uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.SEVEN_UPDATES.sourceSystemId());
        look(robot, 200, true);
        assertThat(text(robot, "#showing")).startsWith("showing 1 of ");
        assertThat(truncatedLabels(page)).as("labels cut short, filtered, at 200 % in high contrast").isEmpty();
        look(robot, 100, false);
    }

    /** The window at 1280 x 720, at {@code zoom}, in the high-contrast look or the light one. */
    private void look(FxRobot robot, int zoom, boolean contrast) {
        sharedScreenAt(robot, zoom);
        robot.interact(() -> presenter().highContrastProperty().set(contrast));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void toTheTop(FxRobot robot, ScrollPane page) {
        robot.interact(() -> page.setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The scrolling page of the step that shows {@code id}. */
    private static ScrollPane pageOf(FxRobot robot, String id) {
        javafx.scene.Parent p = robot.lookup(id).query().getParent();
        while (!(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return (ScrollPane) p;
    }

    /** True when the page shows its sideways scroll bar: something on it is wider than the window gives it. */
    private static boolean scrollsSideways(ScrollPane page) {
        return page.getChildrenUnmodifiable().stream().anyMatch(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible());
    }

    private void size(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Shown, whole within the window and, inside a scrolling page, within what the page shows now. */
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
            if (!p.isVisible()) {
                return false;
            }
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
