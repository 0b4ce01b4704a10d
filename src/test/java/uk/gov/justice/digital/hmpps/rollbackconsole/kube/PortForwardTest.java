package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.NAMESPACE;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Health;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

class PortForwardTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";
    private static final PortForward.Options QUICK = new PortForward.Options(8080, Duration.ofMillis(50),
            Duration.ofMillis(200), 5, Duration.ofSeconds(10));

    @TempDir
    Path folder;

    private SimulatedPersonRecordService service;
    private SimulatedCluster cluster;
    private Kubectl kubectl;
    private ReclusterClient client;
    private final List<PortForward.State> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        service = SimulatedPersonRecordService.start(folder.resolve("pod.log"));
        cluster = SimulatedCluster.create(folder.resolve("cluster")).deployment().servicePod(POD).forwardTo(service.port());
        kubectl = new Kubectl(cluster.executable(), CONTEXT, NAMESPACE, Duration.ofSeconds(20));
        client = new ReclusterClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        kubectl.close();
        client.close();
        service.close();
    }

    @Test
    void comesBackWhenKubectlDiesMidForwardAndIsHealthyAgain() throws Exception {
        try (PortForward forward = start()) {
            int first = forward.awaitUp(Duration.ofSeconds(15));
            assertThat(health(first).isUp()).isTrue();
            long firstPid = cluster.portForwardPid();

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
            awaitTrue(() -> states.stream().anyMatch(s -> s.status() == PortForward.Status.RECONNECTING));
            awaitTrue(() -> forward.state().status() == PortForward.Status.UP);

            int second = forward.state().localPort();
            assertThat(cluster.portForwardPid()).isNotEqualTo(firstPid);
            assertThat(health(second).isUp()).isTrue();
            assertThat(states).extracting(PortForward.State::status).containsSubsequence(PortForward.Status.STARTING,
                    PortForward.Status.UP, PortForward.Status.RECONNECTING, PortForward.Status.UP);
            assertThat(states).filteredOn(s -> s.status() == PortForward.Status.RECONNECTING).first()
                    .satisfies(s -> assertThat(s.attempt()).isEqualTo(1));
        }
        assertThat(cluster.calls()).filteredOn(args -> args.contains("port-forward")).allSatisfy(args ->
                assertThat(args).containsExactly("--context", CONTEXT, "-n", NAMESPACE, "port-forward", "--address",
                        "127.0.0.1", "pod/" + POD, "0:8080"));
    }

    @Test
    void stopsWhenThePodIsGone() throws Exception {
        try (PortForward forward = start()) {
            forward.awaitUp(Duration.ofSeconds(15));

            cluster.removePod(POD);
            ProcessHandle.of(cluster.portForwardPid()).orElseThrow().destroyForcibly();
            awaitTrue(() -> forward.state().isFinal());

            assertThat(forward.state().status()).isEqualTo(PortForward.Status.POD_GONE);
        }
    }

    @Test
    void isNotUpUntilTheServiceIsHealthyThroughIt() throws Exception {
        service.healthDown(true);
        try (PortForward forward = start()) {
            awaitTrue(() -> service.healthRequests() >= 2);
            assertThat(forward.state().status()).isEqualTo(PortForward.Status.STARTING);

            service.healthDown(false);

            assertThat(forward.awaitUp(Duration.ofSeconds(15))).isPositive();
        }
    }

    @Test
    void endsKubectlWhenClosed() throws Exception {
        long pid;
        try (PortForward forward = start()) {
            forward.awaitUp(Duration.ofSeconds(15));
            pid = cluster.portForwardPid();
        }

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        assertThat(states.get(states.size() - 1).status()).isEqualTo(PortForward.Status.DOWN);
        assertThat(kubectl.liveProcesses()).isZero();
    }

    private PortForward start() {
        return PortForward.start(kubectl, POD, QUICK,
                port -> {
                    Health h = health(port);
                    return h.isUp() ? Optional.empty() : Optional.of(h.detail());
                }, states::add, Clock.systemUTC());
    }

    private Health health(int port) {
        return client.health(URI.create("http://127.0.0.1:" + port + "/"));
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 15 s");
            }
            Thread.sleep(10);
        }
    }
}
