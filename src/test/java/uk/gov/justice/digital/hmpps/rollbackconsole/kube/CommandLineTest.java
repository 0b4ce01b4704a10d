package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void aShownLineIsReadBackByTheShellAsExactlyTheArguments() throws Exception {
        List<String> argv = CommandLine.kubectl(Path.of("/opt/my tools/kubectl"), "arn:aws:eks:eu-west-2:1:cluster/live",
                "hmpps-person-record-preprod", CommandLine.pods("app=hmpps-person-record,tier in (web)"));
        String line = CommandLine.shell(argv);
        assertThat(line).startsWith("'/opt/my tools/kubectl' --context arn:aws:eks:eu-west-2:1:cluster/live -n "
                + "hmpps-person-record-preprod get pods -l 'app=hmpps-person-record,tier in (web)' -o json");
        // A real shell splits the line back into the same arguments, quotes and all.
        Process sh = new ProcessBuilder("sh", "-c", "for a in " + CommandLine.shell(argv.subList(1, argv.size()))
                + " \"it's\"; do printf '%s\\n' \"$a\"; done").start();
        List<String> back = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(sh.waitFor()).isZero();
        assertThat(back.subList(0, back.size() - 1)).isEqualTo(argv.subList(1, argv.size()));
        assertThat(CommandLine.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void portForwardAndLogsAreTheRunbooksCommandsWithContextAndNamespaceNamed() {
        assertThat(CommandLine.shell(CommandLine.kubectl(Path.of("kubectl"), "live", "ns",
                CommandLine.portForward("hmpps-person-record-7d9f-abcde", 8080))))
                .isEqualTo("kubectl --context live -n ns port-forward --address 127.0.0.1 pod/hmpps-person-record-7d9f-abcde 0:8080");
        assertThat(CommandLine.logs("p", java.time.Instant.parse("2025-06-10T14:02:03.456Z")))
                .containsExactly("logs", "-f", "pod/p", "--timestamps", "--since-time=2025-06-10T14:02:03Z");
    }
}
