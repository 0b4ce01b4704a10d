package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.CONTEXT;
import static uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster.NAMESPACE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;

class KubectlTest {

    private static final String SECRET = "hmpps-person-record-rds-read-replica-instance-output";

    @TempDir
    Path folder;

    private SimulatedCluster cluster;
    private Kubectl kubectl;

    @BeforeEach
    void setUp() throws Exception {
        cluster = SimulatedCluster.create(folder).deployment()
                .servicePod("hmpps-person-record-5d8f7c9b4-abcde")
                .pod("hmpps-person-record-5d8f7c9b4-fghij", "Running", true, "ReplicaSet", 3)
                .pod("hmpps-person-record-5d8f7c9b4-starting", "Running", false, "ReplicaSet", 0)
                .pod("hmpps-person-record-5d8f7c9b4-pending", "Pending", false, "ReplicaSet", 0)
                .pod("hmpps-person-record-recluster-needs-attention-job-28999-xyz12", "Running", true, "Job", 0);
        kubectl = new Kubectl(cluster.executable(), CONTEXT, NAMESPACE, Duration.ofSeconds(20));
    }

    @AfterEach
    void tearDown() {
        kubectl.close();
    }

    @Test
    void findsTheServicesReadyPodsThroughTheDeploymentsSelectorButNeverACronJobsPod() throws Exception {
        DeploymentInfo deployment = kubectl.deployment(SimulatedCluster.DEPLOYMENT);
        List<PodInfo> pods = kubectl.servingPods(deployment.selector());

        assertThat(deployment.selector()).isEqualTo("app=hmpps-person-record");
        assertThat(deployment.image()).isEqualTo(SimulatedCluster.IMAGE);
        assertThat(deployment.readyReplicas()).isEqualTo(2);
        assertThat(pods).extracting(PodInfo::name).containsExactly(
                "hmpps-person-record-5d8f7c9b4-abcde", "hmpps-person-record-5d8f7c9b4-fghij");
        PodInfo second = pods.get(1);
        assertThat(second.restarts()).isEqualTo(3);
        assertThat(second.image()).isEqualTo(SimulatedCluster.IMAGE);
        assertThat(second.age(Clock.fixed(Instant.parse("2025-03-04T10:30:00Z"), ZoneOffset.UTC)))
                .isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void namesTheContextAndNamespaceInEveryCommandAndSeesAPodGone() throws Exception {
        cluster.secret(SECRET, Map.of("database_name", "db"));

        kubectl.deployment(SimulatedCluster.DEPLOYMENT);
        kubectl.servingPods("app=hmpps-person-record");
        kubectl.secret(SECRET);
        assertThat(kubectl.pod("hmpps-person-record-5d8f7c9b4-abcde")).isPresent();
        cluster.removePod("hmpps-person-record-5d8f7c9b4-abcde");
        assertThat(kubectl.pod("hmpps-person-record-5d8f7c9b4-abcde")).isEmpty();

        assertThat(cluster.calls()).hasSize(5).allSatisfy(args ->
                assertThat(args).startsWith("--context", CONTEXT, "-n", NAMESPACE));
    }

    @Test
    void readsASecretsValuesDecodedWithoutShowingThem() throws Exception {
        cluster.secret(SECRET, Map.of("database_name", "db1234", "database_username", "cp_reader",
                "database_password", "s3cr3t-Pa55", "rds_instance_address", "cloud-platform-abc.eu-west-2.rds.amazonaws.com"));

        KubeSecret secret = kubectl.secret(SECRET);

        assertThat(secret.text("database_password")).contains("s3cr3t-Pa55");
        assertThat(secret.text("rds_instance_address")).contains("cloud-platform-abc.eu-west-2.rds.amazonaws.com");
        assertThat(secret.keys()).containsExactlyInAnyOrder("database_name", "database_username", "database_password",
                "rds_instance_address");
        assertThat(secret.toString()).doesNotContain("s3cr3t").doesNotContain("czNjcjN0");
        secret.wipe();
        assertThat(secret.text("database_password")).isEmpty();
    }

    @Test
    void saysToLogInAgainWhenTheLoginHasExpired() throws Exception {
        cluster.failAs("expired");

        KubectlException e = catchThrowableOfType(KubectlException.class, () -> kubectl.servingPods("app=x"));

        assertThat(e.reason()).isEqualTo(KubectlException.Reason.LOGIN_EXPIRED);
        assertThat(e.getMessage()).contains("has expired or is not valid").contains("Log in again")
                .contains("You must be logged in to the server (Unauthorized)");
    }

    @Test
    void saysWhatTheAccountMayNotDoWhenRbacDenies() throws Exception {
        cluster.failAs("forbidden");

        KubectlException e = catchThrowableOfType(KubectlException.class, () -> kubectl.servingPods("app=x"));

        assertThat(e.reason()).isEqualTo(KubectlException.Reason.FORBIDDEN);
        assertThat(e.getMessage()).startsWith("Your account may not list pods in namespace " + NAMESPACE)
                .contains("right context and namespace");
    }

    @Test
    void saysTheClusterCannotBeReached() throws Exception {
        cluster.failAs("unreachable");

        KubectlException e = catchThrowableOfType(KubectlException.class, () -> kubectl.deployment("x"));

        assertThat(e.reason()).isEqualTo(KubectlException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).contains("VPN");
    }

    @Test
    void saysWhenTheContextIsNotInTheKubeconfig() {
        try (Kubectl other = new Kubectl(cluster.executable(), "no-such-cluster", NAMESPACE)) {
            KubectlException e = catchThrowableOfType(KubectlException.class, () -> other.deployment("x"));

            assertThat(e.reason()).isEqualTo(KubectlException.Reason.NO_SUCH_CONTEXT);
            assertThat(e.getMessage()).contains("no context no-such-cluster");
        }
    }

    @Test
    void saysWhereItLookedWhenKubectlIsMissing() {
        Path missing = folder.resolve("bin/kubectl");
        try (Kubectl none = new Kubectl(missing, CONTEXT, NAMESPACE)) {
            KubectlException e = catchThrowableOfType(KubectlException.class, () -> none.deployment("x"));

            assertThat(e.reason()).isEqualTo(KubectlException.Reason.NOT_INSTALLED);
            assertThat(e.getMessage()).contains(missing.toString()).contains("Install kubectl");
        }
        assertThat(catchThrowableOfType(KubectlException.class, () -> Kubectl.contexts(missing, Duration.ofSeconds(5)))
                .reason()).isEqualTo(KubectlException.Reason.NOT_INSTALLED);
    }

    @Test
    void saysWhatIsMissingWhenTheDeploymentIsNotThere() {
        KubectlException e = catchThrowableOfType(KubectlException.class, () -> kubectl.deployment("hmpps-person-recrod"));

        assertThat(e.reason()).isEqualTo(KubectlException.Reason.NOT_FOUND);
        assertThat(e.getMessage()).contains("deployments.apps \"hmpps-person-recrod\" not found");
    }

    @Test
    void listsTheKubeconfigsContexts() throws Exception {
        assertThat(Kubectl.contexts(cluster.executable(), Duration.ofSeconds(20))).containsExactly("docker-desktop", CONTEXT);
    }
}
