package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/**
 * The Outcome step leads with one line, the clusters needing attention before and after: amber when the recluster
 * changed nothing (every difference 0, never a green box), green only once fewer clusters need attention; the
 * difference column says the same in its colours.
 */
class OutcomeVerdictWindowTest extends ConsoleWindowTest {

    @Test
    void leadsWithNeedsAttentionBeforeAndAfterAmberWhenNothingChangedGreenWhenItFell(FxRobot robot) throws Exception {
        try {
            connectToTestReplica(robot);
            robot.clickOn("#acknowledge-primary");
            robot.clickOn("#next");
            robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
            waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
            robot.clickOn("#next");
            waitUntil(() -> enabled(robot, "#next"));
            robot.interact(() -> console.outcome().open());
            waitUntil(() -> robot.lookup("#take-after").tryQuery().isPresent());
            assertThat(robot.lookup("#outcome-verdict").query().isVisible()).as("nothing to compare yet").isFalse();

            // The recluster changed nothing: every difference is 0.
            robot.clickOn("#take-after");
            waitUntil(() -> robot.lookup("#outcome-verdict").query().isVisible());
            assertThat(text(robot, "#outcome-verdict-headline")).isEqualTo("NEEDS_ATTENTION 2 to 2 (0)");
            assertThat(text(robot, "#outcome-verdict-detail")).startsWith("Every difference is 0: the recluster changed"
                    + " no cluster's status.");
            assertThat(styles(robot, "#outcome-verdict")).contains(Styles.VERDICT_NOTHING)
                    .doesNotContain(Styles.VERDICT_SAFE);
            assertThat(styles(robot, "#statistics-message")).contains(Styles.MESSAGE_WARNING)
                    .doesNotContain(Styles.MESSAGE_OK);
            assertThat(differences(robot)).containsOnly(Styles.DIFFERENCE_NONE);
            shootFourWays(robot, "40c-outcome-verdict-nothing-changed");

            // Another recluster heals the BROKEN_CLUSTER: fewer clusters need attention.
            admin("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null"
                    + " where person_uuid = '" + TestReplica.CLUSTER_3_BROKEN + "'");
            robot.clickOn("#take-after");
            waitUntil(() -> text(robot, "#outcome-verdict-headline").equals("NEEDS_ATTENTION 2 to 1 (-1)"));
            assertThat(text(robot, "#outcome-verdict-detail")).isEqualTo("1 cluster fewer needs attention; 1 still"
                    + " needs a path (Paths tab).");
            assertThat(styles(robot, "#outcome-verdict")).contains(Styles.VERDICT_SAFE)
                    .doesNotContain(Styles.VERDICT_NOTHING, Styles.VERDICT_CAUTION);
            assertThat(styles(robot, "#statistics-message")).contains(Styles.MESSAGE_OK);
            assertThat(text(robot, "#statistics-message")).contains(": 1 cluster needs attention, 2 before (-1).");
            assertThat(difference(robot, "NEEDS_ATTENTION")).contains(Styles.DIFFERENCE_BETTER);
            assertThat(difference(robot, "ACTIVE")).contains(Styles.DIFFERENCE_CHANGED);
            shootFourWays(robot, "40d-outcome-verdict-fell");
        } finally {
            TestReplica.reseed();
        }
    }

    /** At 1280 x 720, light and dark, at 100 % and in presenter mode (150 %). */
    private void shootFourWays(FxRobot robot, String name) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(name + "-100");
        toggle(robot, KeyCode.D);
        screenshot(name + "-100-dark");
        toggle(robot, KeyCode.P);
        screenshot(name + "-150-dark");
        toggle(robot, KeyCode.D);
        screenshot(name + "-150");
        assertThat(robot.lookup("#outcome-verdict-headline").query().isVisible()).isTrue();
        toggle(robot, KeyCode.P);
        // Zoomed in, in each look, the table's headers and figures are whole ("difference" ended in "...").
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        for (int zoom : new int[] {150, 200}) {
            for (boolean contrast : new boolean[] {false, true}) {
                sharedScreenAt(robot, zoom);
                robot.interact(() -> presenter.highContrastProperty().set(contrast));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(truncatedLabels(robot.lookup("#comparison-table").queryAs(javafx.scene.Parent.class)))
                        .as(name + ": the comparison at " + zoom + " %" + (contrast ? " in high contrast" : ""))
                        .isEmpty();
            }
        }
        robot.interact(() -> presenter.highContrastProperty().set(false));
        sharedScreenAt(robot, 100);
    }

    private static void toggle(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, key).release(key, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> styles(FxRobot robot, String id) {
        return robot.lookup(id).query().getStyleClass();
    }

    /** The difference cells' colour classes, one for each status row. */
    private static List<String> differences(FxRobot robot) {
        return robot.lookup("#comparison-table .table-cell").queryAll().stream().map(Node::getStyleClass)
                .flatMap(List::stream).filter(c -> c.startsWith("difference-")).toList();
    }

    /** The style classes of the difference cell in the row of {@code status}. */
    private static List<String> difference(FxRobot robot, String status) {
        @SuppressWarnings("unchecked")
        TableCell<Object, Object> cell = robot.lookup("#comparison-table .table-cell").queryAll().stream()
                .map(n -> (TableCell<Object, Object>) n)
                .filter(c -> c.getStyleClass().stream().anyMatch(s -> s.startsWith("difference-")))
                .filter(c -> c.getTableRow() != null && c.getTableRow().getItem() != null
                        && c.getTableRow().getItem().toString().contains("status=" + status + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no difference cell for " + status));
        return cell.getStyleClass();
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
