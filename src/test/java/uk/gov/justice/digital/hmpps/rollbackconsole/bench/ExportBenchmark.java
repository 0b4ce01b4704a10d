package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportVerifier;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.BulkSeed;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * Seeds an embedded replica with a production-sized event_log and measures the export through the console's own
 * code, in this JVM (started with -Xmx256m by {@code mvn -q test-compile exec:exec@benchmark}), then the window's
 * in-memory path in a second JVM held to 512 MB, then two baselines: plain JDBC and psql.
 * Arguments: total events, affected events.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int affected = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path work = Files.createTempDirectory("rollback-console-bench");
        System.out.printf(Locale.UK, "Rollback Console export benchmark: %,d event_log rows, %,d affected; JVM heap limit %d MB, %d cores%n",
                total, affected, HeapSampler.maxHeapMb(), Runtime.getRuntime().availableProcessors());

        long seedStart = System.nanoTime();
        BulkSeed.Result seeded = BulkSeed.seedBulk(TestReplica.admin(), total, affected);
        System.out.printf(Locale.UK, "seed     %,d rows in %.1f s (embedded PostgreSQL on port %d)%n",
                seeded.totalEvents(), (System.nanoTime() - seedStart) / 1e9, TestReplica.port());
        AffectedWindow window = BulkSeed.WINDOW;

        try (Replica replica = Replica.connect(TestReplica.settings())) {
            // Twice: the first run includes the JIT warming up, as an incident's one export does; the second is the
            // steady state, comparable with psql's compiled code.
            for (int run = 1; run <= 2; run++) {
                for (RecordMode mode : RecordMode.values()) {
                    exportStreamed(replica, window, mode, work.resolve("export-" + mode + ".json"), run);
                }
            }
            // The one-row-per-event file is the larger one: a reviewer's offline check of it, in the same small heap.
            review(work.resolve("export-" + RecordMode.ONE_ROW_PER_EVENT + ".json"));
            jdbcBaseline(window);
        }
        previewInItsOwnJvm(window, work.resolve("preview.json"));
        for (RecordMode mode : RecordMode.values()) {
            psqlBaseline(window, mode, work.resolve("psql-" + mode + ".json"));
        }
        ReclusterBenchmark.run(10_000);
        ProgressScreenBenchmark.inItsOwnJvm();
        try (var files = Files.list(work)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(work);
    }

    /** The command line's path: query rows go straight into the file; nothing is held. */
    private static void exportStreamed(Replica replica, AffectedWindow window, RecordMode mode, Path file, int run) throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            long started = System.nanoTime();
            long[] firstRow = {0};
            ExportResult result = new RunbookJsonExport().write(file, true, sink -> replica.affectedRecords(window, mode, r -> {
                if (firstRow[0] == 0) {
                    firstRow[0] = System.nanoTime();
                }
                sink.accept(r);
            }).run());
            double seconds = (System.nanoTime() - started) / 1e9;
            boolean verified = ExportVerifier.verify(result, null).matches();
            System.out.printf(Locale.UK, "export   %-17s run %d: %,d rows in %.2f s = %,.0f rows/s, %.1f MB/s (%,d bytes); "
                            + "first row after %.3f s; verified %s; peak heap %d MB of %d MB%n",
                    mode, run, result.records(), seconds, result.records() / seconds, result.bytes() / seconds / 1e6,
                    result.bytes(), (firstRow[0] - started) / 1e9, verified, heap.peakMb(), HeapSampler.maxHeapMb());
        }
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

    /** How fast the server and driver alone deliver the same rows, with no objects and no file. */
    private static void jdbcBaseline(AffectedWindow window) throws Exception {
        String sql = "select source_system, source_system_id, count(*), max(event_timestamp),"
                + " (array_agg(person_uuid order by event_timestamp desc, id desc))[1]"
                + " from personrecordservice.event_log where event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')"
                + " and event_timestamp >= ? and event_timestamp < ? group by source_system, source_system_id"
                + " order by source_system collate \"C\", source_system_id collate \"C\"";
        try (Connection c = TestReplica.admin().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(5_000);
                ps.setObject(1, LocalDateTime.ofInstant(window.cutoff(), ZoneOffset.UTC));
                ps.setObject(2, LocalDateTime.ofInstant(window.asOf(), ZoneOffset.UTC));
                long started = System.nanoTime();
                long rows = 0;
                long chars = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        chars += rs.getString(2).length();
                    }
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.UK, "jdbc     DISTINCT_RECORDS  %,d rows in %.2f s = %,.0f rows/s (read only, no objects, no file; %,d id chars)%n",
                        rows, seconds, rows / seconds, chars);
            }
            c.rollback();
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

    /** The runbook's way: psql writing one JSON object per row, for the same rows. */
    private static void psqlBaseline(AffectedWindow window, RecordMode mode, Path file) throws Exception {
        if (!onPath("psql")) {
            System.out.println("psql     not installed: baseline skipped");
            return;
        }
        String bounds = " from personrecordservice.event_log where event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')"
                + " and event_timestamp >= '" + LocalDateTime.ofInstant(window.cutoff(), ZoneOffset.UTC) + "'"
                + " and event_timestamp < '" + LocalDateTime.ofInstant(window.asOf(), ZoneOffset.UTC) + "'";
        String rows = mode == RecordMode.DISTINCT_RECORDS
                ? "select source_system, source_system_id,"
                + " (array_agg(person_uuid order by event_timestamp desc, id desc))[1] as person_uuid" + bounds
                + " group by source_system, source_system_id"
                + " order by source_system collate \"C\", source_system_id collate \"C\""
                : "select source_system, source_system_id, person_uuid" + bounds + " order by id";
        String query = "select json_build_object('person_uuid', person_uuid, 'source_system', source_system,"
                + " 'source_system_id', source_system_id) from (" + rows + ") t";
        List<String> command = List.of("psql", "-X", "-q", "-At", "-h", "localhost", "-p", Integer.toString(TestReplica.port()),
                "-U", TestReplica.CONSOLE_USER, "-d", TestReplica.DATABASE, "-c", "\\copy (" + query + ") to '" + file + "'");
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command).inheritIO().start();
        p.waitFor(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        long count;
        try (var lines = Files.lines(file)) {
            count = lines.count();
        }
        long bytes = Files.size(file);
        System.out.printf(Locale.UK, "psql     %-17s %,d rows in %.2f s = %,.0f rows/s, %.1f MB/s (one JSON object a line, %,d bytes)%n",
                mode, count, seconds, count / seconds, bytes / seconds / 1e6, bytes);
    }

    private static boolean onPath(String program) {
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
