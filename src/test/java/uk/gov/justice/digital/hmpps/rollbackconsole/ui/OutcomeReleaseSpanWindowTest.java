package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/**
 * The Outcome step's business impact says how long the bad release ran, read from the release history through the
 * one cluster target, with the fake kubectl spawned as the real one is: nothing chosen, a login that has expired,
 * then the history itself.
 */
class OutcomeReleaseSpanWindowTest extends ConsoleWindowTest {

    @Test
    void theBusinessImpactSaysHowLongTheBadReleaseRanFromTheClusterTarget(FxRobot robot) throws Exception {
        SimulatedCluster cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster")));
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));

        // No cluster chosen yet: the impact says where to choose one, and reads the hours all the same.
        robot.interact(() -> console.outcome().open());
        selectImpact(robot);
        robot.clickOn("#read-impact");
        waitUntil(() -> text(robot, "#impact-message").contains("busiest hour"));
        assertThat(text(robot, "#impact-release")).startsWith("How long the bad release ran comes from the cluster's"
                + " release history, and no cluster is chosen: choose the kubectl context and namespace under"
                + " Deployment time");
        assertThat(styles(robot, "#impact-release")).contains(Styles.MESSAGE_WARNING);

        // The lead chooses the cluster where Deployment time reads the release history.
        robot.clickOn("#outcome-back");
        robot.clickOn("#back");
        robot.interact(() -> robot.lookup("#releases-pane").queryAs(TitledPane.class).setExpanded(true));
        fill(robot, "#releases-kubectl", cluster.executable().toString());
        robot.clickOn("#releases-load-contexts");
        waitUntil(() -> robot.lookup("#releases-context").queryComboBox().getItems().contains(SimulatedCluster.CONTEXT));
        robot.interact(() -> robot.lookup("#releases-context").queryComboBox().getSelectionModel()
                .select(SimulatedCluster.CONTEXT));
        fill(robot, "#releases-namespace", SimulatedCluster.NAMESPACE);

        // kubectl fails: the login has expired.
        cluster.failAs("expired");
        robot.interact(() -> console.outcome().open());
        selectImpact(robot);
        robot.clickOn("#read-impact");
        waitUntil(() -> text(robot, "#impact-release").startsWith("The release history could not be read"));
        assertThat(text(robot, "#impact-release")).contains("Log in again");
        assertThat(styles(robot, "#impact-release")).contains(Styles.MESSAGE_ERROR);

        cluster.failAs(null);
        robot.clickOn("#read-impact");
        waitUntil(() -> text(robot, "#impact-release").startsWith("The bad release,"));
        // Helm's revision 27 went live at the cutoff and was replaced by revision 28 at 15:00 UTC (16:00 BST).
        assertThat(text(robot, "#impact-release")).isEqualTo("The bad release, hmpps-person-record revision 27 ("
                + ReleaseHistoryScenario.BAD_TAG + "), ran 2 hours 38 minutes: from 2025-06-09 13:21 to 16:00 UK time"
                + " (release history of " + SimulatedCluster.NAMESPACE + ").");
        assertThat(styles(robot, "#impact-release")).contains(Styles.MESSAGE_INFO);
        assertThat(cluster.calls()).anySatisfy(call -> assertThat(call).contains("--context", SimulatedCluster.CONTEXT,
                "-n", SimulatedCluster.NAMESPACE));

        // The summary for the organisation says it too.
        robot.clickOn("#copy-organisation-summary");
        waitUntil(() -> text(robot, "#report-message").startsWith("Summary for the organisation copied"));
        String organisation = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(organisation).contains("and ran for 2 hours 38 minutes");
        screenshot("44a-outcome-impact-release");
    }

    private static java.util.List<String> styles(FxRobot robot, String id) {
        return robot.lookup(id).query().getStyleClass();
    }

    private static void selectImpact(FxRobot robot) {
        waitUntil(() -> robot.lookup("#outcome-tabs").tryQuery().isPresent());
        TabPane tabs = robot.lookup("#outcome-tabs").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().stream().filter(t -> "tab-impact".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> tabs.getSelectionModel().select(tab));
    }
}
