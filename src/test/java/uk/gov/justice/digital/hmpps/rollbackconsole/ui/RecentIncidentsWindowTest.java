package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

/** An incident from another day, read from its journal without connecting and without changing it. */
class RecentIncidentsWindowTest extends ConsoleWindowTest {

    @Test
    void readsAnEarlierIncidentWithItsBatchesMarkedNeverToBeSentAgain(FxRobot robot) throws Exception {
        Path folder = incidents.resolve("2025-06-10T14-02-00Z-preprod");
        SampleIncident.write(folder, new StepClock(SampleIncident.START, Duration.ofSeconds(10)));
        byte[] journal = Files.readAllBytes(folder.resolve(IncidentJournal.FILE_NAME));
        MenuItem check = item(robot, "menu-check-outcome");
        assertThat(check.isDisable()).as("nothing to check the outcome of before a preview").isTrue();

        robot.interact(item(robot, "menu-recent-incidents")::fire);
        waitUntil(() -> rows(robot, "#incidents-table") == 1);
        assertThat(text(robot, "#environment-banner-label")).startsWith("RECENT INCIDENTS");
        robot.interact(() -> robot.lookup("#incidents-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> robot.lookup("#incident-batches").tryQuery().isPresent());

        assertThat(text(robot, "#incident-environment")).isEqualTo("preprod");
        assertThat(text(robot, "#incident-step")).isEqualTo("Outcome (not finished)");
        assertThat(text(robot, "#incident-cutoff")).isEqualTo("2025-06-09 13:21:55 Europe/London = 2025-06-09 12:21:55 UTC");
        assertThat(text(robot, "#incident-export")).contains("affected-records-preprod-2025-06-09T12-21-55Z.json (16 records)")
                .contains("SHA-256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        @SuppressWarnings("unchecked")
        TableView<BatchState> batches = robot.lookup("#incident-batches").queryAs(TableView.class);
        assertThat(batches.getItems()).hasSize(3);
        assertThat(batches.getItems().stream().map(b -> String.valueOf(batches.getColumns().get(4)
                .getCellObservableValue(b).getValue())).toList())
                .containsOnly("NEVER: the service took it");
        assertThat(rows(robot, "#incident-timeline")).isEqualTo(SampleIncident.entries().size());
        assertThat(text(robot, "#incident-no-report")).isEqualTo("No report was written for this incident.");
        robot.interact(() -> robot.lookup("#incident-detail").queryAs(ScrollPane.class).setVvalue(0.45));
        screenshot("43-incident-batches");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        screenshot("44-incidents-dark");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(Files.readAllBytes(folder.resolve(IncidentJournal.FILE_NAME))).as("read, never written").isEqualTo(journal);
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of(IncidentJournal.FILE_NAME));
        }

        robot.clickOn("#incidents-back");
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
    }

    private static MenuItem item(FxRobot robot, String id) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
