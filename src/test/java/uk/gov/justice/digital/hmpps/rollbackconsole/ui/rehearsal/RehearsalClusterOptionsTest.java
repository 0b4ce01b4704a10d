package uk.gov.justice.digital.hmpps.rollbackconsole.ui.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.CheckBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.Rehearsal;

/**
 * The rehearsal's options offer the cluster states the Send step's "is the rollback live?" must recognise: here a
 * rollout still in progress, chosen in the dialog, found by the check in the rehearsal's own window.
 */
class RehearsalClusterOptionsTest extends RehearsalWindowTestBase {

    @Test
    void aRolloutInProgressChosenInTheOptionsIsWhatTheLiveCheckFinds(FxRobot robot) {
        RehearsalWindow window = startThroughTheOptionsDialog(robot, console::startRehearsal, "500", "0", "0",
                "13e-rehearsal-options-cluster-states", new ProposedNames(), dialog -> {
                    CheckBox rollout = robot.from(dialog.getScene().getRoot()).lookup("#rehearsal-rollout-in-progress")
                            .queryAs(CheckBox.class);
                    CheckBox asleep = robot.from(dialog.getScene().getRoot()).lookup("#rehearsal-asleep")
                            .queryAs(CheckBox.class);
                    assertThat(rollout.isSelected()).as("off by default").isFalse();
                    assertThat(asleep.isSelected()).as("off by default").isFalse();
                    rollout.setSelected(true);
                });
        Rehearsal rehearsal = window.rehearsal().orElseThrow();
        assertThat(rehearsal.options().rolloutInProgress()).isTrue();
        assertThat(rehearsal.options().asleep()).isFalse();
        Stage r = window.stage();

        walkToSend(robot, r, rehearsal);
        click(robot, r, "#live-check");
        waitUntil(() -> tryIn(robot, r, "#live-item-1").isPresent());

        assertThat(text(robot, r, "#live-item-0")).startsWith("\u2718 The rollout of hmpps-person-record is complete")
                .contains("the deployment runs " + Rehearsal.ROLLBACK_IMAGE)
                .contains("pod " + Rehearsal.PODS.get(1) + " still runs rehearsal-bad-release, ready")
                .contains("rollout in progress");
        assertThat(text(robot, r, "#live-message")).startsWith("Not shown live");
        showWhole(robot, in(robot, r, "#live-items"));
        screenshot(r, "13f-rehearsal-rollout-in-progress");
    }

    // Scrolls the step so that the checklist's end is in view, for the screenshot.
    private static void showWhole(FxRobot robot, javafx.scene.Node node) {
        javafx.scene.Parent p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double bottom = node.localToScene(0, node.getBoundsInLocal().getHeight()).getY()
                    - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(content <= viewport ? 0 : Math.min(1, Math.max(0, (bottom - viewport + 20) / (content - viewport))));
        });
    }
}
