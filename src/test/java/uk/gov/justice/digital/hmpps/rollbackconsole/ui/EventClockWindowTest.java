package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClockReading;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;

/** event_log's clock, as the incident lead meets it: on Connect, on the Deployment time step, and on resuming. */
class EventClockWindowTest extends ConsoleWindowTest {

    /**
     * What a replica whose data follows UTC shows on a summer afternoon: the newest event 30 s behind the UTC clock,
     * an hour behind the UK one. (On the test's replica now both clocks may agree, as they do in winter.)
     */
    private static final ClockReading SUMMER_UTC_DATA =
            new ClockReading(LocalDateTime.parse("2025-06-09T13:30:50"), Instant.parse("2025-06-09T13:31:20Z"));

    @Test
    void connectSaysWhichClockTheDataFollowsAndAMismatchMustBeChosenExplicitly(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");

        assertThat(text(robot, "#event-clock-message")).contains("event_timestamp is compared in UK time.");
        assertThat(selectedClock(robot)).isEqualTo(EventClock.UK);
        assertThat(enabled(robot, "#next")).isTrue();
        screenshot("70-connect-event-clock");

        robot.interact(() -> connect().showClockReading(SUMMER_UTC_DATA));

        assertThat(text(robot, "#event-clock-message")).startsWith("event_log looks like UTC, not the service's UK time:"
                + " newest event 13:30:50, UK now 14:31:20, UTC now 13:31:20").contains("confirm UK time explicitly");
        assertThat(robot.lookup("#confirm-event-clock").query().isVisible()).isTrue();
        assertThat(enabled(robot, "#next")).as("nothing is exported on a clock the data contradicts").isFalse();
        screenshot("71-connect-event-clock-mismatch");

        robot.clickOn("#confirm-event-clock");
        assertThat(enabled(robot, "#next")).isTrue();
        assertThat(clockEntries()).last().satisfies(c -> {
            assertThat(c.clock()).isEqualTo(EventClock.UK);
            assertThat(c.detected()).isEqualTo(EventClock.UTC);
            assertThat(c.how()).endsWith("UK time was confirmed by the user against the data.");
        });

        // Following the data instead: the choice is the session's, and the Deployment time step compares in it
        @SuppressWarnings("unchecked")
        ComboBox<EventClock> clocks = robot.lookup("#event-clock").queryAs(ComboBox.class);
        robot.interact(() -> clocks.setValue(EventClock.UTC));
        assertThat(enabled(robot, "#next")).isTrue();
        assertThat(console.session().eventClockProperty().get()).isEqualTo(EventClock.UTC);
        robot.clickOn("#next");
        fill(robot, "#cutoff-text", TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-utc").endsWith("(UTC)"));
        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55"
                + " UTC, so event_timestamp >= '2025-06-09 12:21:55' (UTC)");
    }

    @Test
    void theDeploymentTimeIsShownAsTypedAsAnInstantAndAsTheValueComparedInUkTime(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");

        fill(robot, "#cutoff-text", TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09"
                + " 12:21:55 UTC, so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
        assertThat(text(robot, "#cutoff-counts")).contains("event_timestamp read in UK time");
        screenshot("72-deployment-time-summer");

        fill(robot, "#cutoff-text", TestReplica.CUTOFF_GMT_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-utc").contains("GMT"));
        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-11-18 09:05:00 Europe/London (GMT) = 2025-11-18"
                + " 09:05:00 UTC, so event_timestamp >= '2025-11-18 09:05:00' (UK time)");
        screenshot("73-deployment-time-winter");

        // A cutoff given in UTC, in the hour the clocks went back (01:30 BST): the whole repeated hour is taken
        fill(robot, "#cutoff-text", "2025-10-26T00:30:00Z");
        waitUntil(() -> text(robot, "#cutoff-counts").contains("takes in"));
        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-10-26 01:30:00 Europe/London (BST) = 2025-10-26 00:30:00"
                + " UTC, so event_timestamp >= '2025-10-26 01:00:00' (UK time: the start of the hour the clocks went back,"
                + " which event_log cannot tell apart)");
        assertThat(text(robot, "#cutoff-counts")).contains("the window starts at 2025-10-26 01:00:00 (UK time)")
                .contains("1 event between then and 2025-10-26 01:30:00");
        screenshot("74-deployment-time-repeated-hour");
    }

