package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.justice.digital.hmpps.rollbackconsole.Main;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.QueryText;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * psql and the console's command line as an incident lead runs them: each a whole process of its own (the JVM's
 * start included, held to 256 MB), on the same rows, the paths interleaved round by round so that a busy moment
 * of the machine falls on all of them alike. Each path's best of the rounds is compared.
 */
final class WholeProcessRuns {

    private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
    private static final Pattern OWN_TIME = Pattern.compile("Time: ([0-9.]+) s");

    /** One path: how it is started, and what it wrote. */
    record Path_(String name, RecordMode mode, boolean console, List<String> command, Path file) {
    }

    /** The figures of one path over all rounds. */
    static final class Figures {
        final List<Double> seconds = new ArrayList<>();
        long rows;
        long bytes;
        long peakHeapMb = -1;
        long peakLiveMb = -1;
        String ownTime = "";

        double best() {
            return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }
    }

    private final AffectedWindow window;
    private final Path work;
    private final List<Path_> paths = new ArrayList<>();

    WholeProcessRuns(AffectedWindow window, Path work) {
        this.window = window;
        this.work = work;
        boolean psql = onPath("psql");
        for (RecordMode mode : List.of(RecordMode.ONE_ROW_PER_EVENT, RecordMode.DISTINCT_RECORDS)) {
            if (psql) {
                paths.add(psql(mode, false));
                paths.add(psql(mode, true));
            }
            paths.add(console(mode));
        }
        if (!psql) {
            System.out.println("psql     not installed: its baselines are skipped");
        }
    }

    Map<String, Figures> run(int rounds) throws Exception {
        Map<String, Figures> figures = new LinkedHashMap<>();
        for (Path_ p : paths) {
            figures.put(p.name(), new Figures());
        }
        for (int round = 1; round <= rounds; round++) {
            for (Path_ p : paths) {
                Figures f = figures.get(p.name());
                Path log = work.resolve("gc.log");
                Files.deleteIfExists(log);
                List<String> command = new ArrayList<>(p.command());
                if (p.console()) {
                    command.add(1, "-Xlog:gc:file=" + log);
                }
                long started = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(p.name() + " failed:\n" + output);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                f.seconds.add(seconds);
                f.bytes = Files.size(p.file());
                f.rows = p.console() ? consoleRows(output) : lines(p.file());
                if (p.console()) {
                    long[] heap = heapMb(log);
                    f.peakHeapMb = Math.max(f.peakHeapMb, heap[0]);
                    f.peakLiveMb = Math.max(f.peakLiveMb, heap[1]);
                    Matcher own = OWN_TIME.matcher(output);
                    f.ownTime = own.find() ? own.group(1) + " s" : "";
                }
                System.out.printf(Locale.UK, "round %d  %-34s %,9d rows in %5.2f s%s%n", round, p.name(), f.rows,
                        seconds, p.console() ? " (its own timer " + f.ownTime + ", heap " + f.peakHeapMb + " MB in use, " + f.peakLiveMb + " MB live)" : "");
                if (!p.console() || round < rounds) {
                    Files.deleteIfExists(p.file());
                }
            }
        }
        return figures;
    }

    /** Where the console's per-event file was left, for the offline review. */
    Path consoleFile(RecordMode mode) {
        return work.resolve("console-" + mode + ".json");
    }

    private Path_ console(RecordMode mode) {
        Path file = consoleFile(mode);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-cp", runtimeClasspath(),
                Main.class.getName(), "export", "--host", "127.0.0.1", "--port", Integer.toString(TestReplica.port()),
                "--database", TestReplica.DATABASE, "--user", TestReplica.CONSOLE_USER, "--sslmode", "disable",
                "--cutoff", window.cutoff().toString(), "--zone", "UTC", "--out", file.toString(), "--overwrite",
                mode == RecordMode.DISTINCT_RECORDS ? "--distinct" : "--per-event"));
        return new Path_("console export " + (mode == RecordMode.DISTINCT_RECORDS ? "--distinct" : "--per-event"),
                mode, true, command, file);
    }

    private Path_ psql(RecordMode mode, boolean json) {
        // The console's own query, as it shows it for running by hand: the same server work on both sides.
        String rows = QueryText.affectedRecords(mode, window).lines().filter(l -> !l.startsWith("--"))
                .collect(java.util.stream.Collectors.joining(" ")).replaceAll(";\\s*$", "");
        boolean distinct = mode == RecordMode.DISTINCT_RECORDS;
        String query = json
                ? "select json_build_object('person_uuid', person_uuid, 'source_system', source_system,"
                + " 'source_system_id', source_system_id) from (" + rows + ") t"
                : rows;
        Path file = work.resolve("psql-" + mode + (json ? ".json" : ".csv"));
        List<String> command = List.of("psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p",
                Integer.toString(TestReplica.port()), "-U", TestReplica.CONSOLE_USER, "-d", TestReplica.DATABASE,
                "-c", "\\copy (" + query + ") to '" + file + "'" + (json ? "" : " with csv"));
        return new Path_("psql " + (distinct ? "distinct" : "per event") + ", " + (json ? "JSON a row" : "CSV"), mode,
                false, command, file);
    }

    private static long consoleRows(String output) {
        Matcher m = Pattern.compile("Records: ([0-9,]+)").matcher(output);
        return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : -1;
    }

    private static long lines(Path file) throws Exception {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    /**
     * From the collector's log: the most heap in use before a collection (what the process held, garbage
     * included: G1 lets it grow towards the limit) and the most still in use after one (the live data).
     */
    private static long[] heapMb(Path log) throws Exception {
        long[] peak = {-1, -1};
        if (!Files.exists(log)) {
            return peak;
        }
        for (String line : Files.readAllLines(log)) {
            Matcher m = GC_HEAP.matcher(line);
            while (m.find()) {
                peak[0] = Math.max(peak[0], Long.parseLong(m.group(1)));
                peak[1] = Math.max(peak[1], Long.parseLong(m.group(2)));
            }
        }
        return peak;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The application's classpath as the benchmark JVM got it, without the test classes. */
    private static String runtimeClasspath() {
        List<String> kept = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith("test-classes")) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
