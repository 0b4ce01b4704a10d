package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReplicaSecrets;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ThroughClusterViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;

/** Connect through the relay pod: a real fake kubectl relaying TCP to the embedded replica, and the secret read. */
class ThroughClusterTest {

    @TempDir
    Path dir;
    private final WizardSession session = new WizardSession();
    private ConnectStepViewModel connect;

    @AfterEach
    void close() {
        session.close();
        if (connect != null) {
            connect.close();
        }
    }

    private static final String REPLICA_ADDRESS = "cloud-platform-replica.abcdefgh.eu-west-2.rds.amazonaws.com";
    private static final String PRIMARY_ADDRESS = "cloud-platform-primary.abcdefgh.eu-west-2.rds.amazonaws.com";
    private static final String MATCH_ADDRESS = "cloud-platform-match.abcdefgh.eu-west-2.rds.amazonaws.com";

    /** Preprod as it is: the replica's secret holds only its address; the credentials are in the primary's. */
    private SimulatedCluster preprod() throws Exception {
        return SimulatedCluster.create(dir.resolve("cluster"))
                .relayPod("person-match-port-forward-pod", MATCH_ADDRESS)
                .relayPod("person-record-port-forward-pod", REPLICA_ADDRESS)
                .servicePod("hmpps-person-record-5d8f7c9b4-abcde")
                .forwardTo(TestReplica.port())
                .secret(ReplicaSecrets.REPLICA, Map.of("rds_instance_address", REPLICA_ADDRESS,
                        "rds_instance_endpoint", REPLICA_ADDRESS + ":5432"))
                .secret(ReplicaSecrets.PRIMARY, Map.of("database_name", TestReplica.DATABASE,
                        "database_username", TestReplica.CONSOLE_USER, "database_password", "s3cret-from-the-cluster",
                        "rds_instance_address", PRIMARY_ADDRESS));
    }

    private ThroughClusterViewModel throughCluster(SimulatedCluster cluster, Environment env) {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        connect = new ConnectStepViewModel(session, new DirectTaskRunner(), settings);
        connect.environmentProperty().set(env);
        connect.sslModeProperty().set(SslMode.DISABLE);
        ThroughClusterViewModel through = connect.throughCluster();
        through.kubectlPathProperty().set(cluster.executable().toString());
        through.contextProperty().set(SimulatedCluster.CONTEXT);
        return through;
    }

    @Test
    void inPreprodTheReplicasAddressAndThePrimarysCredentialsFillTheFormThroughPersonRecordsRelay() throws Exception {
        SimulatedCluster cluster = preprod();
        ThroughClusterViewModel through = throughCluster(cluster, Environment.PREPROD);

        through.findRelayPods();
        assertThat(through.relayPods()).extracting(RelayPod::name)
                .containsExactly("person-match-port-forward-pod", "person-record-port-forward-pod");
        assertThat(through.selectedPodProperty().get().name()).as("never the first listed")
                .isEqualTo("person-record-port-forward-pod");
        assertThat(through.relayPods().get(0).relaysTo()).contains(MATCH_ADDRESS).contains("hmpps-person-match's database");
        assertThat(through.messageProperty().get().text()).contains("person-record-port-forward-pod relays to "
                + REPLICA_ADDRESS + ":5432");

        through.connectThroughCluster();

        assertThat(through.messageProperty().get().kind()).as(through.messageProperty().get().text()).isEqualTo(Message.Kind.OK);
        assertThat(through.messageProperty().get().text()).contains("from " + ReplicaSecrets.PRIMARY);
        var used = session.replicaProperty().get().settings();
        assertThat(used.host()).isEqualTo("127.0.0.1");
        assertThat(used.database()).isEqualTo(TestReplica.DATABASE);
        assertThat(used.user()).isEqualTo(TestReplica.CONSOLE_USER);
        assertThat(used.tlsServerName()).as("the replica's address, never the primary's").isEqualTo(REPLICA_ADDRESS);
        assertThat(cluster.calls()).anySatisfy(call -> assertThat(String.join(" ", call))
                .contains("port-forward").contains("pod/person-record-port-forward-pod"));
        assertThat(cluster.calls()).noneSatisfy(call -> assertThat(String.join(" ", call))
                .contains("port-forward").contains("person-match"));
    }

    @Test
    void personMatchsRelayAloneIsNeverUsed() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster"))
                .relayPod("person-match-port-forward-pod", MATCH_ADDRESS).forwardTo(TestReplica.port());
        ThroughClusterViewModel through = throughCluster(cluster, Environment.PREPROD);

        through.findRelayPods();
        assertThat(through.selectedPodProperty().get()).isNull();
        assertThat(through.messageProperty().get().text()).contains("only relay pods")
                .contains("hmpps-person-match's").contains("person-record-port-forward-pod");

        through.selectedPodProperty().set(through.relayPods().get(0));
        through.connectThroughCluster();
        assertThat(through.messageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(through.messageProperty().get().text()).contains("hmpps-person-match's database");
        assertThat(cluster.calls()).noneSatisfy(call -> assertThat(call).contains("port-forward"));
        assertThat(session.replicaProperty().get()).isNull();
    }

    @Test
    void aRelayThatReachesAnotherAddressThanTheReplicasIsRefused() throws Exception {
        SimulatedCluster cluster = preprod().relayPod("person-record-port-forward-pod", PRIMARY_ADDRESS);
        ThroughClusterViewModel through = throughCluster(cluster, Environment.PREPROD);
        through.findRelayPods();

        through.connectThroughCluster();

        assertThat(through.messageProperty().get().text()).contains("relays to " + PRIMARY_ADDRESS)
                .contains("not to the read replica's address");
        assertThat(session.replicaProperty().get()).isNull();
    }

