package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

/**
 * Memory does not grow with the row count: writing a record allocates nothing that outlives it, so a million-row
 * export runs in the same small heap as a thousand-row one. Counted with the JVM's own per-thread allocation
 * counter (bytes, not time).
 */
class ExportAllocationTest {

    @TempDir
    Path folder;

    @Test
    void writingARecordAllocatesNothingPerRecord() throws Exception {
        List<AffectedRecord> small = Rows.many(1_000);
        List<AffectedRecord> large = Rows.many(201_000);
        // Warm up, so that class loading and the compiler's first passes are not counted against either run.
        for (int i = 0; i < 3; i++) {
            new RunbookJsonExport().write(folder.resolve("warm.json"), true, RecordSource.of(large));
        }

        long smallRun = allocatedBy(() -> new RunbookJsonExport().write(folder.resolve("small.json"), true,
                RecordSource.of(small)));
        long largeRun = allocatedBy(() -> new RunbookJsonExport().write(folder.resolve("large.json"), true,
                RecordSource.of(large)));

        // The writer this replaced (Jackson and UUID.toString) measured some 70 bytes a record here: 14 MB more.
        long perExtraRecord = (largeRun - smallRun) / (large.size() - small.size());
        assertThat(perExtraRecord).as("bytes allocated per extra record (small run %d, large run %d)", smallRun,
                largeRun).isLessThan(8);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static long allocatedBy(Work work) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }
}
