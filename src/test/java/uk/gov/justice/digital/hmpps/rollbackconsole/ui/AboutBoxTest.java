package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/** Help > About names the version, so that a screen-shared call can see which console is running. */
class AboutBoxTest extends ConsoleWindowTest {

    @Test
    void helpAboutShowsTheVersionAndRuntimeAndClosesWithEscape(FxRobot robot) {
        robot.clickOn("Help").clickOn("About Rollback Console");
        waitUntil(() -> aboutWindow(robot) != null);

        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText()).isEqualTo(App.VERSION);
        assertThat(robot.lookup("#about-java").queryAs(Label.class).getText())
                .startsWith(System.getProperty("java.version"));
        assertThat(robot.lookup("#about-javafx").queryAs(Label.class).getText()).startsWith("21.");
        Screenshots.save(aboutWindow(robot).getScene(), "80-about");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitUntil(() -> aboutWindow(robot) == null);

        // Whole in high contrast's bold at 200 % (its description's last line was cut), its Close in the theme's
        // primary look (yellow on black), not modena's pale blue.
        robot.interact(() -> {
            var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                    .getRoot()).presenter();
            presenter.zoomProperty().set(200);
            presenter.highContrastProperty().set(true);
        });
        Stage[] big = new Stage[1];
        robot.interact(() -> big[0] = uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AboutBox.show(stage, App.VERSION));
        assertThat(labelsCutShort(big[0].getScene().getRoot())).isEmpty();
        javafx.scene.control.Button close = (javafx.scene.control.Button) robot.from(big[0].getScene().getRoot())
                .lookup(".button").queryAll().stream().filter(n -> ((javafx.scene.control.Button) n).isDefaultButton())
                .findFirst().orElseThrow();
        assertThat(close.getTextFill()).isEqualTo(javafx.scene.paint.Color.web("#ffff00"));
        robot.interact(() -> {
            big[0].close();
            var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                    .getRoot()).presenter();
            presenter.zoomProperty().set(100);
            presenter.highContrastProperty().set(false);
        });

        screenshotEachLook("80-about", () -> {
            Stage[] opened = new Stage[1];
            robot.interact(() -> opened[0] = uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AboutBox.show(stage,
                    App.VERSION));
            return opened[0];
        });
    }

    private static Stage aboutWindow(FxRobot robot) {
        for (Window w : robot.listWindows()) {
            if (w instanceof Stage s && s.isShowing() && "About Rollback Console".equals(s.getTitle())) {
                return s;
            }
        }
        return null;
    }
}
