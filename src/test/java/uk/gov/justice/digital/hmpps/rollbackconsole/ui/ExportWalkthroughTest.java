package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.CheckBox;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The first half of the runbook, end to end, as the incident lead does it. */
class ExportWalkthroughTest extends ConsoleWindowTest {

    @Test
    void walksFromConnectToAVerifiedExport(FxRobot robot) throws Exception {
        screenshot("01-connect-empty");
        assertThat(stage.getTitle()).isEqualTo("Rollback Console");
        assertThat(stage.getIcons()).as("the app icon, from 16 to 256 px").hasSize(6);
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
        assertThat(enabled(robot, "#next")).isFalse();

        connectToTestReplica(robot);
        // The embedded server is a primary: the console says so and waits for an acknowledgement.
        assertThat(text(robot, "#server-role")).contains("PRIMARY");
        assertThat(text(robot, "#connect-message")).contains("primary, not a read replica");
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("LOCAL");
        assertThat(text(robot, "#event-log-size")).startsWith("about ");
        assertThat(enabled(robot, "#next")).isFalse();
        robot.clickOn("#acknowledge-primary");
        assertThat(robot.lookup("#acknowledge-primary").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(enabled(robot, "#next")).isTrue();
        // Connected, Next is the one primary button: Connect is not another blue one beside it.
        assertThat(robot.lookup("#connect").query().getStyleClass()).doesNotContain("primary");
        screenshot("02-connect-connected");

        robot.clickOn("#next");
        assertThat(enabled(robot, "#next")).isFalse();
        screenshot("03a-deployment-time-empty");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains(" affected events, "));
        assertThat(text(robot, "#cutoff-utc"))
                .isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC,"
                        + " so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
        assertThat(text(robot, "#cutoff-counts")).startsWith(TestReplica.BST_TO_NOW_COUNTS.events() + " affected events, "
                + TestReplica.BST_TO_NOW_COUNTS.distinctRecords() + " distinct records, "
                + TestReplica.BST_TO_NOW_COUNTS.distinctClusters() + " clusters");
        screenshot("03-deployment-time");

        // Switching the zone to UTC moves the cutoff an hour later: the same text, another instant.
        robot.clickOn("#zone-utc");
        assertThat(text(robot, "#cutoff-utc")).isEqualTo("2025-06-09 13:21:55 UTC, so event_timestamp >= '2025-06-09"
                + " 14:21:55' (UK time)");
        robot.clickOn("#zone-london");
        waitUntil(() -> text(robot, "#cutoff-counts").startsWith(TestReplica.BST_TO_NOW_COUNTS.events() + " affected"));

        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") || text(robot, "#preview-message").contains("affected between"));
        waitUntil(() -> !robot.lookup("#statistics-table").queryTableView().getItems().isEmpty());
        screenshot("04-preview-distinct");
        assertThat(rows(robot, "#records-table")).isEqualTo((int) TestReplica.BST_TO_NOW_COUNTS.distinctRecords());
        assertThat(text(robot, "#count-records")).isEqualTo(Long.toString(TestReplica.BST_TO_NOW_COUNTS.distinctRecords()));
        assertThat(text(robot, "#count-events")).isEqualTo(Long.toString(TestReplica.BST_TO_NOW_COUNTS.events()));
        assertThat(text(robot, "#count-without-uuid")).isEqualTo(Long.toString(TestReplica.BST_RECORDS_WITHOUT_PERSON_UUID));
        assertThat(text(robot, "#count-delius")).isEqualTo(Long.toString(
                TestReplica.BST_RECORDS_BY_SOURCE_SYSTEM.get(uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS)));
        assertThat(text(robot, "#preview-message")).contains(TestReplica.BST_TO_NOW_COUNTS.distinctRecords() + " distinct records affected");
        screenshot("04b-preview-distinct");

        robot.clickOn("The SQL this step runs");
        assertThat(robot.lookup("#preview-sql .text-area").queryTextInputControl().getText())
                .contains("event_timestamp >= '2025-06-09 13:21:55.000000'")
                .contains("group by source_system collate \"C\", source_system_id collate \"C\"")
                .contains("-- event_timestamp holds UK time wall-clock time (Europe/London)");
        screenshot("04c-preview-sql");
        assertThat(robot.lookup("#next").query().localToScene(0, 0).getY()).as("Next stays in the window")
                .isLessThan(stage.getScene().getHeight());
        robot.interact(() -> robot.lookup("#preview-sql").queryAs(javafx.scene.control.TitledPane.class).setExpanded(false));

        robot.clickOn("#mode-per-event");
        waitUntil(() -> rows(robot, "#records-table") == TestReplica.BST_TO_NOW_COUNTS.events() && enabled(robot, "#next"));
        screenshot("05-preview-per-event");
        robot.clickOn("#mode-distinct");
        waitUntil(() -> rows(robot, "#records-table") == TestReplica.BST_TO_NOW_COUNTS.distinctRecords() && enabled(robot, "#next"));

        fill(robot, "#filter", TestReplica.SEVEN_UPDATES.sourceSystemId());
        assertThat(rows(robot, "#records-table")).isEqualTo(1);
        assertThat(text(robot, "#showing")).isEqualTo("showing 1 of " + TestReplica.BST_TO_NOW_COUNTS.distinctRecords());
        screenshot("06-preview-filtered");

        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        assertThat(text(robot, "#export-file-name")).isEqualTo("affected-records-local-2025-06-09T12-21-55Z.json");
        assertThat(robot.lookup("#export").query().getStyleClass()).contains("primary");
        robot.clickOn("#export");
        waitUntil(() -> text(robot, "#export-message").contains("verified"));
        assertThat(robot.lookup("#export").query().getStyleClass()).doesNotContain("primary");
        Path file = dir.resolve("affected-records-local-2025-06-09T12-21-55Z.json");
        assertThat(text(robot, "#export-records")).isEqualTo(Long.toString(TestReplica.BST_TO_NOW_COUNTS.distinctRecords()));
        assertThat(text(robot, "#export-sha256")).isEqualTo(Sha256.of(file));
        // The whole previewed set was written, not just the filtered row, in the query's order.
        List<String> previewed = new ArrayList<>();
        console.session().replicaProperty().get().affectedRecords(console.session().previewProperty().get().window(),
                RecordMode.DISTINCT_RECORDS, r -> previewed.add(r.sourceSystem().name() + "/" + r.sourceSystemId())).run();
        assertThat(keysIn(file)).hasSize((int) TestReplica.BST_TO_NOW_COUNTS.distinctRecords()).containsExactlyElementsOf(previewed);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("affected-records-local-2025-06-09T12-21-55Z.json", "settings.properties");
        }
        screenshot("07-export-done");
        // On a shared screen, zoomed in: the count, the path, the SHA-256 and its Copy button whole
        for (int zoom : new int[] {150, 200}) {
            sharedScreenAt(robot, zoom);
            screenshot("07b-export-done-" + zoom);
            javafx.scene.Parent page = robot.lookup("#export-records").query().getParent();
            while (!(page instanceof javafx.scene.control.ScrollPane)) {
                page = page.getParent();
            }
            assertThat(truncatedLabels(page)).as("labels cut short at " + zoom + " %").isEmpty();
            // The path and the SHA-256 are read and compared whole, not scrolled in a field.
            for (String id : new String[] {"#export-file", "#export-sha256"}) {
                javafx.scene.Node shown = robot.lookup(id).query();
                assertThat(onFx(() -> drawnWhole(shown))).as(id + " drawn whole at " + zoom + " %").isTrue();
            }
        }
        sharedScreenAt(robot, 100);
        String json = Files.readString(file);
        for (String personal : TestReplica.PERSONAL_VALUES) {
            assertThat(json).as("personal data never reaches the file").doesNotContain(personal);
        }

