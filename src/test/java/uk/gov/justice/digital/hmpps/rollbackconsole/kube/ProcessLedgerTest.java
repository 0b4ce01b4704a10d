package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;

class ProcessLedgerTest {

    @TempDir
    Path dir;

    @Test
    void aProcessLeftRunningByAConsoleKilledOutrightIsEndedAtTheNextStart() throws Exception {
        ProcessLedger ledger = new ProcessLedger(dir.resolve("processes"));
        // Stands in for a port-forward whose console died without its shutdown hook.
        Process leftover = new ProcessBuilder("sleep", "60").start();
        try {
            ledger.record(leftover);
            assertThat(dir.resolve("processes").resolve(Long.toString(leftover.pid()))).exists();

            int ended = new ProcessLedger(dir.resolve("processes")).endLeftovers();

            assertThat(ended).isEqualTo(1);
            assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).isTrue();
            try (var notes = Files.list(dir.resolve("processes"))) {
                assertThat(notes.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
            }
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aReusedPidIsLeftAlone() throws Exception {
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path folder = Files.createDirectories(dir.resolve("processes"));
            // A note for this pid but another start time: the pid now belongs to something the console never started.
            Files.writeString(folder.resolve(Long.toString(other.pid())), "2001-01-01T00:00:00Z\nkubectl port-forward");

            assertThat(new ProcessLedger(folder).endLeftovers()).isZero();
            assertThat(other.isAlive()).isTrue();
            assertThat(folder.resolve(Long.toString(other.pid()))).doesNotExist();
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aPortForwardIsNotedWhileItRunsAndTheNoteGoesWhenItEnds() throws Exception {
        try (SimulatedPersonRecordService service = SimulatedPersonRecordService.start(dir.resolve("pod.log"))) {
            SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                    .servicePod("hmpps-person-record-1").forwardTo(service.port());
            ProcessLedger ledger = new ProcessLedger(dir.resolve("processes"));
            try (Kubectl kubectl = new Kubectl(cluster.executable(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE)
                    .noting(ledger);
                 PortForward forward = PortForward.start(kubectl, "hmpps-person-record-1", PortForward.Options.DEFAULT,
                         port -> java.util.Optional.empty(), s -> { }, java.time.Clock.systemUTC())) {
                forward.awaitUp(Duration.ofSeconds(30));
                try (var notes = Files.list(dir.resolve("processes"))) {
                    assertThat(notes.filter(p -> p.getFileName().toString().matches("\\d+"))).hasSize(1);
                }
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (noteCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(noteCount()).isZero();
        }
    }

    private long noteCount() throws Exception {
        try (var notes = Files.list(dir.resolve("processes"))) {
            return notes.filter(p -> p.getFileName().toString().matches("\\d+")).count();
        }
    }
}
