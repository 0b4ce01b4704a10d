package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.BatchRow;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/** The Progress step when the pod dies mid-batch: the offer to send the rest to another pod, from the window. */
class PodDiedWindowTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final String OTHER_POD = "hmpps-person-record-5d8f7c9b4-fghij";

    private SimulatedPersonRecordService first;
    private SimulatedPersonRecordService second;

    @AfterEach
    void stopServices() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void offersTheRestOfTheBatchAndTheLaterOnesToAnotherReadyPodAndSendsThemThere(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(60)).dieAfterItems(6);
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log")).perRecord(Duration.ofMillis(20));
        SimulatedCluster cluster = sendReviewedFile(robot);

        @SuppressWarnings("unchecked")
        TableView<BatchRow> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        waitUntil(() -> !batches.getItems().isEmpty()
                && batches.getItems().get(0).statusProperty().get().startsWith("recluster 2/"));
        assertThat(robot.lookup("#resend-card").query().isVisible()).isFalse();
        cluster.removePod(POD);

        @SuppressWarnings("unchecked")
        ComboBox<String> pods = robot.lookup("#resend-pod").queryAs(ComboBox.class);
        waitUntil(() -> robot.lookup("#resend-card").query().isVisible() && OTHER_POD.equals(pods.getValue()));
        assertThat(pods.getItems()).containsExactly(OTHER_POD);
        // Red, with the recovery leading: not Next while records are left.
        RunStateShown.assertShown(robot, "Pod died", ProgressStyles.DANGER, Set.of(), "#resend-rest");
        assertThat(text(robot, "#status")).startsWith("Recluster on pod " + POD + ": Pod died");
        RunStateShown.lookedAt(robot, stage, "run-state-pod-died");
        assertThat(progressTicked(robot)).as("Progress is not done while records are left").isFalse();
        assertThat(text(robot, "#progress-message")).startsWith("POD " + POD + " DIED in batch 1 of 3, at recluster item 2/4.");
        assertThat(text(robot, "#resend-offer")).isEqualTo("Pod " + POD + " died in batch 1. Its log proves 1 of the "
                + "batch's records done; they are not sent again. Left of batch 1: 3 records, #2 DELIUS/X900002 to "
                + "#4 DELIUS/X900004. Batches after it: 2 (6 records). In all 9 records in 3 requests, sent one at a "
                + "time as before, followed on the new pod's log.");
        screenshot("34-progress-pod-died-offer");

        robot.clickOn("#resend-rest");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send the rest, 9 records, to pod " + OTHER_POD + "?"));
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        screenshot("35-progress-rest-sent-to-another-pod");

        assertThat(text(robot, "#progress-target")).startsWith("pod " + OTHER_POD + ",");
        assertThat(progressTicked(robot)).isTrue();
        assertThat(robot.lookup("#resend-card").query().isVisible()).isFalse();
        assertThat(text(robot, "#progress-batches")).isEqualTo("3 of 3 batches complete");
        assertThat(batches.getItems()).extracting(BatchRow::records).containsExactly(4, 3, 4, 2);
        // The first batch shows twice, each row with the pod it went to.
        assertThat(batches.getItems()).extracting(BatchRow::podShort)
                .containsExactly("5d8f7c9b4-abcde", "5d8f7c9b4-fghij", "5d8f7c9b4-fghij", "5d8f7c9b4-fghij");
        RunStateShown.assertShown(robot, "Complete", ProgressStyles.SUCCESS, Set.of(), "#next");
        assertThat(text(robot, "#progress-phase")).isEqualTo("All 3 batches complete");
        assertThat(text(robot, "#progress-upsert-text")).isEqualTo("Upsert 10 / 10");
        Map<String, Integer> reclustered = new HashMap<>(first.reclustered());
        second.reclustered().forEach((id, n) -> reclustered.merge(id, n, Integer::sum));
        assertThat(reclustered).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(first.reclusterRequests() + second.reclusterRequests()).isEqualTo(4);
        // The report and the business impact count from the journal: all ten records, the dead pod's proven one too.
        IncidentState journalled = onlyIncident();
        assertThat(journalled.recordsSent()).isEqualTo(10);
    }

    /** The sidebar's tick after "Progress", drawn. */
    private static boolean progressTicked(FxRobot robot) {
        javafx.scene.control.Button progress = robot.lookup("#step-6").queryButton();
        return progress.getText().endsWith("Progress") && progress.getGraphic() != null
                && progress.getGraphic().isVisible();
    }

    private IncidentState onlyIncident() throws Exception {
        try (Stream<Path> folders = Files.list(incidents)) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            return IncidentState.of(folder, new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));
        }
    }

    /** Ten records, reviewed offline, sent in batches of 4 to the first pod; two pods, each its own service. */
    private SimulatedCluster sendReviewedFile(FxRobot robot) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).servicePod(OTHER_POD).forwardTo(POD, first.port()).forwardTo(OTHER_POD, second.port())
                .podLog(POD, first.logFile()).podLog(OTHER_POD, second.logFile());
        sendReviewedInBatches(robot, tenReviewedRecords(), cluster, 2, 4);
        return cluster;
    }

    @Test
    void aBatchWhoseAnswerNeverCameWaitsForADecisionThatCanBeAskedAgain(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(10)).dropAfterBodyOf(2);
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        dialogs.chooseAnswer = null;
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Outcome unknown")
                && robot.lookup("#decide-unknown").query().isVisible());
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Batch 2: outcome unknown"));
        assertThat(text(robot, "#progress-message")).startsWith("OUTCOME UNKNOWN");
        RunStateShown.assertShown(robot, "Outcome unknown", ProgressStyles.DECISION, Set.of(), "#decide-unknown");
        assertThat(text(robot, "#progress-phase")).as("not still waiting for the pod")
                .isEqualTo("Batch 2 of 3: no answer; the pod never logged that it started");
        RunStateShown.lookedAt(robot, stage, "run-state-outcome-unknown");
        screenshot("36-progress-outcome-unknown-undecided");

        dialogs.chooseAnswer = "Skip";
        robot.clickOn("#decide-unknown");
        // Not a plain success: batch 2 was counted as done without its run seen.
        waitUntil(() -> text(robot, "#progress-state").equals("Complete, with exceptions"));
        screenshot("37-progress-outcome-unknown-skipped");
        RunStateShown.assertShown(robot, "Complete, with exceptions", ProgressStyles.DECISION, Set.of(), "#next");
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("batch 2 counted as done without its run seen");
        assertThat(robot.lookup("#progress-message").query().getStyleClass()).contains("message-warning");
        RunStateShown.lookedAt(robot, stage, "run-state-complete-with-exceptions");
        assertThat(robot.lookup("#decide-unknown").query().isVisible()).isFalse();
        assertThat(text(robot, "#progress-batches")).isEqualTo("3 of 3 batches complete");
        assertThat(text(robot, "#progress-overall-text")).startsWith("20 of 20 steps");
        assertThat(text(robot, "#progress-message")).endsWith("Batch 2, of unknown outcome, was treated as done, as "
                + "decided; its run was not seen in the log.");
        assertThat(first.reclusterRequests()).isEqualTo(3);
        assertThat(console.session().incident().orElseThrow().state().decisions())
                .anyMatch(d -> d.kind() == uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind.SKIP_BATCH
                        && d.batchIndex() == 2);
    }
}
