package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

/** The screen the console opens on, over incidents written by real journals: whole, torn, finished, damaged. */
class StartScreenWindowTest extends ConsoleWindowTest {

    private static final String TORN_TAIL = "{\"at\":\"2025-06-11T08:33:00Z\",\"type\":\"batch_sending\",\"ind";

    private Path whole;
    private Path torn;
    private Path finished;
    private Path damaged;

    private void writeIncidents() throws Exception {
        whole = incidents.resolve("2025-06-10T14-02-00Z-preprod");
        SampleIncident.write(whole, new StepClock(SampleIncident.START, Duration.ofSeconds(10)));
        // Killed while journalling batch 2's second send: batch 1 taken, batch 2 refused, batch 3 never sent.
        torn = incidents.resolve("2025-06-11T08-30-00Z-prod");
        List<SampleIncident.Step> steps = SampleIncident.entries();
        try (IncidentJournal journal = IncidentJournal.create(torn,
                new StepClock(Instant.parse("2025-06-11T08:30:00Z"), Duration.ofSeconds(10)))) {
            journal.append(new JournalEntry.IncidentStarted("0.1.0",
                    uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.PROD));
            for (SampleIncident.Step step : steps.subList(1, 18)) {
                journal.append(step.entry());
            }
        }
        Files.writeString(torn.resolve(IncidentJournal.FILE_NAME), TORN_TAIL, StandardOpenOption.APPEND);
        finished = incidents.resolve("2025-06-09T10-00-00Z-dev");
        try (IncidentJournal journal = IncidentJournal.create(finished,
                new StepClock(Instant.parse("2025-06-09T10:00:00Z"), Duration.ofSeconds(10)))) {
            for (SampleIncident.Step step : steps) {
                journal.append(step.entry());
            }
            journal.append(new JournalEntry.ReportWritten(finished.resolve("incident-report.md"), "ab12"));
        }
        damaged = incidents.resolve("2025-06-08T10-00-00Z-dev");
        Files.createDirectories(damaged);
        Files.writeString(damaged.resolve(IncidentJournal.FILE_NAME), "not a journal\n");
    }

    @Test
    void listsRecentIncidentsWithWhereEachStoppedAndItsBatchesAndOffersTheWaysToStart(FxRobot robot) throws Exception {
        writeIncidents();
        byte[] tornBytes = Files.readAllBytes(torn.resolve(IncidentJournal.FILE_NAME));

        robot.interact(console::showStart);
        waitUntil(() -> rows(robot, "#start-incidents") == 4);

        assertThat(text(robot, "#environment-banner-label")).startsWith("ROLLBACK CONSOLE");
        @SuppressWarnings("unchecked")
        TableView<IncidentSummary> table = robot.lookup("#start-incidents").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(IncidentSummary::folder).containsExactly(torn, whole, finished, damaged);
        assertThat(cells(table, 0)).containsExactly("2025-06-11 08:30:00", "prod", "Send", "not finished",
                "1 sent, 0 unknown, 2 not sent", "torn last line ignored");
        assertThat(cells(table, 1)).containsExactly("2025-06-10 14:02:00", "preprod", "Outcome", "not finished",
                "3 sent, 0 unknown, 0 not sent", "");
        assertThat(cells(table, 2)).containsSubsequence("Outcome", "report written");
        assertThat(cells(table, 3).get(5)).isEqualTo("journal unreadable (below)");
        // The list's note is short, so that it is whole in its column; the line under the list says it all.
        assertThat(labelsCutShort(robot.lookup("#start-screen").queryAs(javafx.scene.Parent.class))).isEmpty();
        robot.interact(() -> table.getSelectionModel().select(3));
        assertThat(text(robot, "#start-detail")).contains(IncidentSummary.UNREADABLE).contains("line 1");
        assertThat(robot.lookup("#start-new").queryButton().isDefaultButton()).isTrue();
        assertThat(robot.lookup("#start-review").queryButton().getText()).isEqualTo("Review a _file offline");

        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(text(robot, "#start-detail")).contains("stopped at Send, not finished")
                .contains("1 sent (never sent again), 0 of unknown outcome (they may have run), 2 not sent")
                .contains("the last line was incomplete (" + TORN_TAIL.length() + " bytes) and was ignored");
        assertThat(enabled(robot, "#start-resume")).isTrue();
        screenshot("60-start-screen");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        screenshot("61-start-screen-dark");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);

