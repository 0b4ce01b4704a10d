package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.NAMESPACE;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

class ReclusterRunTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";

    @TempDir
    Path folder;

    private SimulatedPersonRecordService service;
    private Kubectl kubectl;
    private ReclusterClient client;
    private PortForward forward;
    private LogFollow log;
    private final InMemoryBatchJournal journal = new InMemoryBatchJournal();
    private final List<ReclusterProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = SimulatedPersonRecordService.start(folder.resolve("pod.log")).notFound("A3").merged("A6");
        SimulatedCluster cluster = SimulatedCluster.create(folder.resolve("cluster")).deployment().servicePod(POD)
                .forwardTo(service.port()).podLog(POD, service.logFile());
        kubectl = new Kubectl(cluster.executable(), CONTEXT, NAMESPACE, Duration.ofSeconds(20));
        client = new ReclusterClient();
        forward = PortForward.start(kubectl, POD, new PortForward.Options(8080, Duration.ofMillis(50),
                Duration.ofMillis(200), 5, Duration.ofSeconds(10)), port -> {
                    Health h = client.health(local(port));
                    return h.isUp() ? Optional.empty() : Optional.of(h.detail());
                }, s -> { }, Clock.systemUTC());
        forward.awaitUp(Duration.ofSeconds(15));
        log = LogFollow.start(kubectl, POD, Instant.now(), LogFollow.Options.DEFAULT, s -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        log.close();
        forward.close();
        kubectl.close();
        client.close();
        service.close();
    }

    @Test
    void sendsEachBatchOnlyAfterThePodCompletedThePreviousOne() throws Exception {
        ReclusterRun.Result result;
        try (ReclusterBatches batches = ReclusterBatches.open(file(10), 4, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
             ReclusterRun run = run(batches)) {
            result = run.start().get(30, TimeUnit.SECONDS);
        }

        assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(result.completedBatches()).extracting(ReclusterProgress::records).containsExactly(4, 4, 2);
        assertThat(result.completedBatches().get(0).notFoundIds()).containsExactly("A3");
        assertThat(result.completedBatches().get(1).skippedMerged()).isEqualTo(2);
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(journal.entries).containsExactly(
                "before 1 4 to " + POD, "after 1 Accepted", "complete 1 not found [A3]",
                "before 2 4 to " + POD, "after 2 Accepted", "complete 2 not found []",
                "before 3 2 to " + POD, "after 3 Accepted", "complete 3 not found []");
        // On the pod, every run ends before the next begins.
        List<String> runLines = Files.readAllLines(service.logFile()).stream()
                .filter(l -> l.contains("Triggered") || l.contains("RECLUSTER:  Complete.")).map(l -> l.contains("Triggered") ? "T" : "C")
                .toList();
        assertThat(String.join("", runLines)).isEqualTo("TCTCTC");
        assertThat(progress).extracting(ReclusterProgress::phase).contains(Phase.WAITING, Phase.COMPLETE);
    }

    @Test
    void waitsBetweenBatchesWhilePausedAndStopsWhenAsked() throws Exception {
        try (ReclusterBatches batches = ReclusterBatches.open(file(10), 4, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
             ReclusterRun run = run(batches)) {
            journal.onAfterSend = b -> run.pause();
            var done = run.start();

            Await.until(() -> run.state() == ReclusterRun.State.PAUSED);
            assertThat(service.reclusterRequests()).isEqualTo(1);
            assertThat(journal.entries).last().isEqualTo("complete 1 not found [A3]");

            journal.onAfterSend = b -> { };
            run.stop();
            ReclusterRun.Result result = done.get(15, TimeUnit.SECONDS);

            assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.STOPPED);
            assertThat(result.completedBatches()).hasSize(1);
            assertThat(service.reclusterRequests()).isEqualTo(1);
        }
    }

    @Test
    void endsWithoutResendingWhenTheServiceRejectsABatch() throws Exception {
        service.answerNext(500, "{\"status\":500}");
        try (ReclusterBatches batches = ReclusterBatches.open(file(10), 4, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
             ReclusterRun run = run(batches)) {
            ReclusterRun.Result result = run.start().get(15, TimeUnit.SECONDS);

            assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.REJECTED);
            assertThat(result.detail()).contains("HTTP 500").contains("{\"status\":500}");
            assertThat(service.reclusterRequests()).isEqualTo(1);
        }
    }

    private ReclusterRun run(ReclusterBatches batches) {
        return new ReclusterRun(batches, client, () -> forward.state().status() == PortForward.Status.UP
                ? Optional.of(local(forward.state().localPort())) : Optional.empty(), log, journal, progress::add,
                Clock.systemUTC()).with(new ReclusterRun.Settings(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(2)));
    }

    private Path file(int records) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= records; i++) {
            json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A").append(i).append("\"}");
        }
        return Files.writeString(folder.resolve("affected-records.json"), json.append("]\n"));
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Waits for a condition, with a limit so that a broken run fails instead of hanging. */
    static final class Await {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met in 15 s");
                }
                Thread.sleep(10);
            }
        }
    }
}
