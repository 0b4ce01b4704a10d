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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService.Fault;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService.FaultKind;

/**
 * The run against the service's ordinary failures, with the simulated kubectl as a real subprocess (its
 * port-forward and log follow) and the simulated service on loopback. In each: every record is reclustered at least
 * once, none twice but the one item no log line can prove, nothing is sent again without an explicit choice (a
 * second run, started by the test as a person would), and the journal says what happened.
 */
class ReclusterRunFailuresTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final int RECORDS = 10;
    private static final int BATCH = 4;

    @TempDir
    Path folder;

    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private Kubectl kubectl;
    private ReclusterClient client;
    private PortForward forward;
    private LogFollow log;
    private final InMemoryBatchJournal journal = new InMemoryBatchJournal();
    private final List<ReclusterRun.Notice> notices = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = SimulatedPersonRecordService.start(folder.resolve("pod.log")).perRecord(Duration.ofMillis(5));
        cluster = SimulatedCluster.create(folder.resolve("cluster")).deployment().servicePod(POD)
                .forwardTo(service.port()).podLog(POD, service.logFile());
        kubectl = new Kubectl(cluster.executable(), CONTEXT, NAMESPACE, Duration.ofSeconds(20));
        client = new ReclusterClient();
        forward = PortForward.start(kubectl, POD, new PortForward.Options(8080, Duration.ofMillis(50),
                Duration.ofMillis(200), 5, Duration.ofSeconds(10)), port -> {
                    Health h = client.health(URI.create("http://127.0.0.1:" + port + "/"));
                    return h.isUp() ? Optional.empty() : Optional.of(h.detail());
                }, s -> { }, Clock.systemUTC());
        forward.awaitUp(Duration.ofSeconds(15));
        log = LogFollow.start(kubectl, POD, Instant.now().minusSeconds(1), LogFollow.Options.DEFAULT, s -> { });
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
    void aForwardLostBetweenBatchesIsWaitedForAndTheRunCompletes() throws Exception {
        service.beforeComplete(run -> {
            if (run == 1) {
                try {
                    cluster.dropPortForward();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofSeconds(30)), true);

        assertThat(result.ending()).as(result.detail()).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(service.reclustered()).hasSize(RECORDS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(notices).extracting(ReclusterRun.Notice::kind)
                .contains(ReclusterRun.NoticeKind.FORWARD_WAIT, ReclusterRun.NoticeKind.FORWARD_BACK);
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("observed: batch 2 waits:"))
                .anySatisfy(e -> assertThat(e).contains("is back on").contains("GET /health UP"));
    }

    @Test
    void aForwardNotBackWithinTheWaitStopsTheRunWithNothingSentToAStalePort() throws Exception {
        service.beforeComplete(run -> {
            if (run == 1) {
                try {
                    // The pod's forward goes, and whatever kubectl starts next relays to nothing.
                    cluster.forwardTo(1);
                    cluster.dropPortForward();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(3), Duration.ofSeconds(30)), true);

        assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.FORWARD_LOST);
        assertThat(result.unfinished()).get().satisfies(u -> {
            assertThat(u.batch().number()).isEqualTo(2);
            assertThat(u.provenDone()).isZero();
        });
        assertThat(service.reclusterRequests()).as("nothing after batch 1").isEqualTo(1);
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("stopped 2 FORWARD_LOST proven 0"));
    }

    @Test
    void aRunThatDiesWithAStackTraceIsCaughtAtOnceAndTheRestGoesOnlyWhenChosen() throws Exception {
        service.fault(new Fault(FaultKind.DIES_WITH_STACK_TRACE, 1, "Recluster", 3));

        // The stall time is far longer than the test's limit: only the stack trace can end this run in time.
        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofMinutes(5)), true);

        assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.DIED);
        assertThat(result.detail()).contains("Exception in thread \"DefaultDispatcher-worker-");
        ReclusterRun.Unfinished u = result.unfinished().orElseThrow();
        assertThat(u.batch().number()).isEqualTo(1);
        assertThat(u.provenDone()).as("Processing 3/4 proves items 1 and 2").isEqualTo(2);
        assertThat(service.reclusterRequests()).as("nothing sent after the death by itself").isEqualTo(1);
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("stopped 1 DIED proven 2: the run on pod "
                + POD + " died"));

        carryOn(u);
        assertOnceEachButAtMostOne();
    }

    @Test
    void aRunThatFallsSilentIsTakenAsStalledAndTheRestGoesOnlyWhenChosen() throws Exception {
        service.fault(new Fault(FaultKind.FALLS_SILENT, 1, "Recluster", 2));

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofSeconds(3)), true);

        assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.STALLED);
        ReclusterRun.Unfinished u = result.unfinished().orElseThrow();
        assertThat(u.provenDone()).isEqualTo(1);
        assertThat(service.reclusterRequests()).isEqualTo(1);
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("stopped 1 STALLED proven 1: the run on pod "
                + POD + " has logged nothing of its own for "));

        carryOn(u);
        assertOnceEachButAtMostOne();
    }

    @Test
    void aServerErrorWhoseRecordsWereTakenIsFollowedToCompleteAndNotSentAgain() throws Exception {
        service.takeDespiteAnswering(1, 500);

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofSeconds(30)), true);

        assertThat(result.ending()).as(result.detail()).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(service.reclusterRequests()).isEqualTo(3);
        assertThat(service.reclustered()).hasSize(RECORDS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(journal.entries).contains("after 1 Rejected")
                .anySatisfy(e -> assertThat(e).startsWith("taken 1: ADMIN RECLUSTER:  Triggered. Number of records: 4."))
                .contains("complete 1 not found []");
    }

    @Test
    void aServerErrorWithNoTriggeredLineIsARefusalSafeToSendAgain() throws Exception {
        service.answerNext(500, "{\"status\":500}");

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofSeconds(30)), true);

        assertThat(result.ending()).isEqualTo(ReclusterRun.Ending.REJECTED);
        assertThat(result.unfinished()).get().extracting(ReclusterRun.Unfinished::provenDone).isEqualTo(0);
        assertThat(service.reclusterRequests()).isEqualTo(1);
        assertThat(service.reclustered()).isEmpty();
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("refused 1: refused: HTTP 500"));
    }

    @Test
    void anotherRunOnThePodIsNamedAndTheNextBatchWaitsForItsComplete() throws Exception {
        service.perRecord(Duration.ofMillis(30)).otherRunBeforeCompleteOf(1, 7);

        ReclusterRun.Result result = runAll(settings(Duration.ofSeconds(30), Duration.ofSeconds(30)), true);

        assertThat(result.ending()).as(result.detail()).isEqualTo(ReclusterRun.Ending.COMPLETE);
        assertThat(service.sentWhileAnotherRan()).as("no batch sent while the other run went").isZero();
        assertThat(service.reclustered()).hasSize(RECORDS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(journal.entries).anySatisfy(e -> assertThat(e).startsWith("observed: another recluster run started"
                + " on pod " + POD + ": \u201cTriggered. Number of records: 7.\u201d"))
                .anySatisfy(e -> assertThat(e).contains("(7 records) logged Complete."));
        assertThat(notices).extracting(ReclusterRun.Notice::kind).contains(ReclusterRun.NoticeKind.OTHER_RUN);
    }

    private ReclusterRun.Result runAll(ReclusterRun.Settings settings, boolean deathDetection) throws Exception {
        try (ReclusterBatches batches = ReclusterBatches.open(file(), BATCH, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
             ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(forward), log, journal,
                     p -> { }, Clock.systemUTC(), deathDetection).with(settings).onNotice(notices::add)) {
            try {
                return run.start().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the run did not end: " + run.state() + "; journal " + journal.entries
                        + "; pod's log:\n" + Files.readString(service.logFile()), e);
            }
        }
    }

    /** What a person chooses after the run stopped: the rest of that batch and every later batch, to the same pod. */
    private void carryOn(ReclusterRun.Unfinished u) throws Exception {
        List<Batch> leading = new ArrayList<>();
        u.rest().ifPresent(leading::add);
        int from = u.batch().number();
        try (SelectedBatches rest = SelectedBatches.open(file(), BATCH, ReclusterBatches.DEFAULT_MAX_BODY_BYTES, leading,
                n -> n > from);
             ReclusterRun run = new ReclusterRun(rest, client, ReclusterRun.through(forward), log, journal, p -> { },
                     Clock.systemUTC()).with(settings(Duration.ofSeconds(30), Duration.ofSeconds(30)))) {
            ReclusterRun.Result result = run.start().get(60, TimeUnit.SECONDS);
            assertThat(result.ending()).as(result.detail()).isEqualTo(ReclusterRun.Ending.COMPLETE);
        }
    }

    private void assertOnceEachButAtMostOne() {
        Map<String, Integer> counts = service.reclustered();
        assertThat(counts).hasSize(RECORDS);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(1, 2));
        assertThat(counts.values().stream().filter(n -> n == 2).count()).as("twice: only an item no line proves")
                .isLessThanOrEqualTo(1);
    }

    private static ReclusterRun.Settings settings(Duration forwardWait, Duration stallAfter) {
        return new ReclusterRun.Settings(forwardWait, stallAfter, Duration.ofSeconds(3));
    }

    private Path file() throws Exception {
        Path file = folder.resolve("affected-records.json");
        if (!Files.exists(file)) {
            StringBuilder json = new StringBuilder("[");
            for (int i = 1; i <= RECORDS; i++) {
                json.append(i == 1 ? "" : ",").append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"A")
                        .append(i).append("\"}");
            }
            Files.writeString(file, json.append("]\n"));
        }
        return file;
    }
}
