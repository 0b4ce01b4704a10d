package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;

class ReleasesTest {

    @TempDir
    Path dir;

    private Kubectl kubectl() throws Exception {
        SimulatedCluster s = ReleaseHistoryScenario.write(SimulatedCluster.create(dir));
        return new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE);
    }

    @Test
    void listsOnlyTheDeploymentsOwnRevisionsNewestFirstWithHowLongEachRan() throws Exception {
        try (Kubectl kubectl = kubectl()) {
            List<Release> releases = kubectl.releases(ReleaseHistoryScenario.RECORD);

            assertThat(releases).extracting(Release::revision).containsExactly(7L, 6L, 5L);
            Release rollback = releases.get(0);
            Release bad = releases.get(1);
            assertThat(rollback.current()).isTrue();
            assertThat(rollback.ranFor()).as("still running").isNull();
            assertThat(rollback.replicas()).isEqualTo(2);
            assertThat(bad.current()).isFalse();
            assertThat(bad.tag()).isEqualTo("2025-06-09.5512.bad0bad");
            assertThat(bad.created()).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
            assertThat(bad.ranFor()).isEqualTo(Duration.between(ReleaseHistoryScenario.BAD_RELEASE_CREATED,
                    ReleaseHistoryScenario.ROLLBACK_CREATED));
            assertThat(releases.get(2).replicas()).as("scaled to zero long ago").isZero();
        }
    }

    @Test
    void readsTheMatchingServicesHistoryFromTheSameNamespace() throws Exception {
        try (Kubectl kubectl = kubectl()) {
            assertThat(kubectl.releases(ReleaseHistoryScenario.MATCH)).extracting(Release::revision, Release::current)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, true), org.assertj.core.groups.Tuple.tuple(2L, false));
        }
    }

    @Test
    void aReleaseGivesItsCreationAsTheCutoffMovedEarlierByTheMargin() throws Exception {
        try (Kubectl kubectl = kubectl()) {
            Release bad = kubectl.releases(ReleaseHistoryScenario.RECORD).get(1);
            assertThat(bad.cutoff(Duration.ZERO)).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED);
            assertThat(bad.cutoff(Duration.ofMinutes(5))).isEqualTo(ReleaseHistoryScenario.BAD_RELEASE_CREATED.minusSeconds(300));
            assertThatThrownBy(() -> bad.cutoff(Duration.ofMinutes(-1))).hasMessageContaining("cannot be negative");
        }
    }

    @Test
    void askedWithTheExplicitContextAndNamespace() throws Exception {
        SimulatedCluster s = ReleaseHistoryScenario.write(SimulatedCluster.create(dir));
        try (Kubectl kubectl = new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE)) {
            kubectl.releases(ReleaseHistoryScenario.RECORD);
        }
        assertThat(s.calls()).allSatisfy(argv -> assertThat(argv).containsSubsequence("--context", SimulatedCluster.CONTEXT)
                .containsSubsequence("-n", SimulatedCluster.NAMESPACE));
        assertThat(s.calls()).anySatisfy(argv -> assertThat(argv).contains("replicasets", "-l", "app=hmpps-person-record"));
    }
}
