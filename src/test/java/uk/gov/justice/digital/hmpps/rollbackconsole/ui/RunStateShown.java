package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Button;

import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/**
 * What Progress draws for a run's state, as the lead sees it: the headline and its colour, the bar's colour, which of
 * Pause / Resume / Stop can be pressed, which button leads, and whether Next leads.
 */
final class RunStateShown {

    private static final List<String> CONTROLS = List.of("#pause", "#resume", "#stop");

    private RunStateShown() {
    }

    /**
     * @param tone    the headline's style class, one of {@link ProgressStyles#TONES}
     * @param enabled which of {@code #pause}, {@code #resume}, {@code #stop} can be pressed
     * @param leading the button that is primary and default ({@code #resend-rest}, {@code #decide-unknown},
     *                {@code #resume}), or {@code #next} when Next leads
     */
    static void assertShown(FxRobot robot, String headline, String tone, Set<String> enabled, String leading) {
        assertThat(ConsoleWindowTest.text(robot, "#progress-state")).isEqualTo(headline);
        Node state = robot.lookup("#progress-state").query();
        assertThat(state.getStyleClass()).as(headline).contains(ProgressStyles.RUN_STATE, tone)
                .doesNotContainAnyElementsOf(ProgressStyles.TONES.stream().filter(t -> !t.equals(tone)).toList());
        String bar = ProgressStyles.BARS.get(ProgressStyles.TONES.indexOf(tone));
        assertThat(robot.lookup("#progress-overall").query().getStyleClass()).as("the bar's colour").contains(bar);
        for (String control : CONTROLS) {
            assertThat(ConsoleWindowTest.enabled(robot, control)).as(headline + ": " + control)
                    .isEqualTo(enabled.contains(control));
        }
        for (String id : List.of("#resume", "#resend-rest", "#decide-unknown")) {
            Button b = robot.lookup(id).queryButton();
            boolean leads = id.equals(leading);
            assertThat(b.getStyleClass().contains(Styles.PRIMARY)).as(headline + ": " + id + " is primary")
                    .isEqualTo(leads);
            assertThat(b.isDefaultButton()).as(headline + ": " + id + " is the default button").isEqualTo(leads);
        }
        assertThat(robot.lookup("#next").query().getStyleClass().contains(Styles.PRIMARY))
                .as(headline + ": Next is primary").isEqualTo("#next".equals(leading));
    }
}
