package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/** The Progress step when the service's run dies on a healthy pod, and when a 500 hides a batch it took. */
class RunFailuresWindowTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final String OTHER_POD = "hmpps-person-record-5d8f7c9b4-fghij";

    private SimulatedPersonRecordService first;
    private SimulatedPersonRecordService second;
    private SimulatedCluster cluster;

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
    void aRunThatDiesIsSaidAtOnceAndTheRestGoesToTheSamePodOnlyWhenChosen(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20))
                .fault(new SimulatedPersonRecordService.Fault(SimulatedPersonRecordService.FaultKind.DIES_WITH_STACK_TRACE,
                        1, "Recluster", 3));
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);

        @SuppressWarnings("unchecked")
        ComboBox<String> pods = robot.lookup("#resend-pod").queryAs(ComboBox.class);
        waitUntil(() -> robot.lookup("#resend-card").query().isVisible() && pods.getValue() != null);
        RunStateShown.assertShown(robot, "Run died", ProgressStyles.DANGER, Set.of(), "#resend-rest");
        assertThat(stage.getTitle()).startsWith("Run died \u2014 ");
        RunStateShown.lookedAt(robot, stage, "run-state-run-died");
        assertThat(text(robot, "#progress-message")).startsWith("THE RUN DIED on pod " + POD + " in batch 1 of 3")
                .contains("Nothing is sent again unless you choose to");
        assertThat(pods.getItems()).as("the pod is healthy: it is offered too").containsExactly(POD, OTHER_POD);
        assertThat(first.reclusterRequests()).as("nothing sent by itself").isEqualTo(1);
        screenshot("38-progress-run-died-offer");

        robot.interact(() -> pods.setValue(POD));
        robot.clickOn("#resend-rest");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send the rest, 8 records, to pod " + POD + "?"));
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        screenshot("39-progress-run-died-rest-sent");
        RunStateShown.assertShown(robot, "Complete", ProgressStyles.SUCCESS, Set.of(), "#next");
        assertThat(stage.getTitle()).startsWith("Complete \u2014 ");
        RunStateShown.lookedAt(robot, stage, "run-state-complete");

        assertThat(first.reclustered()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(second.reclusterRequests()).isZero();
        assertThat(console.session().incident().orElseThrow().state().lines()).anyMatch(l ->
                l.entry() instanceof JournalEntry.RunObserved o && "DIED".equals(o.kind()) && o.provenDone() == 2);
    }

    @Test
    void aServerErrorWhoseBatchWasTakenIsFollowedToCompleteAndSaidSo(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20))
                .takeDespiteAnswering(1, 500);
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-message").contains("the service took it"));
        // Held while it is shot in every zoom and look, so that each picture shows the batch being followed.
        first.hold(true);
        try {
            screenshot("40-progress-500-but-taken");
        } finally {
            first.hold(false);
        }
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        assertThat(first.reclustered()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(first.reclusterRequests()).isEqualTo(3);
        assertThat(console.session().incident().orElseThrow().state().batch(1).orElseThrow().outcome())
                .isEqualTo(uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome.SENT);
    }

    @Override
    protected void configure(SettingsStore settings) {
        // A lost forward is waited for long enough to be seen, not the 2 minutes of a real incident.
        settings.put(ReclusterRun.Settings.FORWARD_WAIT, "15");
    }

    @Test
    void aLostForwardIsWaitedForInAmberThenEndsTheRunInRedWithNextNotLeading(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20));
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        first.beforeComplete(run -> {
            if (run == 1) {
                try {
                    // The forward goes, and whatever kubectl starts next relays to nothing.
                    cluster.forwardTo(POD, 1);
                    cluster.dropPortForward();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Waiting for the port-forward"));
        RunStateShown.assertShown(robot, "Waiting for the port-forward", ProgressStyles.DECISION,
                Set.of("#pause", "#stop"), null);
        assertThat(enabled(robot, "#next")).isFalse();
        screenshot("41-progress-waiting-for-the-forward");

        waitUntil(() -> text(robot, "#progress-state").equals("Port-forward lost"));
        RunStateShown.assertShown(robot, "Port-forward lost", ProgressStyles.DANGER, Set.of(), null);
        assertThat(enabled(robot, "#next")).isTrue();
        assertThat(text(robot, "#status")).startsWith("Recluster on pod " + POD + ": Port-forward lost");
        assertThat(first.reclusterRequests()).as("nothing sent to a stale port").isEqualTo(1);
        // The batch card speaks of the batch not sent, not of the one before it, complete.
        assertThat(text(robot, "#progress-phase")).isEqualTo("Batch 2 of 3: not sent; the port-forward was not back");
        assertThat(text(robot, "#progress-upsert-text")).isEqualTo("Upsert 0 / 4");
        screenshot("42-progress-forward-lost");
        RunStateShown.lookedAt(robot, stage, "run-state-forward-lost");
    }

    @Test
    void stopPressedWhileABatchRunsSaysStoppingInAmberUntilThatBatchEndsThenStopped(FxRobot robot) throws Exception {
        // Held from the start: the first batch is taken and started, and waits before its first record.
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20)).hold(true);
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);
        waitUntil(() -> text(robot, "#progress-phase").equals("Batch 1 of 3: upserting to hmpps-person-match"));

        robot.interact(() -> robot.lookup("#stop").queryButton().fire());
        waitUntil(() -> text(robot, "#progress-state").equals("Stopping"));
        RunStateShown.assertShown(robot, "Stopping", ProgressStyles.DECISION, Set.of(), null);
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("no further batch is sent");
        assertThat(enabled(robot, "#next")).as("the batch on the pod is still going").isFalse();
        assertThat(stage.getTitle()).startsWith("Stopping \u2014 ");
        screenshot("41c-progress-stopping");
        RunStateShown.lookedAt(robot, stage, "run-state-stopping");

        first.hold(false);
        waitUntil(() -> text(robot, "#progress-state").equals("Stopped"));
        RunStateShown.assertShown(robot, "Stopped", ProgressStyles.DECISION, Set.of(), null);
        assertThat(first.reclusterRequests()).as("nothing sent after the batch going when Stop was pressed")
                .isEqualTo(1);
    }

    /** Ten records, reviewed offline, sent in batches of 4 to the first pod; two pods, each its own service. */
    private void sendReviewedFile(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.json");
        List<AffectedRecord> records = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            records.add(new AffectedRecord(null, SourceSystem.DELIUS, "X9000" + String.format("%02d", i), 1,
                    Instant.parse("2025-06-09T13:00:00Z")));
        }
        new RunbookJsonExport().write(file, false, RecordSource.of(records));
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).servicePod(OTHER_POD).forwardTo(POD, first.port()).forwardTo(OTHER_POD, second.port())
                .podLog(POD, first.logFile()).podLog(OTHER_POD, second.logFile());

        sendFromTheReview(robot, file);
        forwardToTheFirstPod(robot, cluster, 2);
        robot.interact(() -> robot.lookup("#batch-size").queryAs(javafx.scene.control.TextField.class).setText("4"));
        dialogs.confirmAnswer = true;
        robot.interact(() -> robot.lookup("#send").queryButton().fire());
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
    }
}
