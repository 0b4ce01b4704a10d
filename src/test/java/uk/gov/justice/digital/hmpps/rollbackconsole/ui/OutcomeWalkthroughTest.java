package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The end of the runbook as the incident lead does it: after the recluster, check the outcome and report it. */
class OutcomeWalkthroughTest extends ConsoleWindowTest {

    @Test
    void checksTheOutcomeAfterAReclusterWritesTheReportAndFindsTheIncidentInTheRecentList(FxRobot robot) throws Exception {
        try {
            connectToTestReplica(robot);
            robot.clickOn("#acknowledge-primary");
            robot.clickOn("#next");
            robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
            waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
            robot.clickOn("#next");
            waitUntil(() -> enabled(robot, "#next"));
            assertThat(robot.lookup("#step-7").queryButton().isDisabled())
                    .as("steps 5 and 6 are not in the console yet, so the sidebar cannot reach step 7").isTrue();

            // The recluster, run by hand: the legacy MERGED cluster becomes ACTIVE; both outstanding clusters stay.
            admin("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id = 5");

            choose(robot, "#menu-check-outcome");
            waitUntil(() -> robot.lookup("#take-after").tryQuery().isPresent());
            assertThat(text(robot, "#outcome-window")).isEqualTo("Events from 2025-06-09 12:21:55 UTC up to "
                    + text(robot, "#outcome-window").substring("Events from 2025-06-09 12:21:55 UTC up to ".length()));
            assertThat(text(robot, "#environment-banner-label")).isEqualTo("LOCAL");
            assertThat(rows(robot, "#comparison-table")).isZero();

            assertThat(robot.lookup("#take-after").query().getStyleClass()).contains("primary");
            robot.clickOn("#take-after");
            waitUntil(() -> rows(robot, "#comparison-table") == 4);
            assertThat(robot.lookup("#take-after").query().getStyleClass()).as("taken: no longer the primary action")
                    .doesNotContain("primary");
            assertThat(cells(robot, "#comparison-table")).containsExactly(
                    List.of("ACTIVE", "2", "3", "+1"), List.of("MERGED", "1", "0", "-1"),
                    List.of("NEEDS_ATTENTION", "2", "2", "0"), List.of("RECLUSTER_MERGE", "1", "1", "0"));
            assertThat(text(robot, "#statistics-message")).contains("2 clusters need attention, 2 before (0)");
            // Other statuses moved, but as many clusters need attention: amber, not green.
            assertThat(text(robot, "#outcome-verdict-headline")).isEqualTo("NEEDS_ATTENTION 2 to 2 (0)");
            assertThat(robot.lookup("#outcome-verdict").query().getStyleClass())
                    .contains(uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles.VERDICT_CAUTION);
            assertThat(robot.lookup("#statistics-message").query().getStyleClass())
                    .contains(uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles.MESSAGE_WARNING);
            assertThat(text(robot, "#comparison-totals")).isEqualTo("Total clusters: 6 before, 6 after (0).");
            assertThat(robot.lookup("#comparison-chart").queryAs(javafx.scene.chart.BarChart.class).getData()).hasSize(2);
            screenshot("40-outcome");
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
            screenshot("40b-outcome-dark");
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
            // In high contrast, light and dark, "before" and "after" bars are still told apart (both were black).
            for (boolean dark : new boolean[] {false, true}) {
                var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage
                        .getScene().getRoot()).presenter();
                robot.interact(() -> {
                    presenter.highContrastProperty().set(true);
                    presenter.darkProperty().set(dark);
                });
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.layout.Region before = robot.lookup("#comparison-chart .default-color0.chart-bar")
                        .queryAs(javafx.scene.layout.Region.class);
                javafx.scene.layout.Region after = robot.lookup("#comparison-chart .default-color1.chart-bar")
                        .queryAs(javafx.scene.layout.Region.class);
                assertThat(onFx(() -> before.getBackground().getFills().get(0).getFill()))
                        .as("before and after bars in high contrast" + (dark ? ", dark" : ""))
                        .isNotEqualTo(onFx(() -> after.getBackground().getFills().get(0).getFill()));
            }
            robot.interact(() -> {
                var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage
                        .getScene().getRoot()).presenter();
                presenter.highContrastProperty().set(false);
                presenter.darkProperty().set(false);
            });

            selectTab(robot, 1);
            waitUntil(() -> rows(robot, "#clusters-table") == 2);
            assertThat(text(robot, "#needs-attention-in-replica")).isEqualTo(
                    "2 of the affected clusters need attention; 2 NEEDS_ATTENTION clusters in the whole replica.");
            assertThat(text(robot, "#outstanding-message")).contains("1 BROKEN_CLUSTER, 1 OVERRIDE_CONFLICT");
            fill(robot, "#clusters-filter", "OVERRIDE");
            assertThat(rows(robot, "#clusters-table")).isEqualTo(1);
            assertThat(text(robot, "#clusters-showing")).isEqualTo("showing 1 of 2");
            robot.interact(() -> robot.lookup("#clusters-filter").queryTextInputControl().clear());
            assertThat(rows(robot, "#clusters-table")).isEqualTo(2);
            assertThat(enabled(robot, "#copy-uuid")).isFalse();
            robot.interact(() -> robot.lookup("#clusters-table").queryAs(TableView.class).getSelectionModel().select(0));
            robot.clickOn("#copy-uuid");
            @SuppressWarnings("unchecked")
            OutstandingCluster first = (OutstandingCluster) robot.lookup("#clusters-table").queryAs(TableView.class)
                    .getItems().get(0);
            assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                    .isEqualTo(first.personUuid().toString());

