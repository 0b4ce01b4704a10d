package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForwardTest.awaitTrue;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.NAMESPACE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterTracker;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

class LogFollowTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final LogFollow.Options QUICK = new LogFollow.Options(8, Duration.ofMillis(50), Duration.ofMillis(200), 5);

    @TempDir
    Path folder;

    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private Kubectl kubectl;
    private final List<LogFollow.Status> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = SimulatedPersonRecordService.start(folder.resolve("pod.log"));
        // An earlier run, an hour ago: in the pod's log, but before the send.
        Files.writeString(service.logFile(), Instant.now().minus(Duration.ofHours(1))
                + " 2025-03-04 09:00:00.000  INFO 1 --- [task-1] x.Y : ADMIN RECLUSTER:  Complete. |\n",
                StandardOpenOption.APPEND);
        cluster = SimulatedCluster.create(folder.resolve("cluster")).deployment().servicePod(POD)
                .podLog(POD, service.logFile());
        kubectl = new Kubectl(cluster.executable(), CONTEXT, NAMESPACE, Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() throws Exception {
        kubectl.close();
        service.close();
    }

    @Test
    void followsARunToCompleteAcrossADroppedStreamWithoutCountingAnythingTwice() throws Exception {
        service.notFound("A3").merged("A2");
        Instant sent = Instant.now();
        cluster.cutLogAfter(POD, 6);
        try (ReclusterClient client = new ReclusterClient();
             LogFollow follow = LogFollow.start(kubectl, POD, sent, QUICK, statuses::add)) {
            service.logOther("Completed initialization in 1 ms");
            assertThat(client.send(service.baseUri(), batch("A1", "A2", "A3", "A4", "A5")))
                    .isInstanceOf(SendOutcome.Accepted.class);

            ReclusterTracker tracker = new ReclusterTracker(1, 5, sent, Clock.systemUTC());
            List<TimestampedLine> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!tracker.snapshot().isComplete() && System.nanoTime() < deadline) {
                // Small drains against a queue of 8: the reader waits for the consumer rather than drop lines.
                for (TimestampedLine line : follow.poll(Duration.ofMillis(100), 3)) {
                    seen.add(line);
                    tracker.accept(line);
                }
            }

            ReclusterProgress p = tracker.snapshot();
            assertThat(p.phase()).isEqualTo(Phase.COMPLETE);
            assertThat(p.upsert()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
            assertThat(p.recluster()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen).noneMatch(l -> l.text().contains("09:00:00.000"));
            assertThat(statuses).contains(LogFollow.Status.RECONNECTING);
        }
        List<List<String>> logCalls = cluster.calls().stream().filter(a -> a.contains("logs")).toList();
        assertThat(logCalls).hasSizeGreaterThanOrEqualTo(2).allSatisfy(args -> {
            assertThat(args).startsWith("--context", CONTEXT, "-n", NAMESPACE, "logs", "-f", "pod/" + POD, "--timestamps");
            assertThat(args.get(8)).matches("--since-time=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        });
    }

    @Test
    void endsWhenThePodIsGone() throws Exception {
        try (LogFollow follow = LogFollow.start(kubectl, POD, Instant.now(), QUICK, statuses::add)) {
            service.logOther("a line");
            assertThat(follow.poll(Duration.ofSeconds(15), 10)).isNotEmpty();

            cluster.removePod(POD);
            awaitTrue(() -> {
                follow.drain(100);
                return follow.isFinished();
            });

            assertThat(follow.status()).isEqualTo(LogFollow.Status.POD_GONE);
        }
    }

    private static Batch batch(String... ids) {
        List<RecordKey> keys = java.util.Arrays.stream(ids).map(id -> new RecordKey(SourceSystem.NOMIS, id)).toList();
        StringBuilder body = new StringBuilder("[");
        for (String id : ids) {
            body.append(body.length() > 1 ? "," : "").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"")
                    .append(id).append("\"}");
        }
        return new Batch(1, 0, keys, body.append("]").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
