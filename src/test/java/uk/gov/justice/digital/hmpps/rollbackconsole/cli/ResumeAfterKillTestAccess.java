package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;

/** The kill tests' helpers, for the window's kill test in another package. */
public final class ResumeAfterKillTestAccess {

    private ResumeAfterKillTestAccess() {
    }

    public static Path records(Path dir, int n) throws Exception {
        return ResumeAfterKillTest.records(dir, n);
    }

    public static void kill9(Process p) {
        ResumeAfterKillTest.kill9(p);
    }

    public static void await(BooleanSupplier condition, String what) throws InterruptedException {
        ResumeAfterKillTest.await(condition, what);
    }

    /** The window's Send step sending a reviewed file, as its own process (see WindowSendProcess). */
    public static Process windowSend(Path dir, Path incidents, Path file, SimulatedCluster cluster, String pod,
                                     String batchSize) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"),
                "uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.WindowSendProcess", incidents.toString(),
                file.toString(), cluster.executable().toString(), SimulatedCluster.CONTEXT, SimulatedCluster.NAMESPACE,
                pod, batchSize).redirectErrorStream(true).redirectOutput(dir.resolve("window-send.out").toFile()).start();
    }
}
