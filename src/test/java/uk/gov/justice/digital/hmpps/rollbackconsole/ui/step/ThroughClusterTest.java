package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
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

    @Test
    void forwardsToTheRelayPodReadsTheSecretAndConnects() throws Exception {
        SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster"))
                .pod("port-forward-pod", "Running", true, "ReplicaSet", 0)
                .servicePod("hmpps-person-record-5d8f7c9b4-abcde")
                .forwardTo(TestReplica.port())
                .secret(ThroughClusterViewModel.SECRET, Map.of("database_name", TestReplica.DATABASE,
                        "database_username", TestReplica.CONSOLE_USER, "database_password", "s3cret-from-the-cluster",
                        "rds_instance_address", "replica.abcdefgh.eu-west-2.rds.amazonaws.com"));
        SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
        connect = new ConnectStepViewModel(session, new DirectTaskRunner(), settings);
        connect.environmentProperty().set(Environment.PREPROD);
        connect.sslModeProperty().set(SslMode.DISABLE);
        ThroughClusterViewModel through = connect.throughCluster();
        assertThat(through.namespaceProperty().get()).isEqualTo("hmpps-person-record-preprod");

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
                        .containsSubsequence("-n", "hmpps-person-record-preprod");
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