    @Test
    void aJournalWrittenBeforeTheClockExistedSaysWhatResumingChanges(FxRobot robot) throws Exception {
        Path folder = incidents().resolve("2025-06-10T09-00-00Z-local-legacy");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(IncidentJournal.FILE_NAME), String.join("\n",
                "{\"at\":\"2025-06-10T09:00:00Z\",\"type\":\"incident_started\",\"app_version\":\"0.1.0\",\"environment\":\"LOCAL\"}",
                "{\"at\":\"2025-06-10T09:00:05Z\",\"type\":\"connected\",\"host\":\"localhost\",\"port\":" + TestReplica.port()
                        + ",\"database\":\"" + TestReplica.DATABASE + "\",\"user\":\"" + TestReplica.CONSOLE_USER
                        + "\",\"sslmode\":\"disable\"}",
                "{\"at\":\"2025-06-10T09:00:10Z\",\"type\":\"cutoff\",\"typed\":\"2025-06-09 13:21:55\",\"zone\":\"Europe/London\","
                        + "\"local\":\"2025-06-09T13:21:55\",\"utc\":\"2025-06-09T12:21:55Z\"}",
                "{\"at\":\"2025-06-10T09:00:15Z\",\"type\":\"counts\",\"cutoff\":\"2025-06-09T12:21:55Z\","
                        + "\"as_of\":\"2025-06-09T13:00:00Z\",\"events\":1,\"distinct_records\":1,\"distinct_clusters\":1}",
                ""));

        dialogs.confirmAnswer = true;
        robot.interact(() -> console.resume(folder));
        waitUntil(() -> console.session().resumedProperty().get() != null);

        assertThat(text(robot, "#status")).contains("it compared event_timestamp as UTC. It is carried on in UK time")
                .contains("event_timestamp >= '2025-06-09 13:21:55' where the journal compared >= '2025-06-09 12:21:55'")
                .contains("and < '2025-06-09 14:00:00' where it compared < '2025-06-09 13:00:00'");
        assertThat(text(robot, "#connect-message")).contains("It is carried on in UK time, the service's clock:"
                + " event_timestamp >= '2025-06-09 13:21:55'");
        assertThat(console.session().eventClockProperty().get()).isEqualTo(EventClock.UK);
        List<JournalEntry.ClockChosen> chosen = clockEntries(folder);
        assertThat(chosen).singleElement().satisfies(c -> assertThat(c.how())
                .startsWith("This incident's journal was written before the console read event_log in UK time"));
        screenshot("75-resumed-journal-before-the-clock");
    }

    @Test
    void theClockLinesStayWholeWhenZoomedForTheCall(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        fill(robot, "#cutoff-text", TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        for (int zoom : new int[] {150, 200}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    presenter.onProperty().set(true);
                    presenter.zoomProperty().set(zoom);
                    presenter.darkProperty().set(dark);
                    presenter.highContrastProperty().set(dark);
                });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.Node line = robot.lookup("#cutoff-utc").query();
                javafx.geometry.Bounds b = line.localToScene(line.getBoundsInLocal());
                // The line wraps inside the window rather than running off it or being cut to "...".
                assertThat(b.getMaxX()).as("at " + zoom + " %").isLessThanOrEqualTo(stage.getScene().getWidth());
                assertThat(((javafx.scene.control.Labeled) line).isWrapText()).isTrue();
                screenshot("78-deployment-time-" + zoom + (dark ? "-dark-contrast" : ""));
            }
        }
        robot.interact(() -> {
            presenter.darkProperty().set(false);
            presenter.highContrastProperty().set(false);
            presenter.zoomProperty().set(100);
            presenter.onProperty().set(false);
        });
    }

    private ConnectStepViewModel connect() {
        return console.wizard().steps().stream().filter(ConnectStep.class::isInstance).map(ConnectStep.class::cast)
                .findFirst().orElseThrow().model();
    }

    @SuppressWarnings("unchecked")
    private static EventClock selectedClock(FxRobot robot) {
        return robot.lookup("#event-clock").queryAs(ComboBox.class).getValue() instanceof EventClock c ? c : null;
    }

    private List<JournalEntry.ClockChosen> clockEntries() throws Exception {
        try (var folders = Files.list(incidents())) {
            return clockEntries(folders.filter(Files::isDirectory).findFirst().orElseThrow());
        }
    }

    private static List<JournalEntry.ClockChosen> clockEntries(Path folder) throws Exception {
        return new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)).lines().stream()
                .map(JournalLine::entry).filter(JournalEntry.ClockChosen.class::isInstance)
                .map(JournalEntry.ClockChosen.class::cast).toList();
    }
}
