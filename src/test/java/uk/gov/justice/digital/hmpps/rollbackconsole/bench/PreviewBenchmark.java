package uk.gov.justice.digital.hmpps.rollbackconsole.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecordTally;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.DistinctRecords;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportVerifier;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;

/**
 * The window's path, in its own JVM so that its heap limit is the one the window is held to: the preview keeps every
 * record in memory (as the table does) with the running tally, then the export writes from that list.
 * Arguments: port database user cutoff asOf outFile.
 */
public final class PreviewBenchmark {
    private PreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ConnectionSettings settings = new ConnectionSettings("127.0.0.1", port, args[1], args[2], null,
                Environment.LOCAL, SslMode.DISABLE, null, null);
        AffectedWindow window = new AffectedWindow(Instant.parse(args[3]), Instant.parse(args[4]));
        Path out = Path.of(args[5]);
        try (Replica replica = Replica.connect(settings)) {
            for (RecordMode mode : RecordMode.values()) {
                preview(replica, window, mode, out);
            }
        }
    }

    private static void preview(Replica replica, AffectedWindow window, RecordMode mode, Path out) throws Exception {
        try (HeapSampler heap = new HeapSampler()) {
            // The same lists the Preview step's table sits on: the rows, filtered, sorted.
            ObservableList<AffectedRecord> rows = FXCollections.observableArrayList();
            SortedList<AffectedRecord> table = new SortedList<>(new FilteredList<>(rows));
            AffectedRecordTally tally = new AffectedRecordTally();
            List<AffectedRecord> batch = new ArrayList<>();
            long started = System.nanoTime();
            long[] firstRow = {0};
            // As the Preview step does it: events in id order, each record shown at its first event, and in the
            // distinct form the fold replaced by the exact, ordered set at the end.
            DistinctRecords folded = new DistinctRecords();
            boolean distinct = mode == RecordMode.DISTINCT_RECORDS;
            replica.affectedRecords(window, RecordMode.ONE_ROW_PER_EVENT, event -> {
                if (firstRow[0] == 0) {
                    firstRow[0] = System.nanoTime();
                }
                AffectedRecord shown = distinct ? folded.add(event) : event;
                if (shown != null) {
                    batch.add(shown);
                }
                if (batch.size() == 10_000) {
                    rows.addAll(batch);
                    batch.forEach(tally::add);
                    batch.clear();
                }
            }).run();
            rows.addAll(batch);
            batch.forEach(tally::add);
            if (distinct) {
                rows.setAll(folded.inRunbookOrder());
            }
            long delivered = rows.size();
            double querySeconds = (System.nanoTime() - started) / 1e9;
            ExportResult written = new RunbookJsonExport().write(out, true, RecordSource.of(rows));
            boolean verified = ExportVerifier.verify(written, rows).matches();
            double totalSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.UK, "preview  %-17s %,d records held in the table's lists (%,d shown, %,d clusters); "
                            + "first row after %.3f s; query %.2f s (%,.0f rows/s); then export + verify, total %.2f s; "
                            + "verified %s; peak heap %d MB of %d MB%n",
                    mode, delivered, table.size(), tally.distinctClusters(), (firstRow[0] - started) / 1e9, querySeconds,
                    delivered / querySeconds, totalSeconds, verified, heap.peakMb(), HeapSampler.maxHeapMb());
            Files.deleteIfExists(out);
        }
    }
}
