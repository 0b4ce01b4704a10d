package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck.Status;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.ReleaseHistoryScenario;

/** "Is the rollback live?" against the simulated kubectl, run as a real subprocess. */
class RollbackLiveCheckTest {

    private static final Instant NOW = Instant.parse("2025-06-10T10:00:00Z");
    private static final String RECORD_POD_1 = "hmpps-person-record-7c1e2d3a4-aaaaa";
    private static final String RECORD_POD_2 = "hmpps-person-record-7c1e2d3a4-bbbbb";
    private static final String MATCH_IMAGE = "ghcr.io/ministryofjustice/hmpps-person-match:2025-06-02.300.abcabc1";

    @TempDir
    Path dir;

    /** The rollback (Helm 30) rolled out: both pods on its image; hmpps-person-match untouched. */
    private SimulatedCluster rolledBack() throws Exception {
        return ReleaseHistoryScenario.write(SimulatedCluster.create(dir))
                .podOf(ReleaseHistoryScenario.RECORD, RECORD_POD_1, ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, RECORD_POD_2, ReleaseHistoryScenario.ROLLBACK_IMAGE)
                .podOf(ReleaseHistoryScenario.MATCH, "hmpps-person-match-88bb99cc0-ccccc", MATCH_IMAGE)
                // The needs-attention job's pod carries the service's labels, on the bad image: not a serving pod.
                .pod(ReleaseHistoryScenario.RECORD, "hmpps-person-record-recluster-needs-attention-job-2900-xyz12",
                        ReleaseHistoryScenario.BAD_IMAGE, "Running", true, "Job", 0);
    }

    private static Kubectl kubectl(SimulatedCluster s) {
        return new Kubectl(s.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE);
    }

    private static Release revision(Kubectl k, String deployment, long revision) throws KubectlException {
        return k.releases(deployment).stream().filter(r -> r.revision() == revision).findFirst().orElseThrow();
    }

