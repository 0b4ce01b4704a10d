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
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService.Fault;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService.FaultKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * The console's command line as a real process, killed with {@code kill -9} at each point of a run, then carried on
 * with {@code recluster --resume}: every record reclustered exactly once, the pod's log settling what the journal
 * never saw, and a second {@code --file} of the same file refused with the --resume command.
 */
class ResumeAfterKillTest {

    static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    static final int RECORDS = 30;

    @TempDir
    Path dir;
    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private Process console;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(25));
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment().servicePod(POD)
                .forwardTo(service.port()).podLog(POD, service.logFile());
    }

    @AfterEach
    void stop() {
        if (console != null) {
            console.destroyForcibly();
        }
        new uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger(
                incidents().resolveSibling(incidents().getFileName() + "-processes")).endLeftovers();
        service.close();
    }

    static Path records(Path dir, int n) throws Exception {
        Path file = dir.resolve("affected-records.json");
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 1; i <= n; i++) {
            json.append(i == 1 ? "" : ",\n").append("{\"person_uuid\":null,\"source_system\":\"NOMIS\",\"source_system_id\":\"A")
                    .append(i).append("\"}");
        }
        Files.writeString(file, json.append("\n]\n"));
        return file;
    }

    /** The console's command line as its own JVM, started as a user starts it. */
    private Process startConsole(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "uk.gov.justice.digital.hmpps.rollbackconsole.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("console-" + System.nanoTime() + ".out").toFile()).start();
    }

    private Process sendInAnotherProcess(Path file, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("recluster", "--context", SimulatedCluster.CONTEXT, "--namespace",
                SimulatedCluster.NAMESPACE, "--file", file.toString(), "--batch-size", "10", "--kubectl",
                cluster.executable().toString(), "--incidents", incidents().toString(), "--taken-within", "3"));
        args.addAll(List.of(more));
        return startConsole(args.toArray(String[]::new));
    }

    static void kill9(Process p) {
        try {
            new ProcessBuilder("kill", "-9", Long.toString(p.pid())).start().waitFor();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
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

    private Path onlyIncident() throws Exception {
        try (var folders = Files.list(incidents())) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private String journal() throws Exception {
        return Files.readString(onlyIncident().resolve("journal.jsonl"));
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    private boolean journalSays(String fragment) {
        try (var folders = Files.list(incidents())) {
            for (Path f : folders.toList()) {
                Path j = f.resolve("journal.jsonl");
                if (Files.exists(j) && Files.readString(j).contains(fragment)) {
                    return true;
                }
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }

    private long logLines(String fragment) {
        try {
            return Files.readAllLines(service.logFile()).stream().filter(l -> l.contains(fragment)).count();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The same file sent again is refused, naming the incident and printing --resume; then --resume finishes it. */
    private String refusedThenResumed(Path file, String... more) throws Exception {
        int again = cli("recluster", "--context", SimulatedCluster.CONTEXT, "--namespace", SimulatedCluster.NAMESPACE,
                "--file", file.toString(), "--batch-size", "10", "--kubectl", cluster.executable().toString(),
                "--incidents", incidents().toString());
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was already sent in the incident " + onlyIncident())
                .contains("rollback-console recluster --resume " + onlyIncident());
        List<String> args = new ArrayList<>(List.of("recluster", "--resume", onlyIncident().toString(), "--context",
                SimulatedCluster.CONTEXT, "--kubectl", cluster.executable().toString(), "--incidents",
                incidents().toString(), "--taken-within", "3"));
        args.addAll(List.of(more));
        int code = cli(args.toArray(String[]::new));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        return printed;
    }

    private void everyRecordOnce() {
        Map<String, Integer> done = service.reclustered();
        for (int i = 1; i <= RECORDS; i++) {
            assertThat(done.get("A" + i)).as("A" + i + " reclustered").isEqualTo(1);
        }
    }

    private IncidentState state() throws Exception {
        return new IncidentStore(incidents(), Clock.systemUTC()).open(onlyIncident());
    }

    private JournalEntry.SettledFromLog settled(int batch) throws Exception {
        return state().lines().stream().map(l -> l.entry()).filter(JournalEntry.SettledFromLog.class::isInstance)
                .map(JournalEntry.SettledFromLog.class::cast).filter(s -> s.batchIndex() == batch).findFirst()
                .orElseThrow();
    }

    @Test
    void killedJustBeforeBatch2LeftTheLogShowsItNeverTakenAndResumeSendsIt() throws Exception {
        Path file = records(dir, RECORDS);
        service.beforeRequest(n -> {
            if (n == 2) {
                kill9(console);
                return false;
            }
            return true;
        });
        console = sendInAnotherProcess(file);
        assertThat(console.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(journal()).contains("\"type\":\"batch_sending\"").doesNotContain("\"index\":2,\"http_status\"");
        assertThat(service.reclusterRequests()).isEqualTo(1);

        String printed = refusedThenResumed(file);

        assertThat(settled(2).found()).isEqualTo("NOT_TAKEN");
        assertThat(printed).contains("Batch 2: pod " + POD + "'s log since batch 2's send").contains("never took it");
        everyRecordOnce();
        assertThat(state().sendFinished()).isTrue();
    }

    @Test
    void killedAfterBatch2WasAnsweredThePodFinishesItAndResumeSendsOnlyBatch3() throws Exception {
        Path file = records(dir, RECORDS);
        console = sendInAnotherProcess(file);
        await(() -> journalSays("\"type\":\"batch_answered\",\"index\":2"), "batch 2 answered");
        kill9(console);

        String printed = refusedThenResumed(file);

        assertThat(settled(2).found()).isEqualTo("COMPLETE");
        assertThat(printed).contains("Not sent again: batches 1, 2");
        assertThat(service.reclusterRequests()).isEqualTo(3);
        everyRecordOnce();
        assertThat(state().sendFinished()).isTrue();
    }

    @Test
    void killedMidRunTheRunStillGoingIsFollowedToCompleteBeforeAnythingIsSent() throws Exception {
        Path file = records(dir, RECORDS);
        service.perRecord(Duration.ofMillis(50));
        console = sendInAnotherProcess(file);
        // Batch 2's upsert phase: the second run's first items.
        await(() -> logLines("Triggered. Number of records: 10.") == 2
                && logLines("Processing Upsert Person Records, item: 3/10") == 2, "batch 2 half-way");
        // The pod's run goes on, held until the carrying on has caught up with its log.
        service.hold(true);
        kill9(console);
        Thread release = new Thread(() -> {
            try {
                await(() -> out.toString(StandardCharsets.UTF_8).contains("following it to Complete"), "caught up");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                service.hold(false);
            }
        });
        release.start();

        String printed = refusedThenResumed(file);
        release.join();

        assertThat(printed).contains("Batch 2's run is still going on pod " + POD)
                .contains("following it to Complete before anything is sent");
        assertThat(settled(2).found()).isEqualTo("COMPLETE");
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(service.sentWhileAnotherRan()).as("batch 3 waited for batch 2's Complete").isZero();
        everyRecordOnce();
    }

    @Test
    void killedAfterCompleteWasLoggedButBeforeItWasJournalledTheLogSettlesIt() throws Exception {
        Path file = records(dir, RECORDS);
        service.beforeComplete(run -> {
            if (run == 2) {
                kill9(console);
            }
        });
        console = sendInAnotherProcess(file);
        assertThat(console.waitFor(120, TimeUnit.SECONDS)).isTrue();
        await(() -> logLines("ADMIN RECLUSTER:  Complete.") == 2, "batch 2's Complete logged");
        assertThat(journal()).doesNotContain("\"type\":\"log_milestone\",\"batch\":2");

        refusedThenResumed(file);

        assertThat(settled(2).found()).isEqualTo("COMPLETE");
        assertThat(service.reclusterRequests()).isEqualTo(3);
        everyRecordOnce();
    }

    @Test
    void aRunThatDiedWhileNobodyWatchedHasOnlyTheRecordsItsLogDoesNotProveSentAgain() throws Exception {
        Path file = records(dir, RECORDS);
        service.perRecord(Duration.ofMillis(60)).fault(new Fault(FaultKind.DIES_WITH_STACK_TRACE, 2, "Recluster", 5));
        console = sendInAnotherProcess(file);
        await(() -> logLines("Triggered. Number of records: 10.") == 2
                && logLines("Processing Upsert Person Records, item: 2/10") == 2, "batch 2 started");
        kill9(console);
        await(() -> logLines("Exception in thread") == 1, "the run died");

        String printed = refusedThenResumed(file);

        JournalEntry.SettledFromLog died = settled(2);
        assertThat(died.found()).isEqualTo("DIED");
        assertThat(died.provenDone()).isEqualTo(4);
        assertThat(printed).contains("the undone rest of batch 2 (6 records)");
        // Item 5 of batch 2 (A15) was started when the run died: no log line proves it either way, so it is sent
        // again; in this stand-in its run died before finishing it, so it too ends reclustered once.
        everyRecordOnce();
        assertThat(state().sendFinished()).isTrue();
    }

    @Test
    void aPodGoneSinceIsAPodDeathItsBatchGoesToAnotherPodOnlyWhenOneIsNamed() throws Exception {
        Path file = records(dir, RECORDS);
        String otherPod = "hmpps-person-record-5d8f7c9b4-fghij";
        try (SimulatedPersonRecordService other = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"))
                .perRecord(Duration.ofMillis(5))) {
            cluster.servicePod(otherPod).forwardTo(POD, service.port()).forwardTo(otherPod, other.port())
                    .podLog(otherPod, other.logFile());
            service.perRecord(Duration.ofMillis(100));
            console = sendInAnotherProcess(file, "--pod", POD);
            await(() -> journalSays("\"type\":\"batch_answered\",\"index\":2"), "batch 2 answered");
            kill9(console);
            // Then the pod goes, and its work with it.
            service.die();
            cluster.removePod(POD);

            List<String> args = new ArrayList<>(List.of("recluster", "--resume", onlyIncident().toString(), "--context",
                    SimulatedCluster.CONTEXT, "--kubectl", cluster.executable().toString(), "--incidents",
                    incidents().toString(), "--taken-within", "3"));
            assertThat(cli(args.toArray(String[]::new))).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("pod " + POD + " is not a Running and Ready pod")
                    .contains("name one with --pod (ready: " + otherPod + ")").contains("Nothing was sent");
            assertThat(settled(2).found()).isEqualTo("POD_GONE");
            assertThat(other.reclusterRequests()).isZero();

            args.addAll(List.of("--pod", otherPod));
            assertThat(cli(args.toArray(String[]::new))).as(out.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("the undone rest of batch 2 (10 records)");
            assertThat(other.reclusterRequests()).isEqualTo(2);
            for (int i = 1; i <= RECORDS; i++) {
                int times = service.reclustered().getOrDefault("A" + i, 0) + other.reclustered().getOrDefault("A" + i, 0);
                if (i > 10 && i <= 20) {
                    // No log line of a pod that is gone proves any of batch 2 done: all of it is sent again.
                    assertThat(times).as("A" + i).isBetween(1, 2);
                } else {
                    assertThat(times).as("A" + i).isEqualTo(1);
                }
            }
            assertThat(state().sendFinished()).isTrue();
        }
    }
}
