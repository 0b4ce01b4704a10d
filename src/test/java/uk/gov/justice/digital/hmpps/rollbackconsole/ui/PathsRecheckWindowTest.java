package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/**
 * Days after an incident, from Recent incidents and without walking the runbook: the clusters it left are read
 * again over its window, through the journal's connection, with the progress shown and a cancel that journals
 * nothing; the reading is journalled beside the earlier one, so the queue can be seen to drain.
 */
class PathsRecheckWindowTest extends ConsoleWindowTest {

    private static final Instant EARLIER_READING = Instant.parse("2025-06-10T14:45:00Z");

    @Override
    protected void configure(SettingsStore settings) {
        settings.put(ManageUiAddress.KEY, "https://manage.example");
    }

    @Test
    void reChecksTheClustersAFinishedIncidentLeftWithProgressAndCancel(FxRobot robot) throws Exception {
        Path folder = incidents.resolve("2025-06-10T14-02-00Z-local");
        writeFinishedIncident(folder);

        robot.interact(() -> console.incidents().open(folder));
        waitUntil(() -> robot.lookup("#recheck-paths").tryQuery().isPresent());
        assertThat(text(robot, "#incident-paths-readings > .label")).isEqualTo("2025-06-10 14:45:00 UTC: 3 clusters"
                + " left; 1 need a person, 0 another reason, 2 may heal by the daily job; 2 in the review queue.");
        assertThat(robot.lookup("#recheck-manage-ui").queryAs(TextField.class).getText())
                .as("the address kept in the settings file").isEqualTo("https://manage.example");
        assertThat(enabled(robot, "#recheck-paths")).isTrue();
        assertThat(enabled(robot, "#recheck-cancel")).isFalse();
        byte[] before = Files.readAllBytes(folder.resolve(IncidentJournal.FILE_NAME));

        // The review queue is held by another session: the re-check waits at its second read, and says so.
        try (Connection holder = TestReplica.admin().getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("lock table personrecordservice.review in access exclusive mode");
            robot.clickOn("#recheck-paths");
            waitUntil(() -> text(robot, "#recheck-message").contains("(2 of 2)"));
            assertThat(text(robot, "#recheck-message")).isEqualTo("Reading the review queue for 2 clusters (2 of 2)\u2026");
            assertThat(enabled(robot, "#recheck-paths")).isFalse();
            robot.clickOn("#recheck-cancel");
            assertThat(text(robot, "#recheck-message")).isEqualTo("Cancelled: the clusters left were not re-checked,"
                    + " and nothing was journalled.");
            assertThat(robot.lookup("#recheck-message").query().getStyleClass()).contains(Styles.MESSAGE_WARNING);
            holder.rollback();
        }
        assertThat(Files.readAllBytes(folder.resolve(IncidentJournal.FILE_NAME))).isEqualTo(before);

        fill(robot, "#recheck-manage-ui", "https://people.example");
        robot.clickOn("#recheck-paths");
        waitUntil(() -> text(robot, "#recheck-message").startsWith("Re-checked"));
        assertThat(text(robot, "#recheck-message")).isEqualTo("Re-checked: 2 clusters left: 1 need a person, 0 another"
                + " reason, 1 may heal by the daily job; 0 in the review queue. At the reading before (2025-06-10"
                + " 14:45:00 UTC): 3. Journalled in " + folder.getFileName() + ".");
        waitUntil(() -> robot.lookup("#incident-paths-readings > .label").queryAll().size() == 2);
        screenshot("44b-incident-paths-rechecked");

        IncidentState state = new IncidentStore(incidents, DAY_AFTER_DEPLOYMENT).open(folder);
        assertThat(state.pathsTaken()).hasSize(2);
        assertThat(state.pathsTaken().get(1)).satisfies(p -> {
            assertThat(p.clusters()).isEqualTo(2);
            assertThat(p.personMustAct()).isEqualTo(1);
            assertThat(p.mayHeal()).isEqualTo(1);
        });
        assertThat(new SettingsStore(dir.resolve("settings.properties")).get(ManageUiAddress.KEY))
                .contains("https://people.example");
        // The timeline shows it at once: the journal reopened (as any resume says) and the reading.
        assertThat(rows(robot, "#incident-timeline")).isEqualTo(SampleIncident.entries().size() + 4);

        // An incident whose send is not over has no re-check: it is carried on instead.
        Path unfinished = incidents.resolve("2025-06-11T09-00-00Z-local");
        try (IncidentJournal journal = IncidentJournal.create(unfinished, new StepClock(SampleIncident.START
                .plus(Duration.ofDays(1)), Duration.ofSeconds(10)))) {
            for (SampleIncident.Step step : SampleIncident.entries().subList(0, 10)) {
                journal.append(local(step.entry()));
            }
        }
        robot.clickOn("#incidents-refresh");
        waitUntil(() -> rows(robot, "#incidents-table") == 2);
        robot.interact(() -> robot.lookup("#incidents-table").queryAs(TableView.class).getSelectionModel().select(0));
        waitUntil(() -> text(robot, "#recheck-unavailable").startsWith("This incident's send is not over"));
        assertThat(enabled(robot, "#recheck-paths")).isFalse();
    }

    /** The sample incident, finished, on the test's replica (its connection in the journal), with one earlier reading. */
    private static void writeFinishedIncident(Path folder) throws Exception {
        try (IncidentJournal journal = IncidentJournal.create(folder, new StepClock(SampleIncident.START,
                Duration.ofSeconds(10)))) {
            for (SampleIncident.Step step : SampleIncident.entries()) {
                journal.append(local(step.entry()));
            }
            // The sample leaves batch 2's run without its last line; here it completed, so the send is over.
            journal.append(new JournalEntry.LogMilestone(2, "Complete."));
            journal.append(new JournalEntry.PathsTaken(EARLIER_READING, 3, 1, 0, 2, 2));
        }
    }

    private static JournalEntry local(JournalEntry entry) {
        ConnectionSettings s = TestReplica.settings();
        if (entry instanceof JournalEntry.IncidentStarted started) {
            return new JournalEntry.IncidentStarted(started.appVersion(), Environment.LOCAL);
        }
        if (entry instanceof JournalEntry.Connected) {
            return new JournalEntry.Connected(s.host(), s.port(), s.database(), s.user(), "disable");
        }
        return entry;
    }
}