        // The incident's journal holds what was done, identifiers only.
        console.session().incident().orElseThrow().flush();
        IncidentState incident = new IncidentStore(incidents(), java.time.Clock.systemUTC())
                .open(console.session().incident().orElseThrow().folder().orElseThrow());
        assertThat(incident.step()).isEqualTo(IncidentStep.EXPORT);
        assertThat(incident.cutoff().orElseThrow().utc()).isEqualTo(TestReplica.CUTOFF_BST);
        assertThat(incident.cutoff().orElseThrow().typed()).isEqualTo(TestReplica.CUTOFF_BST_LOCAL);
        assertThat(incident.export().orElseThrow().sha256()).isEqualTo(Sha256.of(file));
        String journal = Files.readString(console.session().incident().orElseThrow().folder().orElseThrow()
                .resolve("journal.jsonl"));
        for (String personal : TestReplica.PERSONAL_VALUES) {
            assertThat(journal).doesNotContain(personal);
        }

        // Exporting again asks before replacing; declining leaves the file as it was.
        String before = Files.readString(file);
        dialogs.confirmAnswer = false;
        robot.clickOn("#export");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Replace affected-records-local"));
        assertThat(text(robot, "#export-message")).contains("was left as it is");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void aMissingFolderIsNamedAndNothingIsWritten(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));
        robot.clickOn("#next");
        Path missing = dir.resolve("no-such-folder");
        fill(robot, "#export-folder", missing.toString());
        robot.clickOn("#export");
        assertThat(text(robot, "#export-message")).isEqualTo("Folder " + missing
                + " does not exist: choose another folder, or create it first.");
        assertThat(missing).doesNotExist();
        assertThat(enabled(robot, "#next")).isFalse();
    }

    private static List<String> keysIn(Path file) throws Exception {
        List<String> keys = new ArrayList<>();
        try (RunbookJsonReader reader = RunbookJsonReader.open(file)) {
            for (Optional<FileRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                keys.add(r.get().sourceSystem() + "/" + r.get().sourceSystemId());
            }
        }
        return keys;
    }
}
