package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/**
 * The Progress step in the run states {@link RunFailuresWindowTest} does not reach: a run that hangs on a healthy pod
 * (a call to hmpps-person-match that never returns) has stalled, in red, and its rest is offered, never sent by
 * itself; a batch the service refused ends the run, in red, with nothing to resend to; a batch waits, in amber, while
 * another recluster run goes on the pod.
 */
class RunEndingsWindowTest extends ConsoleWindowTest {

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

    @Override
    protected void configure(SettingsStore settings) {
        // A silent run is taken as stalled within seconds, not the 3 minutes of a real incident.
        settings.put(ReclusterRun.Settings.STALL_AFTER, "3");
    }

    @Test
    void aRunThatFallsSilentIsSaidToHaveStalledInRedAndTheRestIsOfferedWithNextNotLeading(FxRobot robot)
            throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20))
                .fault(new SimulatedPersonRecordService.Fault(SimulatedPersonRecordService.FaultKind.FALLS_SILENT,
                        1, "Recluster", 2));
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);

        @SuppressWarnings("unchecked")
        ComboBox<String> pods = robot.lookup("#resend-pod").queryAs(ComboBox.class);
        waitUntil(() -> text(robot, "#progress-state").equals("Run stalled"));
        waitUntil(() -> robot.lookup("#resend-card").query().isVisible() && pods.getValue() != null);
        RunStateShown.assertShown(robot, "Run stalled", ProgressStyles.DANGER, Set.of(), "#resend-rest");
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("the pod logged nothing of the run");
        assertThat(enabled(robot, "#next")).as("the run is over: the lead may go on, but Next does not lead").isTrue();
        assertThat(stage.getTitle()).startsWith("Run stalled \u2014 ");
        assertThat(text(robot, "#status")).startsWith("Recluster on pod " + POD + ": Run stalled");
        assertThat(text(robot, "#progress-message")).startsWith("THE RUN STALLED on pod " + POD + " in batch 1 of 3")
                .contains("Nothing is sent again unless you choose to");
        assertThat(text(robot, "#resend-offer")).startsWith("The run on pod " + POD + " ended early in batch 1.");
        assertThat(text(robot, "#progress-target")).as("a reviewed file is sent with no replica: the namespace says where")
                .contains("namespace " + SimulatedCluster.NAMESPACE + " (PREPROD by its namespace, context ");
        assertThat(pods.getItems()).as("the pod is still Ready: it is offered too").containsExactly(POD, OTHER_POD);
        assertThat(first.reclusterRequests()).as("nothing sent by itself").isEqualTo(1);
        assertThat(console.session().incident().orElseThrow().state().lines()).anyMatch(l ->
                l.entry() instanceof JournalEntry.RunObserved o && "STALLED".equals(o.kind()));
        screenshot("38b-progress-run-stalled-offer");
        RunStateShown.lookedAt(robot, stage, "run-state-run-stalled");
        // In high contrast (bold, wider text) nothing is cut either: not the page, nor the sidebar's step names.
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        sharedScreenAt(robot, 100);
        robot.interact(() -> presenter.highContrastProperty().set(true));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(RunStateShown.cutShort(robot)).as("high contrast").isEmpty();
        assertThat(RunStateShown.cutShortUnder(robot.lookup(".sidebar").queryAs(javafx.scene.Parent.class)))
                .as("the sidebar").isEmpty();
        robot.interact(() -> presenter.highContrastProperty().set(false));

        // The hung pod is left alone: the rest goes to the other one, and the run completes there.
        robot.interact(() -> pods.setValue(OTHER_POD));
        scrollIntoView(robot, robot.lookup("#resend-rest").query());
        robot.clickOn("#resend-rest");
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send the rest, ") && q.contains("to pod " + OTHER_POD));
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        RunStateShown.assertShown(robot, "Complete", ProgressStyles.SUCCESS, Set.of(), "#next");
        assertThat(first.reclusterRequests()).isEqualTo(1);
        assertThat(second.reclusterRequests()).isPositive();
    }

    @Test
    void aBatchTheServiceRefusedEndsTheRunRejectedInRedWithNextEnabledButNotLeading(FxRobot robot) throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(20))
                .answerNext(400, "{\"status\":400,\"userMessage\":\"Validation failure\"}");
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Rejected"));
        RunStateShown.assertShown(robot, "Rejected", ProgressStyles.DANGER, Set.of(), null);
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("the service refused a batch");
        assertThat(enabled(robot, "#next")).isTrue();
        assertThat(robot.lookup("#resend-card").query().isVisible()).as("nothing to resend: it was not taken").isFalse();
        assertThat(text(robot, "#progress-phase")).as("not still waiting for the pod")
                .isEqualTo("Batch 1 of 3: refused by the service; not taken");
        assertThat(stage.getTitle()).startsWith("Rejected \u2014 ");
        assertThat(text(robot, "#status")).startsWith("Recluster on pod " + POD + ": Rejected");
        assertThat(text(robot, "#progress-message")).startsWith("REJECTED: batch 1 was rejected with HTTP 400")
                .contains("nothing is re-sent automatically");
        assertThat(first.reclusterRequests()).isEqualTo(1);
        assertThat(first.reclustered()).isEmpty();
        screenshot("38c-progress-rejected");
        RunStateShown.lookedAt(robot, stage, "run-state-rejected");
    }

    @Test
    void aBatchWaitsInAmberWhileAnotherRunGoesOnThePodThenTheRunCompletes(FxRobot robot) throws Exception {
        // The daily needs-attention job starts on the pod just before our first batch is complete.
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).perRecord(Duration.ofMillis(60))
                .otherRunBeforeCompleteOf(1, 120);
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"));
        sendReviewedFile(robot);

        waitUntil(() -> text(robot, "#progress-state").equals("Waiting for another run"));
        // Not held while looked at: a run of this pod logging nothing for 3 s is taken as ended. Its 120 records take
        // some 14 s, longer than the looking.
        RunStateShown.assertShown(robot, "Waiting for another run", ProgressStyles.DECISION,
                Set.of("#pause", "#stop"), null);
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("another recluster run is going on the pod");
        assertThat(text(robot, "#progress-eta")).as("no clock time while nothing is sent")
                .isEqualTo("not known while another run goes on the pod");
        assertThat(enabled(robot, "#next")).as("records are being sent").isFalse();
        assertThat(stage.getTitle()).startsWith("Waiting for another run \u2014 ");
        assertThat(first.reclusterRequests()).as("the next batch waits").isEqualTo(1);
        screenshot("41b-progress-waiting-for-another-run");
        RunStateShown.lookedAt(robot, stage, "run-state-waiting-for-another-run");
        waitUntil(() -> text(robot, "#progress-state").equals("Complete"));
        assertThat(first.sentWhileAnotherRan()).as("no batch sent while the other run went").isZero();
        RunStateShown.assertShown(robot, "Complete", ProgressStyles.SUCCESS, Set.of(), "#next");
    }

    /** Ten records, reviewed offline, sent in batches of 4 to the first pod; two pods, each its own service. */
    private void sendReviewedFile(FxRobot robot) throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).servicePod(OTHER_POD).forwardTo(POD, first.port()).forwardTo(OTHER_POD, second.port())
                .podLog(POD, first.logFile()).podLog(OTHER_POD, second.logFile());
        sendReviewedInBatches(robot, tenReviewedRecords(), cluster, 2, 4);
    }
}
