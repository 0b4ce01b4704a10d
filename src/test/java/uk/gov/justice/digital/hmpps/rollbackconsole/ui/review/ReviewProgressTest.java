package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.HeldTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.ReviewFixtures;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * The review screen while its file is being read. The reading is held back until the test lets it go, so the
 * screen can be looked at, and cancelled, at a moment that does not depend on how fast the machine is.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewProgressTest {

    @TempDir
    Path dir;
    private final HeldTaskRunner tasks = new HeldTaskRunner();
    private ReviewViewModel model;
    private Stage stage;
    private final Presenter presenter = new Presenter(null);

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = new ReviewViewModel(new WizardSession(), tasks, new FakeDialogs(),
                new SettingsStore(dir.resolve("settings.properties")));
        BorderPane root = new BorderPane(new ReviewView(model, () -> { }, () -> { }).root());
        // Dressed as the console's window dresses its root, so that the screen can be shot in each zoom and theme.
        presenter.dress(root);
        Scene scene = new Scene(root, 1280, 720);
        scene.getStylesheets().add(App.class.getResource("ui/shell/app.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheReadingUnderWayAndCancelStopsItWithoutAVerdict(FxRobot robot) {
        Path file = ReviewFixtures.copy(dir, "runbook-with-person-uuid.json");

        robot.interact(() -> model.open(file));

        assertThat(shown(robot.lookup("#review-progress").query())).isTrue();
        assertThat(robot.lookup("#review-progress").queryAs(ProgressBar.class).isIndeterminate()).isTrue();
        assertThat(text(robot, "#review-progress-text")).isEqualTo("Reading runbook-with-person-uuid.json\u2026");
        assertThat(shown(robot.lookup("#review-verdict").query())).isFalse();
        assertThat(robot.lookup("#compare").queryButton().isDisabled()).isTrue();
        screenshot("26-review-reading");

        robot.clickOn("#review-cancel");
        robot.interact(tasks::runAll);

        assertThat(text(robot, "#review-message")).isEqualTo("Review of runbook-with-person-uuid.json cancelled: no "
                + "verdict. Open it again to review it.");
        assertThat(shown(robot.lookup("#review-progress").query())).isFalse();
        assertThat(shown(robot.lookup("#review-verdict").query())).isFalse();
        screenshot("27-review-cancelled");
    }

    @Test
    void escapeCancelsTheReading(FxRobot robot) {
        Path file = ReviewFixtures.copy(dir, "unknown-source-system.json");
        robot.interact(() -> model.open(file));

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.interact(tasks::runAll);

        assertThat(model.verdictProperty().get()).isNull();
        assertThat(text(robot, "#review-message")).startsWith("Review of unknown-source-system.json cancelled");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Labeled.class).getText();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void screenshot(String name) {
        Screenshots.save(stage.getScene(), name);
        if (Screenshots.gridWanted()) {
            Screenshots.grid(stage, presenter, stage, name);
        }
    }
}
