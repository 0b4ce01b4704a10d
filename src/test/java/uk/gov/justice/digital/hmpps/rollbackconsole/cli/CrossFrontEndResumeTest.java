package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;

/**
 * The scenario: a file reviewed offline, sent from the window's Send step (1,500 records, 3 batches), the
 * console killed with {@code kill -9} half-way through batch 2; then the command line with the same file refuses and
 * prints --resume, and --resume finishes: every record reclustered once, and one journal that tells it all.
 */
class CrossFrontEndResumeTest {

    private static final String POD = ResumeAfterKillTest.POD;
    private static final int RECORDS = 1_500;

    @TempDir
    Path dir;
    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private Process window;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(2));
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment().servicePod(POD)
                .forwardTo(service.port()).podLog(POD, service.logFile());
    }

    @AfterEach
    void stop() {
        if (window != null) {
            window.destroyForcibly();
        }
        new uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger(
                incidents().resolveSibling(incidents().getFileName() + "-processes")).endLeftovers();
        service.close();
    }

    private Path incidents() {
        return dir.resolve("incidents");
    }

    private int cli(String... args) {
        out.reset();
        err.reset();
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private long logLines(String fragment) {
        try {
            return Files.readAllLines(service.logFile()).stream().filter(l -> l.contains(fragment)).count();
        } catch (Exception e) {
            return 0;
        }
    }

    @Test
    void theWindowsSendKilledInBatch2IsRefusedToTheCommandLineAndCarriedOnByItEveryRecordOnce() throws Exception {
        Path file = ResumeAfterKillTest.records(dir, RECORDS);
        Path output = dir.resolve("window.out");
        window = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"),
                "uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.WindowSendProcess", incidents().toString(),
                file.toString(), cluster.executable().toString(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE,
                POD, "500").redirectErrorStream(true).redirectOutput(output.toFile()).start();
        ResumeAfterKillTest.await(() -> logLines("Processing Recluster Person Records, item: 250/500") == 2,
                "half-way through batch 2");
        ResumeAfterKillTest.kill9(window);
        assertThat(Files.readString(output)).contains("SENDING");
        Path incident;
        try (var folders = Files.list(incidents())) {
            incident = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(Files.readString(incident.resolve("journal.jsonl"))).contains("\"type\":\"send_started\"")
                .contains("\"origin\":\"REVIEW\"").doesNotContain("\"type\":\"log_milestone\",\"batch\":2");

        int again = cli("recluster", "--context", SimulatedCluster.CONTEXT, "--namespace", SimulatedCluster.NAMESPACE,
                "--file", file.toString(), "--kubectl", cluster.executable().toString(), "--incidents",
                incidents().toString());
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was already sent in the incident " + incident)
                .contains("Nothing was sent").contains("rollback-console recluster --resume " + incident);
        assertThat(service.reclusterRequests()).isEqualTo(2);

        int code = cli("recluster", "--resume", incident.toString(), "--context", SimulatedCluster.CONTEXT,
                "--kubectl", cluster.executable().toString(), "--incidents", incidents().toString(),
                "--taken-within", "3");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Ended ").contains("kubectl process(es) an earlier run left running")
                .contains("Batch 2: pod " + POD + "'s log shows batch 2's run complete")
                .contains("Not sent again: batches 1, 2").contains("COMPLETE: 1 batches complete, 500 records processed");

        Map<String, Integer> done = service.reclustered();
        for (int i = 1; i <= RECORDS; i++) {
            assertThat(done.get("A" + i)).as("A" + i).isEqualTo(1);
        }
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(service.sentWhileAnotherRan()).isZero();

        // One journal, both front ends: the window's send, its batches, the kill, the log's word, the command line's.
        IncidentState state = new IncidentStore(incidents(), Clock.systemUTC()).open(incident);
        assertThat(state.sendFinished()).isTrue();
        List<String> story = new ArrayList<>();
        for (JournalLine line : state.lines()) {
            JournalEntry e = line.entry();
            if (e instanceof JournalEntry.SendStarted s) {
                story.add("send " + s.origin() + " " + s.records() + "/" + s.batches());
            } else if (e instanceof JournalEntry.BatchSending s) {
                story.add("sending " + s.index());
            } else if (e instanceof JournalEntry.LogMilestone m) {
                story.add("complete " + m.batchIndex());
            } else if (e instanceof JournalEntry.Resumed) {
                story.add("resumed");
            } else if (e instanceof JournalEntry.SettledFromLog s) {
                story.add("log " + s.batchIndex() + " " + s.found());
            }
        }
        assertThat(story).containsExactly("send REVIEW 1500/3", "sending 1", "complete 1", "sending 2", "resumed",
                "log 2 COMPLETE", "send REVIEW 1500/3", "sending 3", "complete 3");
        assertThat(state.runs()).extracting(JournalEntry.RunCounted::batchIndex).containsExactly(1, 2, 3);
    }

    @Test
    void theWindowsSendOfAnExportKilledAfterBatch2LoggedCompleteIsCarriedOnByTheCommandLineEveryRecordOnce()
            throws Exception {
        Path file = ResumeAfterKillTest.records(dir, 90);
        service.perRecord(Duration.ofMillis(5)).beforeComplete(run -> {
            if (run == 2) {
                // Complete. is logged after this: the console is gone before it could journal it.
                ResumeAfterKillTest.kill9(window);
            }
        });
        window = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"),
                "uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.WindowSendProcess", incidents().toString(),
                file.toString(), cluster.executable().toString(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE,
                POD, "30", "EXPORT").redirectErrorStream(true).redirectOutput(dir.resolve("window.out").toFile()).start();
        assertThat(window.waitFor(120, TimeUnit.SECONDS)).isTrue();
        ResumeAfterKillTest.await(() -> logLines("ADMIN RECLUSTER:  Complete.") == 2, "batch 2's Complete logged");
        Path incident;
        try (var folders = Files.list(incidents())) {
            incident = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }

        assertThat(cli("recluster", "--context", SimulatedCluster.CONTEXT, "--namespace", SimulatedCluster.NAMESPACE,
                "--file", file.toString(), "--batch-size", "30", "--kubectl", cluster.executable().toString(),
                "--incidents", incidents().toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("rollback-console recluster --resume " + incident);
        int code = cli("recluster", "--resume", incident.toString(), "--context", SimulatedCluster.CONTEXT,
                "--kubectl", cluster.executable().toString(), "--incidents", incidents().toString(),
                "--taken-within", "3");
        assertThat(code).as(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).isZero();

        Map<String, Integer> done = service.reclustered();
        for (int i = 1; i <= 90; i++) {
            assertThat(done.get("A" + i)).as("A" + i).isEqualTo(1);
        }
        IncidentState state = new IncidentStore(incidents(), Clock.systemUTC()).open(incident);
        assertThat(state.sends()).extracting(JournalEntry.SendStarted::origin).containsOnly("EXPORT");
        assertThat(state.lines()).extracting(JournalLine::entry).filteredOn(JournalEntry.SettledFromLog.class::isInstance)
                .extracting(e -> ((JournalEntry.SettledFromLog) e).found()).containsExactly("COMPLETE");
        assertThat(state.sendFinished()).isTrue();
    }
}
