package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChangesQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * The Outcome step's "what changed" pass over the console's exported files, in a JVM of its own held to 256 MB (as
 * the command line's {@code outcome} runs): the file streamed in batches of 5,000, each batch looked up on the
 * replica, one entry a cluster and one fingerprint a distinct record kept. Prints the rows, the distinct records and
 * clusters, the time, and the heap: the highest in use, and what is live after a collection at the end.
 * Arguments: port database user cutoff asOf file...
 */
public final class ChangesPassBenchmark {

    private ChangesPassBenchmark() {
    }

    /** Runs the pass over each of {@code files} that exists, in its own 256 MB JVM. */
    static void inItsOwnJvm(AffectedWindow window, Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ChangesPassBenchmark.class.getName(),
                Integer.toString(TestReplica.port()), TestReplica.DATABASE, TestReplica.CONSOLE_USER,
                window.cutoff().toString(), window.asOf().toString()));
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                command.add(f.toString());
            }
        }
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.out.println("changes  did not finish within 15 minutes");
        } else if (p.exitValue() != 0) {
            System.out.println("changes  failed with exit code " + p.exitValue());
        }
    }

    public static void main(String[] args) throws Exception {
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", Integer.parseInt(args[0]), args[1], args[2],
                null, Environment.LOCAL, SslMode.DISABLE, null, null);
        AffectedWindow window = new AffectedWindow(Instant.parse(args[3]), Instant.parse(args[4]));
        try (Replica replica = Replica.connect(settings)) {
            for (int i = 5; i < args.length; i++) {
                pass(replica, window, Path.of(args[i]));
            }
        }
    }

    private static void pass(Replica replica, AffectedWindow window, Path file) throws Exception {
        long rows;
        try (var lines = Files.lines(file)) {
            rows = lines.filter(l -> l.contains("\"source_system_id\"")).count();
        }
        ClusterChanges changes;
        double seconds;
        long peak;
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            changes = ClusterChangesQuery.of(replica, window, file, ClusterChangesQuery.DEFAULT_BATCH).run();
            seconds = (System.nanoTime() - started) / 1e9;
            peak = heap.peakMb();
        }
        System.gc();
        long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
        ClusterChangeCounts c = changes.counts();
        System.out.printf(Locale.UK, "changes  %-32s %,d rows, %,d distinct records, %,d clusters in the file, %,d now;"
                        + " %.2f s (%,.0f rows/s); peak heap %d MB of %d MB, %d MB live after (the result held)%n",
                file.getFileName(), rows, c.records(), c.earlierClusters(), c.clustersNow(), seconds, rows / seconds,
                peak, HeapSampler.maxHeapMb(), live);
    }
}
