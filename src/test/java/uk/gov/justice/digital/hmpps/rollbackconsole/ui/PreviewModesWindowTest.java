package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import java.util.List;

import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Paint;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** Preview's two forms, as the lead sees them: which one is chosen, and what the count card means in each. */
class PreviewModesWindowTest extends ConsoleWindowTest {

    private static final long EVENTS = TestReplica.BST_TO_NOW_COUNTS.events();
    private static final long RECORDS = TestReplica.BST_TO_NOW_COUNTS.distinctRecords();

    @Test
    void theChosenFormLooksChosenAndOneRowPerEventIsCountedAsRowsInAmber(FxRobot robot) {
        toThePreview(robot);
        ToggleButton distinct = robot.lookup("#mode-distinct").queryAs(ToggleButton.class);
        ToggleButton perEvent = robot.lookup("#mode-per-event").queryAs(ToggleButton.class);
        screenshot("04d-preview-distinct-entered");
        assertThat(distinct.isSelected()).isTrue();
        assertThat(perEvent.isSelected()).isFalse();
        looksChosen(robot, distinct, perEvent, "light");
        assertThat(text(robot, "#count-records")).isEqualTo(Long.toString(RECORDS));
        assertThat(robot.lookup("#count-records-caption").tryQuery()).isEmpty();
        assertThat(card(robot).getStyleClass()).doesNotContain("card-caution");
        // Identifiers are whole in their columns (a Common Platform id is a UUID); a narrow table scrolls sideways.
        assertThat(truncatedLabels(robot.lookup("#records-table").queryAs(javafx.scene.Parent.class)))
                .as("identifiers cut short").isEmpty();

        robot.clickOn("#mode-per-event");
        waitUntil(() -> rows(robot, "#records-table") == EVENTS && enabled(robot, "#next")
                && text(robot, "#count-records-caption").contains("distinct"));

        assertThat(perEvent.isSelected()).isTrue();
        assertThat(distinct.isSelected()).isFalse();
        assertThat(text(robot, "#count-records")).isEqualTo(Long.toString(EVENTS));
        assertThat(text(robot, "#count-records-caption"))
                .isEqualTo("rows, one per event (" + RECORDS + " distinct records)");
        assertThat(card(robot).getStyleClass()).contains("card-caution");
        assertThat(text(robot, "#preview-message")).startsWith(EVENTS + " rows, one per event (" + RECORDS
                + " distinct records), affected between ").contains("This is the seed runbook's form");
        assertThat(robot.lookup("#preview-message").query().getStyleClass()).contains("message-warning")
                .doesNotContain("message-ok");
        looksChosen(robot, perEvent, distinct, "light");
        screenshot("05c-preview-per-event-light");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        looksChosen(robot, perEvent, distinct, "dark");
        screenshot("05d-preview-per-event-dark");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);
        looksChosen(robot, perEvent, distinct, "dark high contrast");
        screenshot("05e-preview-per-event-dark-high-contrast");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        looksChosen(robot, perEvent, distinct, "high contrast");
        screenshot("05f-preview-per-event-high-contrast");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H).release(KeyCode.H, KeyCode.SHIFT, KeyCode.CONTROL);

        robot.clickOn("#mode-distinct");
        waitUntil(() -> rows(robot, "#records-table") == RECORDS && enabled(robot, "#next"));
        assertThat(distinct.isSelected()).isTrue();
        assertThat(text(robot, "#count-records")).isEqualTo(Long.toString(RECORDS));
        assertThat(card(robot).getStyleClass()).doesNotContain("card-caution");
        assertThat(robot.lookup("#preview-message").query().getStyleClass()).contains("message-ok");
    }

    private void toThePreview(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && text(robot, "#preview-message").contains("affected between"));
    }

    /** The chosen button is drawn with another background and text colour than the other one, as styled now. */
    private static void looksChosen(FxRobot robot, ToggleButton chosen, ToggleButton other, String theme) {
        robot.interact(() -> {
            chosen.applyCss();
            other.applyCss();
        });
        assertThat(chosen.isSelected()).isTrue();
        assertThat(background(chosen)).as("background of the chosen form, " + theme).isNotEqualTo(background(other));
        assertThat(chosen.getTextFill()).as("text of the chosen form, " + theme).isNotEqualTo(other.getTextFill());
    }

    /** The topmost fill: what the eye sees of the button's background. */
    private static Paint background(ToggleButton b) {
        List<BackgroundFill> fills = b.getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    /** The card around the records count. */
    private static Node card(FxRobot robot) {
        return robot.lookup("#count-records").query().getParent();
    }
}
