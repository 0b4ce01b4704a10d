package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentBatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ResendOffer;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/**
 * A run carried on after it ended part way: to another pod after its pod died, after a decision about a batch of
 * unknown outcome, and from an incident's journal. Two pods, each forwarded to its own fake service, and a real
 * incident journal on disk.
 */
class ReclusterContinuationTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final String OTHER_POD = "hmpps-person-record-5d8f7c9b4-fghij";

    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final OneUiThread ui = new OneUiThread();
    private IncidentRecorder incident;
    private WizardSession session;
    private SimulatedPersonRecordService first;
    private SimulatedPersonRecordService second;
    private SimulatedCluster cluster;
    private SettingsStore settings;
    private ReclusterStepViewModel model;
    private final List<ReclusterStepViewModel> models = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        first = SimulatedPersonRecordService.start(dir.resolve("pod-1.log")).notFound("A3").merged("A7");
        second = SimulatedPersonRecordService.start(dir.resolve("pod-2.log")).notFound("A3").merged("A7");
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment().servicePod(POD).servicePod(OTHER_POD)
                .forwardTo(POD, first.port()).forwardTo(OTHER_POD, second.port())
                .podLog(POD, first.logFile()).podLog(OTHER_POD, second.logFile());
        settings = new SettingsStore(dir.resolve("settings.properties"));
        // A refused or unanswered batch is settled by the log within seconds, not the 20 s of a real pod.
        settings.put(ReclusterStepViewModel.RUN_TAKEN_WITHIN, "3");
        settings.put(ReclusterStepViewModel.KUBECTL_PATH, cluster.executable().toString());
        incident = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"), Clock.systemUTC()), "test",
                problem -> { });
        incident.start(Environment.PREPROD);
        session = new WizardSession(incident);
        model = newModel(session);
    }

    private ReclusterStepViewModel newModel(WizardSession s) {
        ReclusterStepViewModel[] m = new ReclusterStepViewModel[1];
        Optional<BatchJournal> journal = Optional.of(new IncidentBatchJournal(incident,
                () -> m[0].namespaceProperty().get()));
        m[0] = ui.get(() -> new ReclusterStepViewModel(s, ui, dialogs, settings, Clock.systemUTC(), journal));
        models.add(m[0]);
        return m[0];
    }

    @AfterEach
    void tearDown() {
        ui.call(() -> {
            ReclusterMonitor run = session.reclusterProperty().get();
            if (run != null) {
                run.close();
            }
            models.forEach(ReclusterStepViewModel::close);
        });
        ui.close();
        first.close();
        second.close();
        incident.close();
    }

    @Test
    void theRestOfABatchWhosePodDiedGoesToAnotherPodAndEveryRecordIsReclusteredExactlyOnce() throws Exception {
        export(10);
        // Pod 1 dies on recluster item 2 of batch 1: item 1 is proven done by the log, item 2 is not.
        first.perRecord(Duration.ofMillis(50)).dieAfterItems(6);
        connect();
        forwardTo(model, POD);
        dialogs.confirmAnswer = true;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> run.rows().size() == 1 && run.rows().get(0).statusProperty().get().startsWith("recluster 2/"));
        cluster.removePod(POD);
        ui.await(() -> !run.activeProperty().get() && !run.offerPods().isEmpty());

        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.LOG_ENDED);
        ResendOffer offer = ui.get(() -> run.offerProperty().get());
        assertThat(offer.provenDone()).isEqualTo(1);
        assertThat(offer.restRecords()).isEqualTo(3);
        assertThat(offer.laterBatches()).isEqualTo(2);
        assertThat(offer.records()).isEqualTo(9);
        assertThat(ui.get(() -> run.offerPods().stream().toList())).containsExactly(OTHER_POD);
        assertThat(ui.get(() -> run.offerPodProperty().get())).isEqualTo(OTHER_POD);
        assertThat(ui.get(() -> run.messageProperty().get().text())).startsWith("POD " + POD + " DIED in batch 1 of 3, at recluster item 2/4.")
                .contains("Its log proves records #1 NOMIS/A1 to #1 NOMIS/A1 done")
                .contains("Left: 3 records of batch 1 and 2 batches after it (9 records)");

        ui.call(run::resendRest);
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send the rest, 9 records, to pod " + OTHER_POD + "?")
                && q.contains("the rest of batch 1, 3 records (#2 NOMIS/A2 to #4 NOMIS/A4), then batches 2 to 3 (6 records)")
                && q.contains("In all: 9 records in 3 requests."));
        ui.await(() -> run.plan().pod().equals(OTHER_POD) && !run.activeProperty().get());

        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.COMPLETE);
        // Every record reclustered exactly once, counting both pods; the one pod 1 died on went to pod 2.
        Map<String, Integer> overall = new HashMap<>(first.reclustered());
        second.reclustered().forEach((id, n) -> overall.merge(id, n, Integer::sum));
        Map<String, Integer> once = new HashMap<>();
        for (int i = 1; i <= 10; i++) {
            once.put("A" + i, 1);
        }
        assertThat(overall).isEqualTo(once);
        assertThat(first.reclustered()).containsOnlyKeys("A1");
        // No request went twice: pod 1 had batch 1; pod 2 the rest of it, then batches 2 and 3.
        assertThat(first.reclusterRequests()).isEqualTo(1);
        assertThat(second.reclusterRequests()).isEqualTo(3);
        assertThat(ids(second.acceptedBodies())).containsExactly(List.of("A2", "A3", "A4"), List.of("A5", "A6", "A7", "A8"),
                List.of("A9", "A10"));
        // The port-forward and the log followed are the new pod's.
        assertThat(cluster.calls()).anyMatch(c -> c.contains("port-forward") && c.contains("pod/" + OTHER_POD));
        assertThat(cluster.calls()).anyMatch(c -> c.contains("logs") && c.contains("pod/" + OTHER_POD));
        assertThat(ui.get(() -> run.rows().get(0).statusProperty().get()))
                .isEqualTo("pod died; 1 done");
        assertThat(ui.get(() -> run.messageProperty().get().text())).startsWith("Complete: all 3 batches, 10 records, "
                + "were upserted and reclustered on pods " + POD + " and " + OTHER_POD + ".");
        assertThat(ui.get(() -> run.batchesCompleteProperty().get())).isEqualTo(3);
        assertThat(ui.get(() -> run.overallProperty().get())).isEqualTo(1.0);

        // The journal has the decision, then the new pod, then the resent part, before its answer.
        IncidentState state = incident.state();
        List<JournalEntry> entries = state.lines().stream().map(JournalLine::entry).toList();
        int decision = indexOf(entries, e -> e instanceof JournalEntry.Decision d && d.kind() == DecisionKind.RESEND_BATCH
                && d.batchIndex() == 1 && d.text().contains("Sending to pod " + OTHER_POD));
        int pod = indexOf(entries, e -> e instanceof JournalEntry.PodChosen p && p.pod().equals(OTHER_POD));
        int resent = indexOf(entries, e -> e.equals(new JournalEntry.BatchSending(1, nomis("A2"), nomis("A4"), 3)));
        int answered = entries.lastIndexOf(new JournalEntry.BatchAnswered(1, 200, "accepted"));
        assertThat(decision).isNotNegative().isLessThan(pod);
        assertThat(pod).isLessThan(resent);
        assertThat(resent).isLessThan(answered);
        assertThat(state.sent()).hasSize(3);
        // The id the service could not find is in the journal itself, not only counted.
        assertThat(state.notFoundIds()).containsExactly("A3");
        assertThat(entries).contains(new JournalEntry.NotFoundIds(1, List.of("A3")));
    }

    @Test
    void aBatchOfUnknownOutcomeIsSentAgainWhenTheUserSaysResend() throws Exception {
        runIntoAnUnknownOutcome("Resend");

        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> run.endingProperty().get() == ReclusterRun.Ending.COMPLETE);
        // Batch 1, batch 2 (answer lost), batch 2 again, batch 3.
        assertThat(first.reclusterRequests()).isEqualTo(4);
        assertThat(ids(first.acceptedBodies())).containsExactly(List.of("A1", "A2", "A3", "A4"),
                List.of("A5", "A6", "A7", "A8"), List.of("A9", "A10"));
        assertThat(decisions()).containsExactly(DecisionKind.RESEND_BATCH);
    }

    @Test
    void aBatchOfUnknownOutcomeIsTreatedAsDoneWhenTheUserSaysSkip() throws Exception {
        runIntoAnUnknownOutcome("Skip");

        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> run.endingProperty().get() == ReclusterRun.Ending.COMPLETE);
        assertThat(first.reclusterRequests()).isEqualTo(3);
        assertThat(ids(first.acceptedBodies())).containsExactly(List.of("A1", "A2", "A3", "A4"), List.of("A9", "A10"));
        assertThat(ui.get(() -> run.rows().get(1).statusProperty().get())).isEqualTo("treated as done");
        assertThat(ui.get(() -> run.overallProperty().get())).isEqualTo(1.0);
        assertThat(decisions()).containsExactly(DecisionKind.SKIP_BATCH);
    }

    @Test
    void nothingMoreIsSentWhenTheUserSaysStop() throws Exception {
        runIntoAnUnknownOutcome("Stop");

        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        Thread.sleep(500);
        assertThat(first.reclusterRequests()).isEqualTo(2);
        assertThat(ui.get(() -> run.activeProperty().get())).isFalse();
        assertThat(ui.get(() -> run.messageProperty().get().text())).startsWith("Stopped, as decided, at batch 2 of 3");
        assertThat(decisions()).containsExactly(DecisionKind.STOP);
    }

    /** Sends 10 records in batches of 4; the answer to batch 2 never comes; the user answers the question. */
    private void runIntoAnUnknownOutcome(String answer) throws Exception {
        export(10);
        first.dropAfterBodyOf(2);
        connect();
        forwardTo(model, POD);
        dialogs.confirmAnswer = true;
        dialogs.chooseAnswer = answer;
        ui.call(() -> {
            model.batchSizeProperty().set("4");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> dialogs.asked.stream().anyMatch(q -> q.startsWith("Batch 2: outcome unknown")));
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Batch 2: outcome unknown: Batch 2 (4 records, #5 NOMIS/A5 to"
                + " #8 NOMIS/A8) was sent to pod " + POD + ", and no answer came")
                && q.endsWith("[Resend batch 2, Skip batch 2, Stop]"));
        ui.await(() -> run.undecidedProperty().get() == null);
    }

    @Test
    void anIncidentCutOffMidRunIsCarriedOnWithOnlyTheBatchesNeverSentAndTheOneDecidedOn() throws Exception {
        IncidentState state = cutOffIncident();
        assertThat(state.sent()).extracting(b -> b.index()).containsExactly(1, 2);
        assertThat(state.outcomeUnknown()).extracting(b -> b.index()).containsExactly(3);
        assertThat(state.batch(4).orElseThrow().outcome()).isEqualTo(BatchOutcome.NOT_SENT);
        int before = first.reclusterRequests();

        // As after a restart: a window with nothing sent from it, and the incident's journal open.
        WizardSession resumed = new WizardSession(incident);
        session = resumed;
        ReclusterStepViewModel again = newModel(resumed);
        dialogs.chooseAnswer = "Resend";
        // As the start screen hands a resumed incident to the Send step: its journal refuses batches until then.
        assertThat(ui.get(() -> resumed.resumeSend(state))).isPresent();
        assertThat(incident.batchesRefused()).isPresent();
        assertThat(ui.get(() -> again.continueIncident(state))).isTrue();
        assertThat(incident.batchesRefused()).isEmpty();
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Batch 3: outcome unknown: The journal records batch 3 "
                + "(3 records, NOMIS/A7 to NOMIS/A9) as sent to pod " + POD + " with no answer"));
        assertThat(incident.state().decisions()).anyMatch(d -> d.kind() == DecisionKind.RESEND_BATCH && d.batchIndex() == 3);
        connect(again);
        forwardTo(again, POD);
        ui.call(again::send);

        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Send 6 records to pod " + POD + "?")
                && q.contains("only batches 3, 4 of 4 are sent; batches 1, 2 were sent before and are not sent again."));
        ReclusterMonitor run = ui.get(() -> resumed.reclusterProperty().get());
        ui.await(() -> run != null && !run.activeProperty().get());
        assertThat(ui.get(() -> run.endingProperty().get())).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(first.reclusterRequests() - before).isEqualTo(2);
        List<List<String>> bodies = ids(first.acceptedBodies());
        assertThat(bodies.subList(2, bodies.size())).containsExactly(List.of("A7", "A8", "A9"), List.of("A10", "A11", "A12"));
        assertThat(ui.get(() -> run.batchesCompleteProperty().get())).isEqualTo(4);
        assertThat(incident.state().sent()).extracting(b -> b.index()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aBatchOfUnknownOutcomeSkippedWhenCarryingOnIsNeverSent() throws Exception {
        IncidentState state = cutOffIncident();
        int before = first.reclusterRequests();
        WizardSession resumed = new WizardSession(incident);
        session = resumed;
        ReclusterStepViewModel again = newModel(resumed);
        dialogs.chooseAnswer = "Skip";

        assertThat(ui.get(() -> again.continueIncident(state))).isTrue();
        connect(again);
        forwardTo(again, POD);
        ui.call(again::send);
        ReclusterMonitor run = ui.get(() -> resumed.reclusterProperty().get());
        ui.await(() -> run != null && !run.activeProperty().get());

        assertThat(first.reclusterRequests() - before).isEqualTo(1);
        List<List<String>> bodies = ids(first.acceptedBodies());
        assertThat(bodies.get(bodies.size() - 1)).containsExactly("A10", "A11", "A12");
        assertThat(incident.state().decisions()).anyMatch(d -> d.kind() == DecisionKind.SKIP_BATCH && d.batchIndex() == 3);
    }

    @Test
    void carryingOnStopsBeforeSendingAnythingWhenTheUserSaysStop() throws Exception {
        IncidentState state = cutOffIncident();
        int before = first.reclusterRequests();
        WizardSession resumed = new WizardSession(incident);
        session = resumed;
        ReclusterStepViewModel again = newModel(resumed);
        dialogs.chooseAnswer = "Stop";
        ui.call(() -> resumed.resumeSend(state));

        assertThat(ui.get(() -> again.continueIncident(state))).isFalse();
        assertThat(incident.batchesRefused()).isPresent();

        assertThat(ui.get(() -> again.sendMessageProperty().get().text())).startsWith("Stopped, as decided: nothing is sent.");
        assertThat(first.reclusterRequests()).isEqualTo(before);
        assertThat(incident.state().decisions()).anyMatch(d -> d.kind() == DecisionKind.STOP && d.batchIndex() == 3);
    }

    /** 12 records in 4 batches of 3: batches 1 and 2 complete, batch 3's answer lost, batch 4 never sent. */
    private IncidentState cutOffIncident() throws Exception {
        Path file = export(12);
        ui.call(() -> session.record(new JournalEntry.Exported(file, sha(file), 12)));
        first.dropAfterBodyOf(3);
        connect();
        forwardTo(model, POD);
        dialogs.confirmAnswer = true;
        dialogs.chooseAnswer = null;
        ui.call(() -> {
            model.batchSizeProperty().set("3");
            model.send();
        });
        ReclusterMonitor run = ui.get(() -> session.reclusterProperty().get());
        ui.await(() -> !run.activeProperty().get() && run.undecidedProperty().get() != null);
        // The question was closed unanswered, and the console went away.
        ui.call(() -> {
            run.close();
            model.close();
        });
        assertThat(first.reclusterRequests()).isEqualTo(3);
        return incident.state();
    }

    private List<DecisionKind> decisions() throws Exception {
        return incident.state().decisions().stream().map(JournalEntry.Decision::kind).toList();
    }

    private static int indexOf(List<JournalEntry> entries, java.util.function.Predicate<JournalEntry> p) {
        for (int i = 0; i < entries.size(); i++) {
            if (p.test(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static RecordKey nomis(String id) {
        return new RecordKey(SourceSystem.NOMIS, id);
    }

    private static List<List<String>> ids(List<JsonNode> bodies) {
        List<List<String>> all = new ArrayList<>();
        for (JsonNode body : bodies) {
            List<String> ids = new ArrayList<>();
            body.forEach(r -> ids.add(r.get("source_system_id").asText()));
            all.add(ids);
        }
        return all;
    }

    private void connect() {
        connect(model);
    }

    private void connect(ReclusterStepViewModel m) {
        ui.call(() -> {
            session.environmentProperty().set(Environment.PREPROD);
            m.enter();
        });
        assertThat(ui.get(() -> m.contexts().stream().toList())).contains(CONTEXT);
        ui.call(() -> {
            m.contextProperty().set(CONTEXT);
            m.findPods();
        });
        assertThat(ui.get(() -> m.kubeMessageProperty().get().kind())).isEqualTo(Message.Kind.OK);
    }

    private void forwardTo(ReclusterStepViewModel m, String pod) {
        ui.call(() -> {
            m.selectedPodProperty().set(m.pods().stream().filter(p -> p.name().equals(pod)).findFirst().orElseThrow());
            m.startForward();
        });
        ui.await(() -> m.forwardUpProperty().get());
    }

    private static String sha(Path file) {
        try {
            return Sha256.of(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
