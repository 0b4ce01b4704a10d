package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

class ReclusterClientTest {

    private static final ReclusterClient.Timeouts QUICK = new ReclusterClient.Timeouts(Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(5));

    @TempDir
    Path folder;

    private SimulatedPersonRecordService service;
    private ReclusterClient client;

    @BeforeEach
    void start() throws Exception {
        service = SimulatedPersonRecordService.start(folder.resolve("pod.log"));
        client = new ReclusterClient(QUICK);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        service.close();
    }

    @Test
    void sendsTheBatchAsARawJsonArrayAndIsAcceptedAtOnce() {
        SendOutcome outcome = client.send(service.baseUri(), batch("A1234BC", "X123456"));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted(200));
        assertThat(service.reclusterRequests()).isEqualTo(1);
        assertThat(service.acceptedBodies()).singleElement().hasToString(
                "[{\"source_system\":\"NOMIS\",\"source_system_id\":\"A1234BC\"},"
                        + "{\"source_system\":\"NOMIS\",\"source_system_id\":\"X123456\"}]");
    }

    @Test
    void showsABadRequestWithTheServicesOwnWords() {
        Batch unknownSystem = new Batch(1, 0, List.of(new RecordKey(SourceSystem.NOMIS, "A1")),
                "[{\"source_system\":\"Delius\",\"source_system_id\":\"A1\"}]".getBytes(StandardCharsets.UTF_8));

        SendOutcome outcome = client.send(service.baseUri(), unknownSystem);

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Rejected.class, r -> {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("Delius").contains("not one of the values accepted");
        });
    }

    @Test
    void showsABadRequestForARecordWithoutItsId() {
        Batch missing = new Batch(1, 0, List.of(new RecordKey(SourceSystem.NOMIS, "A1")),
                "[{\"source_system\":\"NOMIS\"}]".getBytes(StandardCharsets.UTF_8));

        assertThat(client.send(service.baseUri(), missing)).isInstanceOfSatisfying(SendOutcome.Rejected.class,
                r -> assertThat(r.body()).contains("source_system_id"));
    }

    @Test
    void showsTooLargeAndServerErrorsWithTheirBodies() {
        service.answerNext(413, "{\"status\":413,\"userMessage\":\"Payload Too Large\"}");
        SendOutcome tooLarge = client.send(service.baseUri(), batch("A1"));
        service.answerNext(500, "{\"status\":500,\"userMessage\":\"Unexpected error: boom\"}");
        SendOutcome serverError = client.send(service.baseUri(), batch("A1"));

        assertThat(tooLarge).isEqualTo(new SendOutcome.Rejected(413, "{\"status\":413,\"userMessage\":\"Payload Too Large\"}"));
        assertThat(serverError).isEqualTo(new SendOutcome.Rejected(500, "{\"status\":500,\"userMessage\":\"Unexpected error: boom\"}"));
        assertThat(service.reclusterRequests()).isEqualTo(2);
    }

    @Test
    void neverSendsAgainOn408Or503EvenWhenTheServerAsksForIt() {
        service.answerNext(408, "", "0");
        SendOutcome timeout = client.send(service.baseUri(), batch("A1"));
        assertThat(service.reclusterRequests()).isEqualTo(1);

        service.answerNext(503, "{\"status\":\"DOWN\"}", "0");
        SendOutcome unavailable = client.send(service.baseUri(), batch("A1"));

        assertThat(timeout).isEqualTo(new SendOutcome.Rejected(408, ""));
        assertThat(unavailable).isEqualTo(new SendOutcome.Rejected(503, "{\"status\":\"DOWN\"}"));
        assertThat(service.reclusterRequests()).isEqualTo(2);
    }

    @Test
    void aTimeoutAfterTheBodyWasWrittenIsAnUnknownOutcomeAndIsNotSentAgain() {
        service.answerAfter(Duration.ofSeconds(2));

        SendOutcome outcome = client.send(service.baseUri(), batch("A1"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Unknown.class,
                u -> assertThat(u.reason()).contains("no answer in time").contains("after the whole request was sent"));
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    @Test
    void aConnectionLostAfterTheBodyWasWrittenIsAnUnknownOutcomeAndIsNotSentAgain() {
        service.dropAfterBody(true);

        SendOutcome outcome = client.send(service.baseUri(), batch("A1"));

        assertThat(outcome).isInstanceOf(SendOutcome.Unknown.class);
        assertThat(service.reclusterRequests()).isEqualTo(1);
    }

    @Test
    void noListenerIsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }

        SendOutcome outcome = client.send(URI.create("http://127.0.0.1:" + closedPort + "/"), batch("A1"));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.NotSent.class,
                n -> assertThat(n.reason()).contains("could not connect"));
    }

    @Test
    void healthIsUpDownOrUnreachable() throws Exception {
        assertThat(client.health(service.baseUri())).isEqualTo(new Health(Health.Status.UP, "UP"));

        service.healthDown(true);
        assertThat(client.health(service.baseUri())).isEqualTo(new Health(Health.Status.DOWN, "HTTP 503, status DOWN"));

        URI gone = service.baseUri();
        service.close();
        assertThat(client.health(gone).status()).isEqualTo(Health.Status.UNREACHABLE);
    }

    @Test
    void theAcceptedRunWritesTheServicesLogLinesThroughToComplete() throws Exception {
        service.notFound("A2").merged("A3");
        java.time.Instant sent = java.time.Instant.now();

        assertThat(client.send(service.baseUri(), batch("A1", "A2", "A3"))).isEqualTo(new SendOutcome.Accepted(200));

        ReclusterTracker tracker = new ReclusterTracker(1, 3, sent, java.time.Clock.systemUTC());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!tracker.snapshot().isComplete() && System.nanoTime() < deadline) {
            tracker = new ReclusterTracker(1, 3, sent, java.time.Clock.systemUTC());
            java.nio.file.Files.readAllLines(service.logFile()).stream()
                    .map(uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine::parse)
                    .forEach(tracker::accept);
            Thread.sleep(10);
        }
        ReclusterProgress p = tracker.snapshot();
        assertThat(p.phase()).isEqualTo(Phase.COMPLETE);
        assertThat(p.notFoundIds()).containsExactly("A2");
        assertThat(p.upsert()).isEqualTo(new ReclusterProgress.PhaseProgress(3, 3, 1, 1));
    }

    static Batch batch(String... nomisIds) {
        List<RecordKey> keys = java.util.Arrays.stream(nomisIds).map(id -> new RecordKey(SourceSystem.NOMIS, id)).toList();
        StringBuilder body = new StringBuilder("[");
        for (String id : nomisIds) {
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"source_system\":\"NOMIS\",\"source_system_id\":\"").append(id).append("\"}");
        }
        return new Batch(1, 0, keys, body.append(']').toString().getBytes(StandardCharsets.UTF_8));
    }
}
