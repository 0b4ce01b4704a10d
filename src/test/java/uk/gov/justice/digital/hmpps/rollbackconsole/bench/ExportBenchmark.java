package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.BulkSeed;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * Seeds an embedded replica with an event_log as wide as the real one (every column filled, rows in time order, the
 * real indexes, analysed), then runs psql's CSV and JSON paths and the console's command line {@code export} in
 * both forms as whole processes on the same rows, three rounds interleaved, and prints each path's best and the
 * ratios; then the offline review of the console's file in this JVM (started with -Xmx256m by
 * {@code mvn -q test-compile exec:exec@benchmark}), and the window's preview path in a JVM held to 512 MB.
 * Arguments: total events, affected events, and optionally {@code export-only} to skip the recluster and
 * Progress screen benchmarks that follow.
 */
public final class ExportBenchmark {
    private static final int ROUNDS = 3;

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 3_000_000;
        int affected = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        boolean exportOnly = args.length > 2 && args[2].equals("export-only");
        Path work = Files.createTempDirectory("rollback-console-bench");
        System.out.printf(Locale.UK, "Rollback Console export benchmark: %,d event_log rows, %,d affected; JVM heap limit %d MB, %d cores%n",
                total, affected, HeapSampler.maxHeapMb(), Runtime.getRuntime().availableProcessors());

        long seedStart = System.nanoTime();
        BulkSeed.Result seeded = BulkSeed.seedWide(TestReplica.admin(), total, affected);
        System.out.printf(Locale.UK, "seed     %,d rows in %.1f s (embedded PostgreSQL on port %d)%n",
                seeded.totalEvents(), (System.nanoTime() - seedStart) / 1e9, TestReplica.port());
        tableSize();
        AffectedWindow window = BulkSeed.WINDOW;

        Map<String, WholeProcessRuns.Figures> figures = new WholeProcessRuns(window, work).run(ROUNDS);
        summary(figures);
        review(new WholeProcessRuns(window, work).consoleFile(RecordMode.ONE_ROW_PER_EVENT));
        previewInItsOwnJvm(window, work.resolve("preview.json"));
        ChangesPassBenchmark.inItsOwnJvm(window, new WholeProcessRuns(window, work).consoleFile(RecordMode.ONE_ROW_PER_EVENT),
                new WholeProcessRuns(window, work).consoleFile(RecordMode.DISTINCT_RECORDS));
        if (!exportOnly) {
            ReclusterBenchmark.run(10_000);
            ProgressScreenBenchmark.inItsOwnJvm();
        }
        try (var files = Files.list(work)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(work);
    }

    private static void tableSize() throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_relation_size('personrecordservice.event_log'),"
                     + " pg_total_relation_size('personrecordservice.event_log'),"
                     + " (select count(*) from personrecordservice.event_log)")) {
            rs.next();
            long heap = rs.getLong(1);
            long rows = rs.getLong(3);
            System.out.printf(Locale.UK, "table    event_log: %,d rows, heap %,d MB (%d bytes a row), with indexes %,d MB%n",
                    rows, heap >> 20, rows == 0 ? 0 : heap / rows, rs.getLong(2) >> 20);
        }
    }

    private static void summary(Map<String, WholeProcessRuns.Figures> figures) {
        System.out.println();
        System.out.printf(Locale.UK, "%-34s %10s %13s %24s %14s%n", "path (whole process, best of " + ROUNDS + ")",
                "rows", "best", "all rounds", "heap in use / live");
        figures.forEach((name, f) -> System.out.printf(Locale.UK, "%-34s %,10d %11.2f s %24s %14s%n", name, f.rows,
                f.best(), f.seconds.stream().map(v -> String.format(Locale.UK, "%.2f", v)).toList(),
                f.peakHeapMb < 0 ? "" : f.peakHeapMb + " / " + f.peakLiveMb + " MB of 256"));
        for (String form : List.of("per event", "distinct")) {
            String option = form.equals("distinct") ? "--distinct" : "--per-event";
            WholeProcessRuns.Figures console = figures.get("console export " + option);
            WholeProcessRuns.Figures json = figures.get("psql " + form + ", JSON a row");
            WholeProcessRuns.Figures csv = figures.get("psql " + form + ", CSV");
            if (console != null && json != null && csv != null) {
                System.out.printf(Locale.UK, "ratio    %-10s console %s is %.2fx psql's JSON and %.2fx psql's CSV (higher is faster)%n",
                        form, option, json.best() / console.best(), csv.best() / console.best());
            }
        }
        System.out.println();
    }

    private static void review(Path file) throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            ReviewReport report = new RecordsFileValidator().validate(file);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.UK, "review   %,d records (%,d distinct) validated in %.2f s = %,.0f records/s, %.1f MB/s; "
                            + "%,d errors, %,d warnings; peak heap %d MB of %d MB%n",
                    report.records(), report.distinctRecords(), seconds, report.records() / seconds,
                    report.sizeBytes() / seconds / 1e6, report.errorCount(), report.warningCount(), heap.peakMb(),
                    HeapSampler.maxHeapMb());
        }
    }

    private static void previewInItsOwnJvm(AffectedWindow window, Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), PreviewBenchmark.class.getName(),
                Integer.toString(TestReplica.port()), TestReplica.DATABASE, TestReplica.CONSOLE_USER,
                window.cutoff().toString(), window.asOf().toString(), file.toString()));
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            System.out.println("preview  did not finish within 10 minutes");
        } else if (p.exitValue() != 0) {
            System.out.println("preview  failed with exit code " + p.exitValue());
        }
    }
}
