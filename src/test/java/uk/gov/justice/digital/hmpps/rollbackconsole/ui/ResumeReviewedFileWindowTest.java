package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.cli.ResumeAfterKillTestAccess;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * A file reviewed offline, sent from the window's Send step in a console killed with {@code kill -9} half-way
 * through batch 2, carried on in a new window: it lands on the Send step with no replica connection, the file's
 * SHA-256 checked again, and on Send the pod's log settles batch 2 before anything goes; only batch 3 is sent.
 */
class ResumeReviewedFileWindowTest extends ConsoleWindowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final int RECORDS = 60;

    private SimulatedPersonRecordService service;
    private Process killed;

    @AfterEach
    void stopService() {
        if (killed != null) {
            killed.destroyForcibly();
        }
        // The killed console's port-forward and log follow: ended as the next console's start ends them.
        new uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger(
                incidents.resolveSibling(incidents.getFileName() + "-processes")).endLeftovers();
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aReviewedFilesIncidentCarriesOnAtTheSendStepAndTheLogSettlesTheBatchTheKilledConsoleNeverSawEnd(FxRobot robot)
            throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(40));
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment().servicePod(POD)
                .forwardTo(service.port()).podLog(POD, service.logFile());
        Path file = ResumeAfterKillTestAccess.records(dir, RECORDS);
        killed = ResumeAfterKillTestAccess.windowSend(dir, incidents, file, cluster, POD, "20");
        ResumeAfterKillTestAccess.await(() -> logLines("Processing Recluster Person Records, item: 10/20") == 2,
                "half-way through batch 2");
        ResumeAfterKillTestAccess.kill9(killed);
        Path folder;
        try (var folders = Files.list(incidents)) {
            folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        dialogs.confirmAnswer = true;
        robot.interact(() -> console.resume(folder));
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 4);
        assertThat(console.session().replicaProperty().get()).as("no replica connection").isNull();
        assertThat(console.session().reviewedFileProperty().get().file()).isEqualTo(file);
        assertThat(text(robot, "#send-message")).contains("Carrying on incident " + folder.getFileName())
                .contains("Batch 2 was sent but never seen complete: when you press Send, its pod's log is read first");
        assertThat(text(robot, "#batch-size")).isEqualTo("20");
        scrollIntoView(robot, robot.lookup("#send-message").query());
        screenshot("67-resumed-reviewed-file-send");

        forwardToTheFirstPod(robot, cluster, 1);
        robot.interact(() -> robot.lookup("#send").queryButton().fire());
        waitUntil(() -> text(robot, "#send-message").contains("Batch 2: pod " + POD + "'s log shows batch 2's run"
                + " complete"));
        assertThat(service.reclusterRequests()).as("nothing sent while the log was read").isEqualTo(2);
        scrollIntoView(robot, robot.lookup("#send-message").query());
        screenshot("68-batch-settled-from-the-log");

        robot.interact(() -> robot.lookup("#send").queryButton().fire());
        try {
            waitUntil(() -> dialogs.asked.stream().anyMatch(q -> q.startsWith("Send ")));
        } catch (AssertionError e) {
            throw new AssertionError("the Send step says: " + text(robot, "#send-message"), e);
        }
        assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).contains("only batches 3 of 3 are sent"));
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5
                && text(robot, "#progress-message").contains("Complete"));

        Map<String, Integer> done = service.reclustered();
        for (int i = 1; i <= RECORDS; i++) {
            assertThat(done.get("A" + i)).as("A" + i).isEqualTo(1);
        }
        console.session().incident().orElseThrow().flush();
        IncidentState state = new IncidentStore(incidents, Clock.systemUTC()).open(folder);
        assertThat(state.lines()).extracting(l -> l.entry()).filteredOn(JournalEntry.SettledFromLog.class::isInstance)
                .extracting(e -> ((JournalEntry.SettledFromLog) e).found()).containsExactly("COMPLETE");
        assertThat(state.sends()).extracting(JournalEntry.SendStarted::origin).containsOnly("REVIEW");
        assertThat(state.sendFinished()).isTrue();
    }

    private long logLines(String fragment) {
        try {
            return Files.readAllLines(service.logFile()).stream().filter(l -> l.contains(fragment)).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