    @Test
    void passesWhenEveryPodRunsTheRollbackAndTheBadReleaseIsGone() throws Exception {
        try (Kubectl k = kubectl(rolledBack())) {
            Release bad = revision(k, ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.BAD_REVISION);

            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.of(bad), Environment.PROD, NOW);

            assertThat(result.passed()).as(result.summary()).isTrue();
            assertThat(result.image()).isEqualTo(ReleaseHistoryScenario.ROLLBACK_IMAGE);
            assertThat(result.items()).extracting(RollbackLiveCheck.Item::status).containsExactly(Status.PASS, Status.PASS);
            assertThat(result.items().get(0).facts()).contains("the deployment runs " + ReleaseHistoryScenario.ROLLBACK_IMAGE,
                    "2 of 2 pods ready on it");
            assertThat(result.items().get(1).title()).contains("hmpps-person-record revision 27, 2025-06-09.5512.bad0bad");
            assertThat(result.items().get(1).facts()).contains("hmpps-person-record runs " + ReleaseHistoryScenario.ROLLBACK_TAG,
                    "hmpps-person-match runs 2025-06-02.300.abcabc1");
        }
    }

    @Test
    void failsWhileAPodStillRunsAnOlderImageThanTheDeployments() throws Exception {
        SimulatedCluster s = rolledBack().podOf(ReleaseHistoryScenario.RECORD, "hmpps-person-record-6b9d8e7f1-zzzzz",
                ReleaseHistoryScenario.REPOSITORY + "2025-06-09.5520.aaaa029");
        try (Kubectl k = kubectl(s)) {
            Release bad = revision(k, ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.BAD_REVISION);

            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.of(bad), Environment.PROD, NOW);

            assertThat(result.passed()).isFalse();
            RollbackLiveCheck.Item rollout = result.items().get(0);
            assertThat(rollout.status()).isEqualTo(Status.FAIL);
            assertThat(rollout.facts()).contains("pod hmpps-person-record-6b9d8e7f1-zzzzz still runs 2025-06-09.5520.aaaa029, ready")
                    .anySatisfy(f -> assertThat(f).startsWith("rollout in progress"));
            assertThat(result.items().get(1).status()).as("that pod is not on the bad release").isEqualTo(Status.PASS);
        }
    }

    @Test
    void failsWhenTheBadReleaseStillRuns() throws Exception {
        SimulatedCluster s = rolledBack();
        s.deployment(ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.RECORD_UID, 7, ReleaseHistoryScenario.BAD_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, RECORD_POD_1, ReleaseHistoryScenario.BAD_IMAGE)
                .podOf(ReleaseHistoryScenario.RECORD, RECORD_POD_2, ReleaseHistoryScenario.BAD_IMAGE);
        try (Kubectl k = kubectl(s)) {
            Release bad = revision(k, ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.BAD_REVISION);

            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.of(bad), Environment.PROD, NOW);

            assertThat(result.items().get(0).status()).as("the rollout of the bad release is complete").isEqualTo(Status.PASS);
            RollbackLiveCheck.Item notBad = result.items().get(1);
            assertThat(notBad.status()).isEqualTo(Status.FAIL);
            assertThat(notBad.facts()).contains("hmpps-person-record's deployment still runs the bad release: roll back first"
                    + " (runbook step 2)", "pod " + RECORD_POD_1 + " still runs the bad release");
            assertThat(result.passed()).isFalse();
        }
    }

    @Test
    void aBadReleaseOfPersonMatchIsCheckedInPersonMatch() throws Exception {
        try (Kubectl k = kubectl(rolledBack())) {
            Release matchRunningNow = revision(k, ReleaseHistoryScenario.MATCH, 12);

            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.of(matchRunningNow), Environment.PROD, NOW);

            RollbackLiveCheck.Item notBad = result.items().get(1);
            assertThat(notBad.status()).isEqualTo(Status.FAIL);
            assertThat(notBad.facts()).contains("the bad release was hmpps-person-match's: its rollback is the one checked",
                    "hmpps-person-match's deployment still runs the bad release: roll back first (runbook step 2)");
        }
    }

    @Test
    void theNeedsAttentionJobDueDuringTheSendIsAWarningThatHoldsNothing() throws Exception {
        SimulatedCluster s = rolledBack().needsAttentionJob("0 13 * * *", Instant.parse("2025-06-09T13:00:00Z"));
        try (Kubectl k = kubectl(s)) {
            Release bad = revision(k, ReleaseHistoryScenario.RECORD, ReleaseHistoryScenario.BAD_REVISION);
            Instant twelveForty = Instant.parse("2025-06-10T12:40:00Z");

            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.of(bad), Environment.PROD, twelveForty,
                    NeedsAttentionJob.estimate(5_000));

            RollbackLiveCheck.Item job = result.items().get(2);
            assertThat(job.status()).isEqualTo(Status.WARN);
            assertThat(job.facts()).anySatisfy(f -> assertThat(f).contains("runs next at Tue 10 Jun 13:00 UTC (14:00 BST)"));
            assertThat(result.passed()).as("a warning, not a failure").isTrue();

            RollbackLiveCheck.Item early = RollbackLiveCheck.run(k, Optional.of(bad), Environment.PROD, NOW,
                    NeedsAttentionJob.estimate(5_000)).items().get(2);
            assertThat(early.status()).as("at 10:00, done long before 13:00").isEqualTo(Status.PASS);
            assertThat(early.facts()).containsExactly(
                    "schedule 0 13 * * * in UTC, last run Mon 9 Jun 13:00 UTC (14:00 BST)",
                    "next run Tue 10 Jun 13:00 UTC (14:00 BST), after the estimated end of the send");
        }
    }

    @Test
    void withoutAPickedReleaseTheComparisonIsLeftToTheLead() throws Exception {
        try (Kubectl k = kubectl(rolledBack())) {
            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.empty(), Environment.PROD, NOW);

            assertThat(result.items().get(1).status()).isEqualTo(Status.UNKNOWN);
            assertThat(result.passed()).isFalse();
        }
    }

    @Test
    void preprodScaledToZeroIsAsleepNotBroken() throws Exception {
        SimulatedCluster s = ReleaseHistoryScenario.write(SimulatedCluster.create(dir)).scale(ReleaseHistoryScenario.RECORD, 0);
        try (Kubectl k = kubectl(s)) {
            RollbackLiveCheck.Result preprod = RollbackLiveCheck.run(k, Optional.empty(), Environment.PREPROD, NOW);
            RollbackLiveCheck.Result prod = RollbackLiveCheck.run(k, Optional.empty(), Environment.PROD, NOW);

            assertThat(preprod.asleep()).isTrue();
            assertThat(preprod.items().get(0).facts()).anySatisfy(f -> assertThat(f)
                    .contains("scaled to zero out of hours and starts again at 06:45 UK time on weekdays; asleep, not broken"));
            assertThat(prod.items().get(0).status()).as("prod never sleeps").isEqualTo(Status.FAIL);
        }
    }
}