        // At 200 % on a shared 1280 x 720 screen the screen scrolls under the banner; it never draws over it.
        sharedScreenAt(robot, 200);
        javafx.scene.Node banner = robot.lookup(".environment-banner").query();
        javafx.scene.Node title = robot.lookup("#start-screen .step-title").query();
        assertThat(title.localToScene(title.getBoundsInLocal()).getMinY())
                .isGreaterThanOrEqualTo(banner.localToScene(banner.getBoundsInLocal()).getMaxY());
        // Nothing is cut, the notes and the buttons under the list included, in high contrast's bold too.
        assertThat(labelsCutShort(robot.lookup("#start-screen").queryAs(javafx.scene.Parent.class))).isEmpty();
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().highContrastProperty().set(true));
        assertThat(labelsCutShort(robot.lookup("#start-screen").queryAs(javafx.scene.Parent.class))).isEmpty();
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().highContrastProperty().set(false));
        sharedScreenAt(robot, 100);

        // A finished incident and a damaged one are not resumed; the damaged one cannot be read either.
        robot.interact(() -> table.getSelectionModel().select(2));
        assertThat(enabled(robot, "#start-resume")).isFalse();
        assertThat(enabled(robot, "#start-open-read-only")).isTrue();
        robot.interact(() -> table.getSelectionModel().select(3));
        assertThat(enabled(robot, "#start-resume")).isFalse();
        assertThat(enabled(robot, "#start-open-read-only")).isFalse();

        // Enter on an unfinished row asks to resume it, saying what was sent; answering no changes nothing.
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn(robot.lookup("#start-incidents .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        dialogs.confirmAnswer = false;
        robot.type(KeyCode.ENTER);
        assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).startsWith("Resume this incident?")
                .contains("1 sent (never sent again)").contains("2 not sent").contains("password is never kept"));
        assertThat(console.start().showing()).as("not resumed, and no new incident started").isTrue();
        assertThat(Files.readAllBytes(torn.resolve(IncidentJournal.FILE_NAME))).isEqualTo(tornBytes);

        // Read-only: the incidents screen, with that incident open.
        robot.interact(() -> table.getSelectionModel().select(2));
        robot.clickOn("#start-open-read-only");
        waitUntil(() -> robot.lookup("#incident-step").tryQuery().isPresent());
        assertThat(text(robot, "#environment-banner-label")).startsWith("RECENT INCIDENTS");
        assertThat(text(robot, "#incident-step")).isEqualTo("Outcome (report written)");
        assertThat(text(robot, "#incident-folder")).isEqualTo(finished.toString());
    }

    @Test
    void aWayToStartIsAddedWithOneCallAndNewIncidentIsTheDefault(FxRobot robot) throws Exception {
        AtomicInteger drills = new AtomicInteger();
        robot.interact(() -> console.start().addAction("start-drill", "_Drill",
                "A way to start added by one call, beside the console's own.", drills::incrementAndGet));
        robot.interact(console::showStart);
        waitUntil(() -> text(robot, "#start-message").startsWith("No incidents"));

        Button drill = robot.lookup("#start-drill").queryButton();
        assertThat(drill.getText()).isEqualTo("_Drill");
        assertThat(drill.isMnemonicParsing()).isTrue();
        robot.clickOn(drill);
        assertThat(drills.get()).isEqualTo(1);
        // The console's own ways stay: the rehearsal among them.
        assertThat(robot.lookup("#start-rehearse").queryButton().getText()).isEqualTo("Re_hearsal");
        screenshot("62-start-screen-empty-with-an-added-action");
        // The empty list says so whole on a shared screen at 200 %.
        sharedScreenAt(robot, 200);
        assertThat(labelsCutShort(robot.lookup("#start-screen").queryAs(javafx.scene.Parent.class))).isEmpty();
        sharedScreenAt(robot, 100);

        // Enter, with nothing else chosen: a new incident, on the first step.
        robot.interact(() -> robot.lookup("#start-new").queryButton().requestFocus());
        robot.type(KeyCode.ENTER);
        assertThat(console.start().showing()).isFalse();
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
        assertThat(console.wizard().currentIndexProperty().get()).isZero();
        assertThat(robot.lookup("#host").tryQuery()).isPresent();
    }

    private static List<String> cells(TableView<IncidentSummary> table, int row) {
        return table.getColumns().stream().map(c -> String.valueOf(c.getCellObservableValue(row).getValue())).toList();
    }
}