    @Test
    void withoutThePrimarysSecretTheMessageNamesIt() throws Exception {
        SimulatedCluster cluster = preprod();
        java.nio.file.Files.delete(cluster.dir().resolve("secrets").resolve(ReplicaSecrets.PRIMARY + ".json"));
        ThroughClusterViewModel through = throughCluster(cluster, Environment.PREPROD);
        through.findRelayPods();

        through.connectThroughCluster();

        assertThat(through.messageProperty().get().text()).contains("There is no secret " + ReplicaSecrets.PRIMARY)
                .contains("database name, user and password");
    }

    @Test
    void aMissingDatabaseInPreprodNamesThePrimarysSecret() {
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        connect = new ConnectStepViewModel(session, new DirectTaskRunner(), settings);
        connect.environmentProperty().set(Environment.PREPROD);
        connect.sslModeProperty().set(SslMode.DISABLE);
        connect.hostProperty().set("localhost");
        connect.portProperty().set(Integer.toString(TestReplica.port()));
        connect.databaseProperty().set("no_such_database");
        connect.userProperty().set(TestReplica.CONSOLE_USER);

        connect.connect();

        assertThat(connect.messageProperty().get().text()).contains("database_name in the secret "
                + ReplicaSecrets.PRIMARY + " in hmpps-person-record-preprod");
    }

    @Test
    void anUnreachableReplicaAtNightMayBeStoppedForTheNight() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        connect = new ConnectStepViewModel(session, new DirectTaskRunner(),
                new SettingsStore(dir.resolve("settings.properties")));
        connect.environmentProperty().set(Environment.PROD);
        connect.sslModeProperty().set(SslMode.DISABLE);
        connect.hostProperty().set("127.0.0.1");
        connect.portProperty().set(Integer.toString(closed));
        connect.databaseProperty().set(TestReplica.DATABASE);
        connect.userProperty().set(TestReplica.CONSOLE_USER);

        connect.useClock(java.time.Clock.fixed(java.time.Instant.parse("2025-06-11T01:30:00Z"), java.time.ZoneOffset.UTC));
        connect.connect();
        assertThat(connect.messageProperty().get().text()).contains("It is 02:30 UK time: the platform stops the prod"
                + " read replica out of hours (RDS auto start/stop)");

        connect.useClock(java.time.Clock.fixed(java.time.Instant.parse("2025-06-11T10:30:00Z"), java.time.ZoneOffset.UTC));
        connect.connect();
        assertThat(connect.messageProperty().get().text()).doesNotContain("out of hours");
    }

    @Test
    void inDevTheReplicasOwnSecretHoldsEverything() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster"), SimulatedCluster.CONTEXT,
                        "hmpps-person-record-dev")
                .relayPod("port-forward-pod", "")
                .forwardTo(TestReplica.port())
                .secret(ThroughClusterViewModel.SECRET, Map.of("database_name", TestReplica.DATABASE,
                        "database_username", TestReplica.CONSOLE_USER, "database_password", "s3cret-from-the-cluster",
                        "rds_instance_address", "replica.abcdefgh.eu-west-2.rds.amazonaws.com"));
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        connect = new ConnectStepViewModel(session, new DirectTaskRunner(), settings);
        connect.environmentProperty().set(Environment.DEV);
        connect.sslModeProperty().set(SslMode.DISABLE);
        ThroughClusterViewModel through = connect.throughCluster();
        assertThat(through.namespaceProperty().get()).isEqualTo("hmpps-person-record-dev");

        through.kubectlPathProperty().set(cluster.executable().toString());
        through.loadContexts();
        assertThat(through.contexts()).contains(SimulatedCluster.CONTEXT);
        through.contextProperty().set(SimulatedCluster.CONTEXT);
        through.findRelayPods();
        assertThat(through.relayPods()).extracting(p -> p.name()).containsExactly("port-forward-pod");

        through.connectThroughCluster();

        assertThat(through.messageProperty().get().kind()).as(through.messageProperty().get().text()).isEqualTo(Message.Kind.OK);
        assertThat(session.replicaProperty().get()).as(String.valueOf(connect.messageProperty().get())).isNotNull();
        var used = session.replicaProperty().get().settings();
        assertThat(used.host()).isEqualTo("127.0.0.1");
        assertThat(used.port()).as("a free local port, not the database's own").isNotEqualTo(TestReplica.port());
        assertThat(used.database()).isEqualTo(TestReplica.DATABASE);
        assertThat(used.user()).isEqualTo(TestReplica.CONSOLE_USER);
        assertThat(used.tlsServerName()).isEqualTo("replica.abcdefgh.eu-west-2.rds.amazonaws.com");
        assertThat(Files.readString(dir.resolve("settings.properties"))).doesNotContain("s3cret-from-the-cluster");
        assertThat(cluster.calls()).allSatisfy(call -> {
            if (!call.contains("get-contexts")) {
                assertThat(call).containsSubsequence("--context", SimulatedCluster.CONTEXT)
                        .containsSubsequence("-n", "hmpps-person-record-dev");
            }
        });
        assertThat(cluster.calls()).anySatisfy(call -> assertThat(String.join(" ", call))
                .contains("port-forward").contains("pod/port-forward-pod").contains(":5432"));

        // Closing the step ends the forward.
        long pid = cluster.portForwardPid();
        connect.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
