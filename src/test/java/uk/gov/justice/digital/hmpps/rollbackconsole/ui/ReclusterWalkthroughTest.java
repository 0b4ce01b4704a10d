package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.NAMESPACE;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.BatchRow;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/** Runbook step 4 from the window: from a real export, through a fake kubectl, to a fake pod of the service. */
class ReclusterWalkthroughTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final String OTHER_POD = "hmpps-person-record-5d8f7c9b4-fghij";
    private static final String JOB_POD = "hmpps-person-record-recluster-needs-attention-job-28999-xyz12";

    private SimulatedPersonRecordService service;

    @AfterEach
    void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void sendsTheExportBatchByBatchToTheChosenPodAndFollowsItToComplete(FxRobot robot) throws Exception {
        Path file = exportFromTestReplica(robot);
        List<String> ids = idsIn(file);
        assertThat(ids).hasSize((int) TestReplica.BST_TO_NOW_COUNTS.distinctRecords());
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(100))
                .notFound(ids.get(2)).merged(ids.get(7));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).pod(OTHER_POD, "Running", true, "ReplicaSet", 3).pod(JOB_POD, "Running", true, "Job", 0)
                .forwardTo(service.port()).podLog(POD, service.logFile());

        robot.clickOn("#next");
        // Entering the step reads the contexts of whatever kubectl is on the PATH; this test points it elsewhere.
        waitUntil(() -> !robot.lookup("#kubectl-path").query().isDisabled());
        screenshot("29-send-before-choosing-a-pod");
        fill(robot, "#kubectl-path", cluster.executable().toString());
        robot.clickOn("#load-contexts");
        @SuppressWarnings("unchecked")
        ComboBox<String> context = robot.lookup("#kube-context").queryAs(ComboBox.class);
        waitUntil(() -> context.getItems().size() == 2);
        robot.interact(() -> context.setValue(CONTEXT));
        fill(robot, "#kube-namespace", NAMESPACE);
        robot.clickOn("#find-pods");
        waitUntil(() -> rows(robot, "#pods-table") == 2);
        assertThat(text(robot, "#deployment-image")).isEqualTo(SimulatedCluster.IMAGE);
        assertThat(text(robot, "#kube-message")).contains("rolled-back image");
        @SuppressWarnings("unchecked")
        TableView<PodInfo> pods = robot.lookup("#pods-table").queryAs(TableView.class);
        assertThat(pods.getItems()).extracting(PodInfo::name).containsExactly(POD, OTHER_POD);
        assertThat(text(robot, "#environment-banner-target")).as("no pod before a forward to it").doesNotContain("pod ");
        screenshot("29b-send-pods-listed");

        robot.interact(() -> pods.getSelectionModel().select(0));
        robot.clickOn("#start-forward");
        waitUntil(() -> text(robot, "#forward-status").contains("GET /health answers UP"));
        assertThat(text(robot, "#send-records")).isEqualTo(Integer.toString(ids.size()));
        // The target is known once the forward answers: the banner names the pod before any run.
        assertThat(text(robot, "#environment-banner-target")).isEqualTo(NAMESPACE + "  \u2022  context " + CONTEXT
                + "  \u2022  pod " + POD);
        screenshot("30-recluster-pods");
        sendStepReadWhole(robot);

        scrollTo(robot, "#send");
        fill(robot, "#batch-size", "5");
        dialogs.confirmAnswer = true;
        robot.clickOn("#send");
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send 17 records to pod " + POD + "?")
                && q.contains("Environment: LOCAL") && q.contains("Namespace: " + NAMESPACE)
                && q.contains("Records: 17 in 4 batches of up to 5"));
        // Not production: no namespace to type.
        assertThat(dialogs.asked).noneMatch(q -> q.startsWith("Confirm the production namespace"));

        waitUntil(() -> text(robot, "#progress-state").equals("Running") && text(robot, "#progress-phase").contains("Batch 2"));
        RunStateShown.assertShown(robot, "Running", ProgressStyles.GOING, java.util.Set.of("#pause", "#stop"), null);
        assertThat(enabled(robot, "#next")).isFalse();
        assertThat(enabled(robot, "#back")).as("the wizard is not left in the middle of a run").isFalse();
        // Held while it is shot in every zoom and look, so that each picture shows the same running state.
        service.hold(true);
        try {
            screenshot("31-progress-running");
        } finally {
            service.hold(false);
        }

        // Two records skipped (merged) and one not found: complete, but not a plain success.
        waitUntil(() -> text(robot, "#progress-state").equals("Complete, with exceptions"));
        screenshot("32-progress-complete");
        RunStateShown.assertShown(robot, "Complete, with exceptions", ProgressStyles.DECISION, java.util.Set.of(), "#next");
        assertThat(text(robot, "#progress-state-detail")).isEqualTo("2 skipped (merged); 1 not found");
        assertThat(text(robot, "#progress-message")).startsWith("Complete: all 4 batches, 17 records, were upserted and "
                + "reclustered on pod " + POD);
        assertThat(text(robot, "#progress-batches")).isEqualTo("4 of 4 batches complete");
        assertThat(text(robot, "#progress-overall-text")).startsWith("34 of 34 steps");
        assertThat(text(robot, "#progress-not-found")).isEqualTo("1");
        // Skipped in both phases.
        assertThat(text(robot, "#progress-skipped")).isEqualTo("2");
        assertThat(robot.lookup("#not-found-ids").queryAs(ListView.class).getItems()).containsExactly(ids.get(2));
        @SuppressWarnings("unchecked")
        TableView<BatchRow> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        assertThat(batches.getItems()).extracting(BatchRow::records).containsExactly(5, 5, 5, 2);
        assertThat(batches.getItems()).allSatisfy(r -> {
            assertThat(r.statusProperty().get()).isEqualTo("complete");
            assertThat(r.httpProperty().get()).isEqualTo("200 accepted");
        });
        assertThat(batches.getItems().get(3).lastRecord()).startsWith("#17 ");
        assertThat(labelsCutShort(batches)).as("a Common Platform id whole in the batches' first and last records")
                .isEmpty();
        assertThat(enabled(robot, "#pause")).isFalse();
        // Outcome takes the after statistics by itself meanwhile: the status bar still speaks of the run.
        assertThat(text(robot, "#status")).isEqualTo("Recluster on pod " + POD
                + ": Complete, with exceptions: 2 skipped (merged); 1 not found.");

        // Each batch went exactly once, in order.
        assertThat(service.reclusterRequests()).isEqualTo(4);
        List<String> sent = new ArrayList<>();
        service.acceptedBodies().forEach(b -> b.forEach(r -> sent.add(r.get("source_system_id").asText())));
        assertThat(sent).containsExactlyElementsOf(ids);
        // Every kubectl command named the context and namespace, except reading the contexts themselves.
        assertThat(cluster.calls()).allSatisfy(call -> {
            if (!call.contains("get-contexts")) {
                assertThat(call).containsSubsequence("--context", CONTEXT).containsSubsequence("-n", NAMESPACE);
            }
        });
        assertThat(cluster.calls()).noneMatch(call -> String.join(" ", call).contains(OTHER_POD));

        // The incident's journal has every batch recorded as sent before and answered after, and the pod.
        var incident = console.session().incident().orElseThrow().state();
        assertThat(incident.batches()).hasSize(4).allSatisfy(b -> assertThat(b.outcome())
                .isEqualTo(uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome.SENT));
        assertThat(incident.pod().orElseThrow().pod()).isEqualTo(POD);
        assertThat(incident.pod().orElseThrow().namespace()).isEqualTo(NAMESPACE);
        assertThat(incident.runs()).hasSize(4);

        // The whole runbook in order: after a complete run, Next leads to the Outcome step.
        robot.clickOn("#next");
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 6);
        // Taken by themselves when the run completed: no click needed.
        waitUntil(() -> robot.lookup("#comparison-table").queryTableView().getItems().size() > 0);
        assertThat(console.session().incident().orElseThrow().state().statisticsAfter()).isPresent();
        screenshot("45-outcome-after-a-run");

        // On the shared screen, presenter mode's card leads with the verdict, in its colour, whole and above the fold.
        waitUntil(() -> robot.lookup("#outcome-verdict").query().isVisible());
        for (int zoom : new int[] {150, 200}) {
            robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage
                    .getScene().getRoot()).presenter().onProperty().set(true));
            sharedScreenAt(robot, zoom);
            assertThat(text(robot, "#presenter-step")).startsWith("Step 7 of 7: Outcome");
            assertThat(text(robot, "#audience-now")).isEqualTo(text(robot, "#outcome-verdict-headline"))
                    .startsWith("NEEDS_ATTENTION ");
            boolean fell = robot.lookup("#outcome-verdict").query().getStyleClass()
                    .contains(uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles.VERDICT_SAFE);
            assertThat(robot.lookup("#audience-now").query().getPseudoClassStates().toString())
                    .contains(fell ? "success" : "decision");
            javafx.scene.Parent card = robot.lookup("#audience-card").queryAs(javafx.scene.Parent.class);
            assertThat(card.isVisible()).isTrue();
            assertThat(truncatedLabels(card)).isEmpty();
            assertThat(SharedScreenWindowTest.onScreen(robot, "#audience-now")).isTrue();
            screenshot("45b-outcome-after-a-run-presenter-" + zoom);
        }
    }

    @Test
    void sendsAFileReviewedOfflineWithoutAnyReplicaConnection(FxRobot robot) throws Exception {
        Path file = dir.resolve("reviewed.json");
        List<uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord> records = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            records.add(new uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord(null,
                    uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS, "X90000" + i, 1,
                    java.time.Instant.parse("2025-06-09T13:00:00Z")));
        }
        new uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport().write(file, false,
                uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource.of(records));
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(20));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).forwardTo(service.port()).podLog(POD, service.logFile());

        robot.interact(() -> console.openReview(file));
        waitUntil(() -> robot.lookup("#review-verdict").tryQuery().map(n -> n.isVisible()).orElse(false)
                && text(robot, "#review-verdict").equals("SAFE TO SEND"));
        robot.clickOn("#send-file");

        // Straight to the Send step, although nothing was connected or exported here.
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 4);
        assertThat(console.session().replicaProperty().get()).isNull();
        assertThat(text(robot, "#send-records")).isEqualTo("7");
        screenshot("33-send-a-reviewed-file");
        forwardToTheFirstPod(robot, cluster, 1);
        // No replica is connected, yet the banner names where the file goes, in that environment's colour.
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("PREPROD");
        // The pod too, from the moment its forward answers: before the run, not only once it starts.
        assertThat(text(robot, "#environment-banner-target")).isEqualTo(SimulatedCluster.NAMESPACE + "  \u2022  context "
                + SimulatedCluster.CONTEXT + "  \u2022  pod " + POD + "  \u2022  no replica connection");
        assertThat(robot.lookup("#environment-banner-label").query().getParent().getPseudoClassStates().toString())
                .contains("preprod");
        screenshot("33b-send-a-reviewed-file-banner");
        scrollTo(robot, "#send");
        fill(robot, "#batch-size", "3");
        dialogs.confirmAnswer = true;
        robot.clickOn("#send");
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
        waitUntil(() -> text(robot, "#progress-state").startsWith("Complete"));
        assertThat(text(robot, "#environment-banner-target")).contains("pod " + POD);

        assertThat(service.reclusterRequests()).isEqualTo(3);
        var incident = console.session().incident().orElseThrow().state();
        assertThat(incident.environment()).as("from the namespace").isEqualTo(
                uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.PREPROD);
        assertThat(incident.decisions()).anySatisfy(d -> assertThat(d.text()).contains("reviewed offline")
                .contains(uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256.of(file)));
        assertThat(incident.batches()).hasSize(3);
    }

    /** Scrolls the step's page so that the node is in the window, as the user would. */
    private static void scrollTo(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        Parent p = node.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        ScrollPane scroll = (ScrollPane) p;
        robot.interact(() -> {
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = node.localToScene(0, 0).getY() - scroll.getContent().localToScene(0, 0).getY();
            scroll.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - viewport / 2) / (contentHeight - viewport))));
        });
    }

    private Path exportFromTestReplica(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));
        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        robot.clickOn("#export");
        waitUntil(() -> text(robot, "#export-message").contains("verified"));
        return console.session().exportProperty().get().file();
    }

    private static List<String> idsIn(Path file) throws Exception {
        List<String> ids = new ArrayList<>();
        try (RunbookJsonReader reader = RunbookJsonReader.open(file)) {
            for (Optional<FileRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                ids.add(r.get().sourceSystemId());
            }
        }
        return ids;
    }

    /**
     * On a 1280 x 720 shared screen at 100, 150 and 200 %, light and high contrast: nothing on the Send step ends in
     * "..." (the deployment's heading, the pods' names and images, the batch size's note, the context), and the
     * file's path and SHA-256 are drawn whole.
     */
    private void sendStepReadWhole(FxRobot robot) {
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        for (int zoom : new int[] {100, 150, 200}) {
            for (boolean contrast : new boolean[] {false, true}) {
                sharedScreenAt(robot, zoom);
                robot.interact(() -> presenter.highContrastProperty().set(contrast));
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                String look = " at " + zoom + " %" + (contrast ? " in high contrast" : "");
                javafx.scene.Parent page = robot.lookup("#send-records").query().getParent();
                while (!(page instanceof javafx.scene.control.ScrollPane)) {
                    page = page.getParent();
                }
                javafx.scene.Parent shown = page;
                assertThat(onFx(() -> truncatedLabels(shown))).as("cut short" + look).isEmpty();
                for (String id : new String[] {"#send-sha256", "#kube-context"}) {
                    javafx.scene.Node n = robot.lookup(id).query();
                    assertThat(onFx(() -> drawnWhole(n))).as(id + " drawn whole" + look).isTrue();
                }
            }
        }
        robot.interact(() -> presenter.highContrastProperty().set(false));
        sharedScreenAt(robot, 100);
    }
}
