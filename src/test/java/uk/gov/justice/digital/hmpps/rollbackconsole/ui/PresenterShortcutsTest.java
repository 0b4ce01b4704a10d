package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * The Progress and Outcome steps' shortcuts, pressed in a real window against the fakes, and the screens at 200 %
 * in presenter mode: Send, Progress, Outcome opened from the File menu, Recent incidents, and their popups.
 */
class PresenterShortcutsTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final int RECORDS = 60;
    private static final int BATCH = 5;
    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private Presenter presenter() {
        return ((WizardShellView) stage.getScene().getRoot()).presenter();
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        robot.push(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void zoom(FxRobot robot, int percent) {
        robot.interact(() -> {
            presenter().onProperty().set(true);
            presenter().zoomProperty().set(percent);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Text a control shows cut short ends in an ellipsis: the words of every labelled control under {@code root}. */
    private static List<String> cutShort(Parent root) {
        List<String> cut = new ArrayList<>();
        root.lookupAll(".labeled").forEach(n -> {
            if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isBlank()) {
                l.lookupAll(".text").stream().filter(Text.class::isInstance).map(t -> ((Text) t).getText())
                        .filter(t -> t.endsWith("\u2026") || t.endsWith("...")).forEach(t -> cut.add(l.getText()));
            }
        });
        return cut;
    }

    private static List<PopupWindow> popups() {
        return Window.getWindows().stream().filter(w -> w instanceof PopupWindow && w.isShowing())
                .map(PopupWindow.class::cast).toList();
    }

    private static String state(FxRobot robot) {
        return text(robot, "#progress-state");
    }

    @Test
    void progressShortcutsPauseResumeAndStopTheRunAt200Percent(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.json");
        List<AffectedRecord> records = new ArrayList<>();
        for (int i = 1; i <= RECORDS; i++) {
            records.add(new AffectedRecord(null, SourceSystem.DELIUS, "X9" + (10000 + i), 1,
                    Instant.parse("2025-06-09T13:00:00Z")));
        }
        new RunbookJsonExport().write(file, false, RecordSource.of(records));
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(50));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).forwardTo(service.port()).podLog(POD, service.logFile());
        sendFromTheReview(robot, file);
        forwardToTheFirstPod(robot, cluster, 1);
        fill(robot, "#batch-size", String.valueOf(BATCH));

        // The Send step at 200 %, and its context list open: the popup grows with the window.
        zoom(robot, 200);
        assertThat(text(robot, "#presenter-step")).isEqualTo("Step 5 of 7: Port-forward and recluster  \u2022  ");
        screenshot("presenter-5-send-200");
        // The long step name wraps in the banner rather than pushing Next out of the window.
        Node next = robot.lookup("#next").query();
        javafx.geometry.Bounds nextBounds = next.localToScene(next.getBoundsInLocal());
        assertThat(nextBounds.getMaxX()).as("Next inside the window at 200 %").isLessThanOrEqualTo(stage.getScene().getWidth());
        // The steps in the sidebar scroll rather than cut the current one's name short.
        assertThat(cutShort((Parent) robot.lookup(".sidebar").query())).as("sidebar steps at 200 %").isEmpty();
        @SuppressWarnings("unchecked")
        ComboBox<String> context = robot.lookup("#kube-context").queryAs(ComboBox.class);
        robot.interact(context::show);
        WaitForAsyncUtils.waitForFxEvents();
        PopupWindow list = popups().stream().filter(p -> p.getScene().getRoot().lookup(".list-cell") != null)
                .findFirst().orElseThrow();
        Labeled cell = (Labeled) list.getScene().getRoot().lookupAll(".list-cell").stream()
                .filter(n -> SimulatedCluster.CONTEXT.equals(((Labeled) n).getText())).findFirst().orElseThrow();
        assertThat(cell.getFont().getSize()).as("the list's words at 200 %").isEqualTo(26.0);
        assertThat(cutShort(list.getScene().getRoot())).as("no context name cut short").isEmpty();
        screenshot("presenter-5-send-200-context-open");
        Screenshots.save(list.getScene(), "presenter-5-send-200-context-popup");
        robot.interact(context::hide);

        // Tooltips name the shortcut, in the window's size.
        Button send = robot.lookup("#send").queryAs(Button.class);
        Tooltip tip = send.getTooltip();
        robot.interact(() -> {
            javafx.geometry.Bounds b = send.localToScreen(send.getBoundsInLocal());
            tip.show(send, b.getMinX(), b.getMaxY());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tip.getText()).contains(uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts.SEND.getDisplayText());
        assertThat(tip.getFont().getSize()).as("a tooltip at 200 %").isGreaterThanOrEqualTo(24.0);
        assertThat(cutShort(tip.getScene().getRoot())).isEmpty();
        Screenshots.save(tip.getScene(), "presenter-5-send-200-tooltip");
        robot.interact(tip::hide);

        dialogs.confirmAnswer = true;
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
        assertThat(text(robot, "#presenter-step")).isEqualTo("Step 6 of 7: Progress  \u2022  ");
        ReclusterMonitor monitor = console.session().reclusterProperty().get();

        // Ctrl+P pauses: nothing more is sent until Ctrl+R.
        keys(robot, KeyCode.CONTROL, KeyCode.P);
        assertThat(state(robot)).as("Ctrl+P").isEqualTo("Paused");
        waitUntil(() -> !text(robot, "#progress-message").isEmpty());
        keys(robot, KeyCode.CONTROL, KeyCode.R);
        assertThat(state(robot)).as("Ctrl+R").isEqualTo("Running");
        keys(robot, KeyCode.CONTROL, KeyCode.P);
        assertThat(state(robot)).isEqualTo("Paused");
        screenshot("presenter-6-progress-200-paused");
        // Amber, with Resume leading.
        RunStateShown.assertShown(robot, "Paused", ProgressStyles.DECISION, java.util.Set.of("#resume", "#stop"), "#resume");
        // Ctrl+Shift+S: stop after this batch. The run ends stopped, with batches left unsent.
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        waitUntil(() -> state(robot).equals("Stopped"));
        int batches = RECORDS / BATCH;
        assertThat(monitor.batchesCompleteProperty().get()).isLessThan(batches);
        assertThat(service.reclusterRequests()).isLessThan(batches)
                .isEqualTo(monitor.rows().size());
        screenshot("presenter-6-progress-200-stopped");
        // Records are left: Next can be pressed but does not lead.
        RunStateShown.assertShown(robot, "Stopped", ProgressStyles.DECISION, java.util.Set.of(), null);
        assertThat(enabled(robot, "#next")).isTrue();

        // The View menu open at 200 %: its items are not cut short.
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals("View")).findFirst()
                .orElseThrow();
        robot.interact(view::show);
        WaitForAsyncUtils.waitForFxEvents();
        PopupWindow menu = popups().stream().filter(p -> p.getScene().getRoot().lookup(".menu-item") != null)
                .findFirst().orElseThrow();
        assertThat(cutShort(menu.getScene().getRoot())).as("menu items at 200 %").isEmpty();
        Node item = menu.getScene().getRoot().lookup(".menu-item .label");
        assertThat(((Labeled) item).getFont().getSize()).isEqualTo(26.0);
        screenshot("presenter-menu-view-200");
        Screenshots.save(menu.getScene(), "presenter-menu-view-200-popup");
        robot.interact(view::hide);
    }

    @Test
    void outcomeShortcutsTakeTheAfterStatisticsAndWriteTheReportFromTheFileMenu(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));
        choose(robot, "#menu-check-outcome");
        waitUntil(() -> robot.lookup("#take-after").tryQuery().isPresent());
        zoom(robot, 200);
        // Opened from the File menu, the Outcome screen is still named as the runbook's step 7.
        assertThat(text(robot, "#presenter-step")).isEqualTo("Step 7 of 7: Outcome  \u2022  ");
        assertThat(robot.lookup("#presenter-step").query().isVisible()).isTrue();
        assertThat(rows(robot, "#comparison-table")).isZero();

        keys(robot, KeyCode.CONTROL, KeyCode.T);
        waitUntil(() -> rows(robot, "#comparison-table") > 0);
        assertThat(text(robot, "#comparison-totals")).startsWith("Total clusters: ");
        screenshot("presenter-7-outcome-200");

        robot.interact(() -> robot.lookup("#outcome-tabs").queryAs(TabPane.class).getSelectionModel().select(2));
        keys(robot, KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> text(robot, "#report-message").startsWith("Report written to "));
        try (Stream<Path> folders = Files.list(incidents)) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith(".md"));
            }
        }
        screenshot("presenter-7-outcome-200-report");

        // Recent incidents, aside too: named, and its tables grow with the zoom.
        choose(robot, "#menu-recent-incidents");
        waitUntil(() -> robot.lookup("#incidents-table").tryQuery().isPresent());
        // The banner names the screen; the step label says where the runbook waits underneath it.
        assertThat(text(robot, "#presenter-step")).isEqualTo("Runbook at step 3 of 7  \u2022  ");
        assertThat(text(robot, "#environment-banner-label")).startsWith("RECENT INCIDENTS");
        // Short of room the step's words wrap onto a second line at most, not one word a line down the window.
        assertThat(robot.lookup(".environment-banner").queryAs(javafx.scene.layout.Region.class).getHeight())
                .isLessThan(4 * 39.0);
        robot.interact(() -> robot.lookup("#incidents-table").queryTableView().getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#incident-timeline").tryQuery().isPresent());
        double rowsHigh = robot.lookup("#incident-timeline").queryAs(javafx.scene.layout.Region.class).getPrefHeight();
        assertThat(rowsHigh).as("the timeline's height in em at 200 %").isGreaterThan(2 * 26.0 + 2 * 32);
        screenshot("presenter-incidents-200");
    }

    /** Chooses a File menu item as a click would, once it is enabled. */
    private static void choose(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals("#" + i.getId())).findFirst().orElseThrow();
        assertThat(item.isDisable()).as(item.getText() + " is enabled").isFalse();
        robot.interact(item::fire);
    }
}
