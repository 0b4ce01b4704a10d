package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExportFailureTest.exportFailure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunbookJsonExportCancelTest {

    private static final long PLENTY = 50_000_000L;

    @TempDir
    Path folder;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void cancelFromAnotherThreadStopsBetweenRowsAndLeavesNoFile() throws Exception {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport();
        CountDownLatch underWay = new CountDownLatch(1);
        AtomicLong delivered = new AtomicLong();
        RecordSource huge = sink -> {
            for (long i = 0; i < PLENTY; i++) {
                sink.accept(rowNumber(i));
                if (delivered.incrementAndGet() == 20_000) {
                    underWay.countDown();
                }
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                underWay.await();
                export.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cancel");
        canceller.start();

        ExportException e = exportFailure(export, target, false, huge);
        canceller.join();

        assertThat(e.kind()).isEqualTo(ExportException.Kind.CANCELLED);
        assertThat(e.getMessage()).contains(target.toString()).contains("cancelled").contains("No file was saved");
        assertThat(delivered.get()).isGreaterThanOrEqualTo(20_000).isLessThan(PLENTY);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void cancelledExportLeavesAnEarlierFileUnchanged() throws Exception {
        Path target = Files.writeString(folder.resolve("affected-records.json"), "[ ]\n", StandardCharsets.UTF_8);
        RunbookJsonExport export = new RunbookJsonExport();
        RecordSource cancelsItself = sink -> {
            for (long i = 0; i < PLENTY; i++) {
                sink.accept(rowNumber(i));
                if (i == 5_000) {
                    export.cancel();
                }
            }
        };

        ExportException e = exportFailure(export, target, true, cancelsItself);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.CANCELLED);
        assertThat(e.getMessage()).contains("existing file was left unchanged");
        assertThat(Files.readString(target)).isEqualTo("[ ]\n");
        assertThat(Rows.namesIn(folder)).containsExactly("affected-records.json");
    }

    @Test
    void cancelAfterTheLastRowStillPreventsPublishing() {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport();
        RecordSource source = sink -> {
            Rows.many(10).forEach(sink);
            export.cancel();
        };

        ExportException e = exportFailure(export, target, false, source);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.CANCELLED);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void cancelBeforeTheExportStartsIsNotLostAndIsUsedUpByThatExport() throws Exception {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport();
        AtomicBoolean sourceCalled = new AtomicBoolean();

        export.cancel();
        ExportException e = exportFailure(export, target, false, sink -> sourceCalled.set(true));
        ExportResult next = export.write(target, false, RecordSource.of(Rows.many(3)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.CANCELLED);
        assertThat(sourceCalled).isFalse();
        assertThat(next.records()).isEqualTo(3);
    }

    @Test
    void interruptingTheExportingThreadCancelsTheExport() {
        Path target = folder.resolve("affected-records.json");
        RecordSource interrupted = sink -> {
            for (long i = 0; i < PLENTY; i++) {
                sink.accept(rowNumber(i));
                if (i == 1_000) {
                    Thread.currentThread().interrupt();
                }
            }
        };

        ExportException e = exportFailure(new RunbookJsonExport(), target, false, interrupted);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.CANCELLED);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void refusesASecondExportOnTheSameExporterWhileOneRuns() throws Exception {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport();
        AtomicBoolean refused = new AtomicBoolean();
        RecordSource startsAnother = sink -> {
            assertThatThrownBy(() -> export.write(folder.resolve("other.json"), false, RecordSource.of(Rows.many(1))))
                    .isInstanceOf(IllegalStateException.class);
            refused.set(true);
            Rows.many(3).forEach(sink);
        };

        ExportResult result = export.write(target, false, startsAnother);

        assertThat(refused).isTrue();
        assertThat(result.records()).isEqualTo(3);
        assertThat(Rows.namesIn(folder)).containsExactly("affected-records.json");
    }

    private static AffectedRecord rowNumber(long i) {
        return new AffectedRecord(new UUID(i, ~i), SourceSystem.DELIUS, "X" + i, 1, Instant.EPOCH);
    }
}
