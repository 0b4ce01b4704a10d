package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/** Step 5's view-model, and the run it starts, against a fake kubectl and a fake pod; no toolkit. */
class ReclusterStepViewModelTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final String OTHER_POD = "hmpps-person-record-5d8f7c9b4-fghij";
    private static final String PROD_NAMESPACE = "hmpps-person-record-prod";

    @TempDir
    Path dir;
    private final WizardSession session = new WizardSession();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final OneUiThread ui = new OneUiThread();
    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private ReclusterStepViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).notFound("A3").merged("A7");
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                .servicePod(POD).pod(OTHER_POD, "Running", true, "ReplicaSet", 3)
                .pod("hmpps-person-record-5d8f7c9b4-starting", "Running", false, "ReplicaSet", 0)
                .pod("hmpps-person-record-5d8f7c9b4-pending", "Pending", false, "ReplicaSet", 0)
                .pod("hmpps-person-record-recluster-needs-attention-job-28999-xyz12", "Running", true, "Job", 0)
                .forwardTo(service.port()).podLog(POD, service.logFile());
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        // A refused or unanswered batch is settled by the log within seconds, not the 20 s of a real pod.
        settings.put(ReclusterStepViewModel.RUN_TAKEN_WITHIN, "3");
        settings.put(ReclusterStepViewModel.KUBECTL_PATH, cluster.executable().toString());
        model = ui.get(() -> new ReclusterStepViewModel(session, ui, dialogs, settings, Clock.systemUTC(), Optional.empty()));
    }

    @AfterEach
    void tearDown() {
        ui.call(() -> {
            ReclusterMonitor run = session.reclusterProperty().get();
            if (run != null) {
                run.close();
            }
            model.close();
        });
        ui.close();
        service.close();
    }

    @Test
    void listsOnlyTheDeploymentsRunningReadyPodsWithTheImageItRuns() {
        connect(Environment.PREPROD);

        assertThat(ui.get(() -> model.pods().stream().map(PodInfo::name).toList())).containsExactly(POD, OTHER_POD);
        assertThat(ui.get(() -> model.deploymentImageProperty().get())).isEqualTo(SimulatedCluster.IMAGE);
        assertThat(ui.get(() -> model.namespaceProperty().get())).isEqualTo("hmpps-person-record-preprod");
        assertThat(cluster.calls()).filteredOn(c -> c.contains("pods"))
                .allSatisfy(c -> assertThat(c).containsSubsequence("--context", CONTEXT)
                        .containsSubsequence("-n", "hmpps-person-record-preprod").containsSubsequence("-l", "app=hmpps-person-record"));
    }

    @Test
    void aKubectlThatCannotBeStartedIsNamedWithWhatToDo() {
        ui.call(() -> {
            model.kubectlPathProperty().set(dir.resolve("no-such-kubectl").toString());
            model.loadContexts();
        });

        Message m = ui.get(() -> model.kubeMessageProperty().get());
        assertThat(m.kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(m.text()).startsWith("kubectl could not be started from " + dir.resolve("no-such-kubectl"))
                .contains("give the full path to it");
        assertThat(ui.get(() -> model.busyProperty().get())).isFalse();
    }

    @Test
    void anExpiredLoginIsShownInTheCoresWords() throws Exception {
        ui.call(() -> {
            session.environmentProperty().set(Environment.PREPROD);
            model.enter();
            model.contextProperty().set(CONTEXT);
        });
        cluster.failAs("expired");

        ui.call(model::findPods);

        Message m = ui.get(() -> model.kubeMessageProperty().get());
        assertThat(m.kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(m.text()).contains("has expired or is not valid").contains("You must be logged in to the server");
        assertThat(ui.get(() -> model.pods().isEmpty())).isTrue();
    }

    @Test
    void inProductionNothingIsSentUntilTheNamespaceIsTyped() throws Exception {
        export(10);
        connect(Environment.PROD);
        assertThat(ui.get(() -> model.namespaceProperty().get())).isEqualTo(PROD_NAMESPACE);
        forwardTo(POD);
        dialogs.confirmAnswer = true;
        dialogs.askAnswer = "hmpps-person-record-preprod";

        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });

        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send 10 records to pod " + POD + "?")
                && q.contains("Environment: PROD") && q.contains("Records: 10 in 3 batches of up to 4")
                // 10 records at 3 minutes per 500: 3.6 s, said before anything is sent.
                && q.contains("Time: about 4 s at 3 min per 500 records, as seen in dev"));
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Confirm the production namespace")
                && q.contains("Type the namespace, " + PROD_NAMESPACE));
        assertThat(ui.get(() -> model.sendMessageProperty().get().text()))
                .isEqualTo("Nothing was sent: \u201chmpps-person-record-preprod\u201d is not the namespace " + PROD_NAMESPACE + ".");
        assertThat(session.reclusterProperty().get()).isNull();
        assertThat(service.reclusterRequests()).isZero();

        dialogs.askAnswer = PROD_NAMESPACE;
        ui.call(model::send);

        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        assertThat(run).isNotNull();
        assertThat(ui.get(() -> model.validProperty().get())).isTrue();
        ui.await(() -> !run.activeProperty().get());
        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(ui.get(() -> run.notFoundIds().stream().toList())).containsExactly("A3");
        assertThat(ui.get(() -> run.skippedMergedProperty().get())).isEqualTo(2);
        assertThat(service.reclusterRequests()).isEqualTo(3);

        // The same file is not sent a second time from this window.
        ui.call(model::send);
        assertThat(ui.get(() -> model.sendMessageProperty().get().text())).startsWith("A recluster run has already been started");
        assertThat(service.reclusterRequests()).isEqualTo(3);
    }

    @Test
    void aFileThatChangedSinceItWasExportedIsNotSent() throws Exception {
        Path file = export(10);
        connect(Environment.PREPROD);
        forwardTo(POD);
        Files.writeString(file, Files.readString(file).replace("\"A1\"", "\"A9\""));
        dialogs.confirmAnswer = true;

        ui.call(model::send);

        assertThat(ui.get(() -> model.sendMessageProperty().get().text())).contains("has changed since it was exported")
                .contains("Nothing was sent");
        assertThat(dialogs.asked).noneMatch(q -> q.startsWith("Send "));
        assertThat(session.reclusterProperty().get()).isNull();
        assertThat(service.reclusterRequests()).isZero();
    }

    @Test
    void stoppingSendsNoFurtherBatchAndSaysWhichRecordsWereNotSent() throws Exception {
        export(10);
        service.perRecord(Duration.ofMillis(150));
        connect(Environment.PREPROD);
        forwardTo(POD);
        dialogs.confirmAnswer = true;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> run.rows().size() == 1);

        ui.call(run::stop);
        assertThat(ui.get(() -> run.stateProperty().get())).isEqualTo(ReclusterMonitor.RunState.STOPPING);
        ui.await(() -> !run.activeProperty().get());

        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.STOPPED);
        assertThat(ui.get(() -> run.messageProperty().get().text()))
                .isEqualTo("Stopped, as asked, after 1 of 3 batches. Records from #5 of 10 in the file are not known to be done.");
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    @Test
    void pauseHoldsTheNextBatchUntilResumed() throws Exception {
        export(10);
        service.perRecord(Duration.ofMillis(50));
        connect(Environment.PREPROD);
        forwardTo(POD);
        dialogs.confirmAnswer = true;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> run.rows().size() == 1);

        ui.call(run::pause);
        ui.await(() -> run.rows().get(0).statusProperty().get().equals("complete"));
        Thread.sleep(500);
        assertThat(service.reclusterRequests()).isEqualTo(1);
        assertThat(ui.get(() -> run.stateProperty().get())).isEqualTo(ReclusterMonitor.RunState.PAUSED);
        assertThat(ui.get(() -> run.messageProperty().get().text())).startsWith("Paused: no further batch is sent");

        ui.call(run::resume);
        ui.await(() -> !run.activeProperty().get());
        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(service.reclusterRequests()).isEqualTo(3);
    }

    @Test
    void aRejectedBatchEndsTheRunWithTheServicesStatusAndBody() throws Exception {
        export(10);
        service.answerNext(500, "{\"status\":500,\"userMessage\":\"boom\"}");
        Message m = sendAndFinish(ReclusterRun.Ending.REJECTED);

        assertThat(m.kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(m.text()).startsWith("REJECTED: batch 1 was rejected with HTTP 500: {\"status\":500,\"userMessage\":\"boom\"}")
                .contains("nothing is re-sent automatically").contains("Records from #1 of 10");
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    @Test
    void anAnswerThatNeverCameIsAnUnknownOutcomeAndNothingIsResent() throws Exception {
        export(10);
        service.dropAfterBody(true);
        Message m = sendAndFinish(ReclusterRun.Ending.OUTCOME_UNKNOWN);

        assertThat(m.kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(m.text()).startsWith("OUTCOME UNKNOWN: check the pod's log before deciding; nothing is re-sent automatically.")
                .contains("It stopped in batch 1 of 3");
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    private Message sendAndFinish(ReclusterRun.Ending expected) {
        connect(Environment.PREPROD);
        forwardTo(POD);
        dialogs.confirmAnswer = true;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> !run.activeProperty().get());
        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(expected);
        return ui.get(() -> run.messageProperty().get());
    }

    @Test
    void aPodThatDiesMidRunIsSaidLoudlyWithTheBatchAndItemItReached() throws Exception {
        export(10);
        service.perRecord(Duration.ofMillis(50)).dieAfterItems(6);
        connect(Environment.PREPROD);
        forwardTo(POD);
        dialogs.confirmAnswer = true;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        // The pod's work stops; then the pod itself goes, and its log with it.
        ui.await(() -> run.rows().size() == 1 && run.rows().get(0).statusProperty().get().startsWith("recluster 2/"));
        Thread.sleep(300);
        cluster.removePod(POD);
        ui.await(() -> !run.activeProperty().get());

        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.LOG_ENDED);
        Message m = ui.get(() -> run.messageProperty().get());
        assertThat(m.kind()).isEqualTo(Message.Kind.ERROR);
        // Recluster item 2 started proves item 1 done, not item 2: the rest is offered to the other Ready pod.
        assertThat(m.text()).startsWith("POD " + POD + " DIED in batch 1 of 3, at recluster item 2/4.")
                .contains("Its log proves records #1 NOMIS/A1 to #1 NOMIS/A1 done; they are not sent again")
                .contains("Left: 3 records of batch 1 and 2 batches after it (9 records)");
        assertThat(ui.get(() -> run.offerPods().stream().toList())).containsExactly(OTHER_POD);
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    private void connect(Environment environment) {
        ui.call(() -> {
            session.environmentProperty().set(environment);
            model.enter();
        });
        assertThat(ui.get(() -> model.contexts().stream().toList())).contains(CONTEXT);
        ui.call(() -> {
            model.contextProperty().set(CONTEXT);
            model.findPods();
        });
        assertThat(ui.get(() -> model.kubeMessageProperty().get().kind())).isEqualTo(Message.Kind.OK);
    }

    private void forwardTo(String pod) {
        ui.call(() -> {
            model.selectedPodProperty().set(model.pods().stream().filter(p -> p.name().equals(pod)).findFirst().orElseThrow());
            model.startForward();
        });
        ui.await(() -> model.forwardUpProperty().get());
        assertThat(ui.get(() -> model.forwardMessageProperty().get().text())).contains("GET /health answers UP");
    }

    private Path export(int records) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= records; i++) {
            json.append(i == 1 ? "" : ",").append("{\"person_uuid\":null,\"source_system\":\"NOMIS\",\"source_system_id\":\"A")
                    .append(i).append("\"}");
        }
        Path file = Files.writeString(dir.resolve("affected-records.json"), json.append("]\n"));
        ExportResult r = new ExportResult(file, records, Files.size(file), Sha256.of(file), Duration.ZERO);
        ui.call(() -> session.exportProperty().set(r));
        return file;
    }
}
