package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.CommandLine;

/** Progress's commands as the run stands: the forward's port while it is up, and saying so while it is not. */
class ProgressCommandsTest {

    private static final ReclusterPlan PLAN = new ReclusterPlan("PREPROD", "ctx", "hmpps-person-record-preprod",
            "pod-a", Path.of("/incident/affected records.json"), "0".repeat(64), 1200, 3, 500);
    private static final List<String> LOGS = CommandLine.kubectl(Path.of("/opt/kube/kubectl"), "ctx",
            "hmpps-person-record-preprod", CommandLine.logs("pod-a", Instant.parse("2025-06-10T09:00:01.700Z")));

    private static String request(String text) {
        return text.lines().filter(l -> l.startsWith("curl ")).findFirst().orElseThrow();
    }

    @Test
    void theRequestGoesToTheForwardsPresentPortAndTheLogIsTheFollowsOwn() {
        String text = ProgressCommands.text(PLAN, LOGS, Optional.of(URI.create("http://127.0.0.1:43117")));
        assertThat(request(text)).isEqualTo("curl -X POST http://127.0.0.1:43117/admin/recluster -H 'Content-Type: "
                + "application/json' --data-binary '@/incident/affected records.json'");
        assertThat(text).contains("/opt/kube/kubectl --context ctx -n hmpps-person-record-preprod logs -f pod/pod-a "
                + "--timestamps --since-time=2025-06-10T09:00:01Z");
        assertThat(text).contains("in 3 batches of up to 500");
    }

    @Test
    void whileTheForwardIsDownTheRequestSaysSoRatherThanAPortThatNoLongerAnswers() {
        String text = ProgressCommands.text(PLAN, LOGS, Optional.empty());
        assertThat(request(text)).contains("http://127.0.0.1:<local port: the port-forward is not up>/admin/recluster")
                .doesNotContain(":0/");
    }
}
