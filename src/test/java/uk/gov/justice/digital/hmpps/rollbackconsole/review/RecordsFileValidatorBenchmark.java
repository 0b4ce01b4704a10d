package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;

/**
 * Reviews a generated file of N records (default a million) and prints time and peak heap. Not a test (Surefire
 * skips *Benchmark): run it by hand with a small heap to check that memory stays bounded, e.g.
 * {@code java -Xmx256m -cp target/classes:target/test-classes:DEPENDENCIES ...RecordsFileValidatorBenchmark 1000000}.
 */
public final class RecordsFileValidatorBenchmark {

    private RecordsFileValidatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path folder = Files.createTempDirectory("review-benchmark");
        Path file = folder.resolve("affected-records-" + records + ".json");
        try {
            long started = System.nanoTime();
            ExportResult written = BigFileGenerator.write(file, records);
            System.out.printf(Locale.UK, "wrote %,d records, %,d bytes in %.1f s%n", written.records(), written.bytes(),
                    (System.nanoTime() - started) / 1e9);

            started = System.nanoTime();
            ReviewReport report = new RecordsFileValidator().validate(file);
            double seconds = (System.nanoTime() - started) / 1e9;
            // Finishing at all within -Xmx is the measure: peaks of the heap's pools include garbage not yet collected.
            System.out.printf(Locale.UK, "reviewed in %.1f s (%,.0f records/s) within a heap of %,d MB%n",
                    seconds, report.records() / seconds, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(Locale.UK, "records %,d, distinct %,d, clusters %,d, without person_uuid %,d, safe %s%n",
                    report.records(), report.distinctRecords(), report.clusters(), report.withoutPersonUuid(),
                    report.safeToSend());
            System.out.println("problems " + report.problemCounts() + ", SHA-256 matches the export: "
                    + report.sha256().equals(written.sha256()));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }
}
