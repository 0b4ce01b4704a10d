package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;

/** Helm's release records merged with the ReplicaSets, read through the simulated kubectl as a real subprocess. */
class ReleasesTest {

    @TempDir
    Path dir;

    private SimulatedCluster scenario() throws Exception {
        return ReleaseHistoryScenario.write(SimulatedCluster.create(dir));
    }

    private static Kubectl kubectl(SimulatedCluster s) {
        return new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE);
    }

    @Test
    void listsHelmsTenReleasesMergedWithTheThreeReplicaSetsNewestFirst() throws Exception {
        try (Kubectl kubectl = kubectl(scenario())) {
            ReleaseHistory history = kubectl.releaseHistory(ReleaseHistoryScenario.RECORD);

            assertThat(history.fromHelm()).isTrue();
            List<Release> releases = history.releases();
            assertThat(releases).extracting(Release::revision)
                    .containsExactly(30L, 29L, 28L, 27L, 26L, 25L, 24L, 23L, 22L, 21L);
            Release rollback = releases.get(0);
            assertThat(rollback.current()).isTrue();
            assertThat(rollback.status()).isEqualTo("deployed");
            assertThat(rollback.kept()).isEqualTo(Release.Kept.HELM_AND_REPLICA_SET);
            assertThat(rollback.deploymentRevision()).isEqualTo(7);
            assertThat(rollback.replicaSet()).isEqualTo("hmpps-person-record-7c1e2d3a4");
            assertThat(rollback.replicas()).isEqualTo(2);
            assertThat(rollback.created()).as("Helm's deploy, a few seconds before its ReplicaSet")
                    .isEqualTo(ReleaseHistoryScenario.ROLLBACK_CREATED);
            assertThat(rollback.ranFor()).as("still running").isNull();

            Release bad = releases.get(3);
            assertThat(bad.tag()).isEqualTo(ReleaseHistoryScenario.BAD_TAG);
            assertThat(bad.kept()).as("its ReplicaSet is long gone").isEqualTo(Release.Kept.HELM);
            assertThat(bad.created()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
            assertThat(bad.ranFor()).isEqualTo(Duration.between(ReleaseHistoryScenario.BAD_RELEASE_CREATED,
                    ReleaseHistoryScenario.AFTER_BAD));
            assertThat(bad.current()).isFalse();
            assertThat(bad.status()).isEqualTo("superseded");
            assertThat(releases).extracting(Release::replicaSet).doesNotContain("hmpps-person-record-canary-55f6d",
                    "hmpps-person-record-old-44e5c");
        }
    }

    @Test
    void saysWhereTheHistoryEnds() throws Exception {
        try (Kubectl kubectl = kubectl(scenario())) {
            ReleaseHistory history = kubectl.releaseHistory(ReleaseHistoryScenario.RECORD);

            assertThat(history.oldest().orElseThrow().created()).isEqualTo(ReleaseHistoryScenario.OLDEST_KEPT);
            assertThat(history.end()).isEqualTo("Helm keeps the last 10 releases of hmpps-person-record: the oldest"
                    + " kept is revision 21 (2025-03-03.4900.aaaa021), started 2025-03-03 10:00:00 UTC"
                    + " (2025-03-03 10:00:00 GMT). An older bad release is not listed: type its deployment time.");
        }
    }

    @Test
    void withoutPermissionToReadSecretsTheReplicaSetsAloneAreListedAndItSaysSo() throws Exception {
        try (Kubectl kubectl = kubectl(scenario().forbidSecrets())) {
            ReleaseHistory history = kubectl.releaseHistory(ReleaseHistoryScenario.RECORD);

            assertThat(history.fromHelm()).isFalse();
            assertThat(history.releases()).extracting(Release::revision, Release::kept, Release::current).containsExactly(
                    tuple(7L, Release.Kept.REPLICA_SET, true), tuple(6L, Release.Kept.REPLICA_SET, false),
                    tuple(5L, Release.Kept.REPLICA_SET, false));
            assertThat(history.releases()).extracting(Release::tag).doesNotContain(ReleaseHistoryScenario.BAD_TAG);
            assertThat(history.end()).contains("Only the ReplicaSets of hmpps-person-record are listed (your account"
                    + " may not read secrets in " + SimulatedCluster.NAMESPACE).contains("the oldest kept is revision 5")
                    .contains("An older bad release is not listed");
        }
    }

    @Test
    void readsTheMatchingServicesHistoryFromTheSameNamespace() throws Exception {
        try (Kubectl kubectl = kubectl(scenario())) {
            assertThat(kubectl.releases(ReleaseHistoryScenario.MATCH)).extracting(Release::revision, Release::current,
                    Release::deploymentRevision).containsExactly(tuple(12L, true, 3L), tuple(11L, false, 2L));
        }
    }

    @Test
    void aReleaseGivesItsStartAsTheCutoffMovedEarlierByTheMargin() throws Exception {
        try (Kubectl kubectl = kubectl(scenario())) {
            Release bad = kubectl.releases(ReleaseHistoryScenario.RECORD).get(3);
            assertThat(bad.cutoff(Duration.ZERO)).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
            assertThat(bad.cutoff(Duration.ofMinutes(5))).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED.minusSeconds(300));
            assertThatThrownBy(() -> bad.cutoff(Duration.ofMinutes(-1))).hasMessageContaining("cannot be negative");
        }
    }

    @Test
    void askedWithTheExplicitContextAndNamespaceAndHelmsLabels() throws Exception {
        SimulatedCluster s = scenario();
        try (Kubectl kubectl = kubectl(s)) {
            kubectl.releases(ReleaseHistoryScenario.RECORD);
        }
        assertThat(s.calls()).allSatisfy(argv -> assertThat(argv).containsSubsequence("--context", SimulatedCluster.CONTEXT)
                .containsSubsequence("-n", SimulatedCluster.NAMESPACE));
        assertThat(s.calls()).anySatisfy(argv -> assertThat(argv).contains("replicasets", "-l", "app=hmpps-person-record"));
        assertThat(s.calls()).anySatisfy(argv -> assertThat(argv).contains("secrets", "-l",
                "owner=helm,name=hmpps-person-record"));
    }
}
