package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

/** The recluster without a window, against the fake kubectl and the fake service. */
class ReclusterCommandTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";

    @TempDir
    Path dir;
    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        service = SimulatedPersonRecordService.start(dir.resolve("pod.log")).perRecord(Duration.ofMillis(10)).notFound("A3").merged("A6");
        cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment().servicePod(POD)
                .pod("hmpps-person-record-recluster-needs-attention-job-1-abcde", "Running", true, "Job", 0)
                .forwardTo(service.port()).podLog(POD, service.logFile());
    }

    @AfterEach
    void stop() {
        service.close();
    }

    private int run(String namespace, String... more) throws Exception {
        out.reset();
        err.reset();
        List<String> args = new ArrayList<>(List.of("recluster", "--context", SimulatedCluster.CONTEXT,
                "--namespace", namespace, "--file", file().toString(), "--kubectl", cluster.executable().toString(),
                "--incidents", dir.resolve("incidents").toString()));
        args.addAll(List.of(more));
        return CommandLine.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private Path file() throws Exception {
        Path file = dir.resolve("affected-records.json");
        if (!Files.exists(file)) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 1; i <= 10; i++) {
                json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A").append(i).append("\"}");
            }
            Files.writeString(file, json.append("]\n"));
        }
        return file;
    }

    @Test
    void sendsEveryBatchToCompleteAndPrintsTheSummary() throws Exception {
        int code = run(SimulatedCluster.NAMESPACE, "--batch-size", "4");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Deployment hmpps-person-record runs " + SimulatedCluster.IMAGE)
                .contains("Pod: " + POD).contains("GET /health UP")
                .contains("COMPLETE: 3 batches complete, 10 records processed, 2 skipped (merged), 1 not found")
                .contains("Not found: A3").contains("Incident journal: ");
        assertThat(service.reclusterRequests()).isEqualTo(3);
    }

    @Test
    void refusesToSendTheSameFileTwice() throws Exception {
        assertThat(run(SimulatedCluster.NAMESPACE, "--batch-size", "5")).isZero();
        assertThat(service.reclusterRequests()).isEqualTo(2);

        assertThat(run(SimulatedCluster.NAMESPACE, "--batch-size", "5")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("was already sent in the incident").contains("Nothing was sent");
        assertThat(service.reclusterRequests()).as("no second send").isEqualTo(2);
    }

    @Test
    void productionIsRefusedUnlessTheNamespaceIsRepeated() throws Exception {
        assertThat(run("hmpps-person-record-prod")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("repeat the namespace to confirm, --confirm hmpps-person-record-prod");
        assertThat(service.reclusterRequests()).isZero();
    }

    @Test
    void aFileThatIsNotSafeIsNotSent() throws Exception {
        Files.writeString(file(), "[{\"source_system\":\"Delius\",\"source_system_id\":\"X1\"}]\n");
        assertThat(run(SimulatedCluster.NAMESPACE)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not safe to send").contains("line 1, column");
        assertThat(service.reclusterRequests()).isZero();
    }

    @Test
    void afterThePodDiesTheRecordsNotProvenDoneAreWrittenToSendToAnotherPod() throws Exception {
        String otherPod = "hmpps-person-record-5d8f7c9b4-fghij";
        try (SimulatedPersonRecordService other = SimulatedPersonRecordService.start(dir.resolve("pod-2.log"))
                .perRecord(Duration.ofMillis(10)).notFound("A3").merged("A6")) {
            cluster.servicePod(otherPod).forwardTo(POD, service.port()).forwardTo(otherPod, other.port())
                    .podLog(otherPod, other.logFile());
            // Dies on recluster item 2 of batch 1; then the pod is gone, and its log ends.
            service.perRecord(Duration.ofMillis(30)).dieAfterItems(6);
            Thread remover = new Thread(() -> {
                try {
                    // The follow is reading the run's lines once it prints the recluster phase; the pod then goes
                    // a moment after it died, as a real one does, and its log ends.
                    while (!service.isDead() || !out.toString(StandardCharsets.UTF_8).contains("batch 1: RECLUSTER")) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(1000);
                    cluster.removePod(POD);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            remover.start();

            assertThat(run(SimulatedCluster.NAMESPACE, "--batch-size", "4", "--pod", POD)).isEqualTo(1);
            remover.join();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("LOG_ENDED: 0 batches complete")
                    .contains("Pod " + POD + " died in batch 1; its log proves 1 of that batch's 4 records reclustered.")
                    .contains("Not known to be done: records #2 to the end of the file, 9 records, written to ")
                    .contains("--pod OTHER-POD");
            Path rest = Path.of(printed.lines().filter(l -> l.startsWith("Not known to be done"))
                    .findFirst().orElseThrow().replaceAll(".*written to ", ""));

            out.reset();
            err.reset();
            int code = CommandLine.run(new String[] {"recluster", "--context", SimulatedCluster.CONTEXT,
                    "--namespace", SimulatedCluster.NAMESPACE, "--file", rest.toString(), "--batch-size", "4",
                    "--pod", otherPod, "--kubectl", cluster.executable().toString(),
                    "--incidents", dir.resolve("incidents").toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of());
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

            Map<String, Integer> overall = new java.util.HashMap<>(service.reclustered());
            other.reclustered().forEach((id, n) -> overall.merge(id, n, Integer::sum));
            assertThat(overall).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
            assertThat(service.reclusterRequests() + other.reclusterRequests()).isEqualTo(1 + 3);
        }
    }

    @Test
    void aForwardKilledOnceMidRunIsWaitedForAndEveryRecordIsReclusteredOnce() throws Exception {
        service.beforeComplete(run -> {
            if (run == 1) {
                try {
                    cluster.dropPortForward();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        int code = run(SimulatedCluster.NAMESPACE, "--batch-size", "4");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("batch 2 waits: ").contains("is back on").contains("COMPLETE: 3 batches complete");
        assertThat(service.reclustered()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(service.reclusterRequests()).isEqualTo(3);
    }

    @Test
    void aServerErrorWhoseRecordsWereTakenIsFollowedToCompleteAndTheRunFinishes() throws Exception {
        service.takeDespiteAnswering(2, 500);

        int code = run(SimulatedCluster.NAMESPACE, "--batch-size", "4", "--taken-within", "5");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("batch 2 got HTTP 500").contains("the service took it. Following it to Complete.")
                .contains("COMPLETE: 3 batches complete");
        assertThat(service.reclustered()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(journal()).contains("\"type\":\"run_observed\",\"batch\":2,\"kind\":\"TAKEN\"");
    }

    @Test
    void aRunThatDiesAtItem100OfBatch1EndsAtOnceWithTheRestWrittenAndNothingMoreSent() throws Exception {
        Path big = dir.resolve("big.json");
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 600; i++) {
            json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"B").append(i).append("\"}");
        }
        Files.writeString(big, json.append("]\n"));
        service.perRecord(Duration.ofMillis(1)).fault(new SimulatedPersonRecordService.Fault(
                SimulatedPersonRecordService.FaultKind.DIES_WITH_STACK_TRACE, 1, "Recluster", 100));

        long started = System.nanoTime();
        int code = CommandLine.run(new String[] {"recluster", "--context", SimulatedCluster.CONTEXT,
                "--namespace", SimulatedCluster.NAMESPACE, "--file", big.toString(), "--kubectl",
                cluster.executable().toString(), "--incidents", dir.resolve("incidents").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isEqualTo(1);
        assertThat(took).as("well under the 3 minutes a stall takes").isLessThan(Duration.ofMinutes(2));
        assertThat(service.reclusterRequests()).as("nothing sent after batch 1").isEqualTo(1);
        assertThat(printed).contains("DIED: 0 batches complete")
                .contains("The run on pod " + POD + " died in batch 1; its log proves 99 of that batch's 500 records")
                .contains("Not known to be done: records #100 to the end of the file, 501 records, written to ")
                .contains("--pod " + POD);
        Path rest = Path.of(printed.lines().filter(l -> l.startsWith("Not known to be done"))
                .findFirst().orElseThrow().replaceAll(".*written to ", ""));
        assertThat(rest.getFileName().toString()).isEqualTo("records-not-known-done.json");
        assertThat(Files.readString(rest)).startsWith("[{\"source_system\":\"NOMIS\",\"source_system_id\":\"B100\"}");
        assertThat(journal()).contains("\"kind\":\"DIED\",\"proven_done\":99");
    }

    private String journal() throws Exception {
        try (var folders = Files.list(dir.resolve("incidents"))) {
            Path folder = folders.filter(Files::isDirectory).findFirst().orElseThrow();
            return Files.readString(folder.resolve("journal.jsonl"));
        }
    }
}
