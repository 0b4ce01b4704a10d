package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.scene.control.ComboBox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/** The Send step's "is the rollback live?" in prod: failing on an unfinished rollout, then passing. */
class RollbackLiveWindowTest extends ConsoleWindowTest {

    private static final String PROD = "hmpps-person-record-prod";
    private static final String OLD_POD = "hmpps-person-record-6b9d8e7f1-zzzzz";
    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    private static void scrollTo(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        javafx.scene.Parent p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
        robot.interact(() -> {
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - 20) / Math.max(1, content - scroll.getViewportBounds().getHeight()))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shots(FxRobot robot, String name) {
        scrollTo(robot, "#rollback-live");
        screenshot(name + "-100");
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#live-item-0")).as("image tags are never masked")
                .contains(ReleaseHistoryScenario.ROLLBACK_IMAGE);
        scrollTo(robot, "#rollback-live");
        screenshot(name + "-150");
        robot.interact(() -> ((WizardShellView) stage.getScene().getRoot()).presenter().onProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anUnfinishedRolloutHoldsTheProdSendUntilItPassesOrAReasonIsGiven(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.json");
        new RunbookJsonExport().write(file, false, RecordSource.of(List.of(new AffectedRecord(null, SourceSystem.DELIUS,
                "X900001", 1, Instant.parse("2025-06-09T13:00:00Z")))));
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(20));
        SimulatedCluster cluster = ReleaseHistoryScenario.write(SimulatedCluster.create(dir.resolve("cluster"),
                        SimulatedCluster.CONTEXT, PROD))
                .podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-7c1e2d3a4-aaaaa", ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-7c1e2d3a4-bbbbb", ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, OLD_POD, ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029")
                .podOf(ReleaseHistoryScenario.MATCH, "hmpps-person-match-88bb99cc0-ccccc",
                        "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1")
                .forwardTo(service.port()).podLog("hmpps-person-record-7c1e2d3a4-aaaaa", service.logFile());
        // The bad release picked at the Deployment time step (PickReleaseTest picks it through the window).
        try (Kubectl k = new Kubectl(cluster.executable(), SimulatedCluster.CONTEXT, PROD)) {
            var bad = k.releases(ReleaseHistoryScenario.RECORD).get(3);
            robot.interact(() -> console.session().badReleaseProperty().set(bad));
        }

        sendFromTheReview(robot, file);
        waitUntil(() -> !robot.lookup("#kubectl-path").query().isDisabled());
        fill(robot, "#kubectl-path", cluster.executable().toString());
        robot.clickOn("#load-contexts");
        @SuppressWarnings("unchecked")
        ComboBox<String> context = robot.lookup("#kube-context").queryAs(ComboBox.class);
        waitUntil(() -> context.getItems().size() == 1);
        robot.interact(() -> context.setValue(SimulatedCluster.CONTEXT));
        fill(robot, "#kube-namespace", PROD);
        robot.clickOn("#find-pods");
        waitUntil(() -> rows(robot, "#pods-table") == 3);
        // A pod of the rollout, not the one still on the older image.
        robot.interact(() -> robot.lookup("#pods-table").queryTableView().getSelectionModel().select(1));
        robot.clickOn("#start-forward");
        waitUntil(() -> text(robot, "#forward-status").contains("GET /health answers UP"));
        assertThat(enabled(robot, "#send")).as("prod: not until the rollback is shown live").isFalse();

        scrollTo(robot, "#live-check");
        robot.clickOn("#live-check");
        waitUntil(() -> robot.lookup("#live-item-1").tryQuery().isPresent());
        assertThat(text(robot, "#live-item-0")).startsWith("\u2718 The rollout of hmpps-person-record is complete")
                .contains("the deployment runs " + ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .contains("pod " + OLD_POD + " still runs 2025-06-09.5520.aaaa029, ready")
                .contains("rollout in progress");
        assertThat(text(robot, "#live-item-1")).startsWith("\u2714 The release running now is not the bad one"
                + " (hmpps-person-record revision 27, 2025-06-09.5512.bad0bad)")
                .contains("hmpps-person-match runs 2025-06-02.300.abcabc1");
        assertThat(enabled(robot, "#send")).isFalse();
        assertThat(robot.lookup("#live-override-reason").query().getParent().isVisible()).isTrue();
        shots(robot, "13a-rollback-live-failing");

        fill(robot, "#live-override-reason", "old pod is terminating; agreed on the incident call");
        robot.clickOn("#live-override");
        assertThat(enabled(robot, "#send")).as("overridden with a reason").isTrue();

        // The old pod is gone: checked again, the rollback is live.
        cluster.removePod(OLD_POD);
        robot.clickOn("#live-check");
        waitUntil(() -> text(robot, "#live-message").startsWith("The rollback is live"));
        assertThat(text(robot, "#live-item-0")).startsWith("\u2714").contains("2 of 2 pods ready on it");
        assertThat(enabled(robot, "#send")).isTrue();
        assertThat(robot.lookup("#live-override-reason").query().getParent().isVisible()).isFalse();
        shots(robot, "13b-rollback-live-passing");

        var recorder = console.session().incident().orElseThrow();
        recorder.flush();
        assertThat(recorder.state().decisions()).anySatisfy(d -> assertThat(d.text())
                .contains("Sending although the rollback is not shown live: old pod is terminating"));
    }
}