            Path csv = dir.resolve("outstanding.csv");
            dialogs.saveFile = csv;
            robot.clickOn("#save-csv");
            waitUntil(() -> text(robot, "#outstanding-message").startsWith("Saved 2 clusters to " + csv));
            assertThat(Files.readString(csv)).contains(TestReplica.CLUSTER_3_BROKEN.toString())
                    .contains(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT.toString());
            screenshot("41-outstanding-clusters");
            // Each cluster's ids whole at 100 %; zoomed in, the saved file's path and SHA-256 and the count whole.
            assertThat(labelsCutShort(robot.lookup("#clusters-table").queryAs(javafx.scene.Parent.class))).isEmpty();
            for (int zoom : new int[] {150, 200}) {
                sharedScreenAt(robot, zoom);
                for (String id : new String[] {"#outstanding-message", "#needs-attention-in-replica"}) {
                    assertThat(labelsCutShort(robot.lookup(id).queryAs(javafx.scene.Parent.class)))
                            .as(id + " at " + zoom + " %").isEmpty();
                }
            }
            sharedScreenAt(robot, 100);

            selectTab(robot, 2);
            robot.clickOn("#write-report");
            waitUntil(() -> text(robot, "#report-message").startsWith("Report written to "));
            Path folder;
            try (Stream<Path> folders = Files.list(incidents)) {
                folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            }
            Path markdown = folder.resolve(ReportWriter.MARKDOWN_NAME);
            Path html = folder.resolve(ReportWriter.HTML_NAME);
            assertThat(text(robot, "#report-paths")).isEqualTo(markdown + "\n" + html);
            assertThat(Files.readString(markdown)).contains("| NEEDS\\_ATTENTION | 2 | 2 | 0 |")
                    .contains("outstanding clusters (CSV)").contains(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT.toString());
            assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg");
            for (Path written : List.of(markdown, html, csv, folder.resolve("journal.jsonl"))) {
                String content = Files.readString(written);
                for (String personal : TestReplica.PERSONAL_VALUES) {
                    assertThat(content).as("personal data never reaches " + written.getFileName()).doesNotContain(personal);
                }
            }

            robot.clickOn("#copy-summary");
            waitUntil(() -> text(robot, "#report-message").startsWith("Summary copied"));
            assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                    .startsWith("Person Record rollback in local: finished.")
                    .contains("NEEDS_ATTENTION clusters: 2 before, 2 after (0).")
                    .contains("Outstanding for manual resolution: 2 (2 NEEDS_ATTENTION in the replica).");

            robot.clickOn("#outcome-back");
            assertThat(robot.lookup("#step-1").tryQuery()).isPresent();
            choose(robot, "#menu-recent-incidents");
            waitUntil(() -> rows(robot, "#incidents-table") == 1);
            assertThat(text(robot, "#environment-banner-label")).startsWith("RECENT INCIDENTS");
            robot.interact(() -> robot.lookup("#incidents-table").queryAs(TableView.class).getSelectionModel().select(0));
            waitUntil(() -> robot.lookup("#incident-step").tryQuery().isPresent());
            assertThat(text(robot, "#incident-step")).isEqualTo("Outcome (report written)");
            assertThat(text(robot, "#incident-environment")).isEqualTo("local");
            assertThat(text(robot, "#incident-files")).contains("outstanding clusters (CSV): " + csv);
            assertThat(text(robot, "#incident-statistics")).isEqualTo(
                    "before: 6 clusters, 2 NEEDS_ATTENTION\nafter: 6 clusters, 2 NEEDS_ATTENTION");
            assertThat(robot.lookup("#incident-report-text").queryTextInputControl().getText())
                    .isEqualTo(Files.readString(markdown));
            screenshot("42-incidents");
            robot.clickOn("#incidents-back");
            assertThat(text(robot, "#environment-banner-label")).isEqualTo("LOCAL");
        } finally {
            TestReplica.reseed();
        }
    }

    /** Chooses a File menu item as a click would, once it is enabled. */
    private static void choose(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals("#" + i.getId())).findFirst().orElseThrow();
        assertThat(item.isDisable()).as(item.getText() + " is enabled").isFalse();
        robot.interact(item::fire);
    }

    private static void selectTab(FxRobot robot, int index) {
        robot.interact(() -> robot.lookup("#outcome-tabs").queryAs(TabPane.class).getSelectionModel().select(index));
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> cells(FxRobot robot, String id) {
        TableView<Object> table = robot.lookup(id).queryAs(TableView.class);
        return table.getItems().stream().map(item -> table.getColumns().stream()
                .map(c -> String.valueOf(c.getCellObservableValue(item).getValue())).toList()).toList();
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
