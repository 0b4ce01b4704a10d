package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RollbackLiveCheck;

/** The rehearsal asleep, as dev and preprod are out of hours: its simulated kubectl shows no pod to send to. */
class RehearsalClusterStatesTest {

    @TempDir
    Path dir;

    @Test
    void asleepTheDeploymentHasNoPodsAndTheLiveCheckSaysAsleepNotBroken() throws Exception {
        Rehearsal.Options asleep = new Rehearsal.Options(100, 0, 0, Rehearsal.Failure.NONE, 1, 0, false, true);
        try (Rehearsal r = Rehearsal.start(dir.resolve("r"), asleep, Clock.systemUTC(), s -> { }, () -> false);
             Kubectl k = new Kubectl(r.kubectl(), Rehearsal.CONTEXT, Rehearsal.NAMESPACE)) {
            RollbackLiveCheck.Result result = RollbackLiveCheck.run(k, Optional.empty(), Environment.REHEARSAL,
                    java.time.Instant.now());

            assertThat(result.asleep()).as(result.summary()).isTrue();
            assertThat(result.items().get(0).facts()).anySatisfy(f -> assertThat(f)
                    .startsWith("0 replicas: ").contains("starts again at 06:45 UK time on weekdays; asleep, not broken"));
            assertThat(k.servingPods(k.deployment(Rehearsal.DEPLOYMENT).selector())).isEmpty();
            assertThat(result.holdsSend(Environment.REHEARSAL)).isTrue();
        }
    }
}
