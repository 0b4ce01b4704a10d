package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.Rows.namesIn;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.Rows.row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

class RunbookJsonExportFailureTest {

    private static final String EARLIER_EXPORT = "[ {\"earlier\" : \"export\"} ]\n";

    @TempDir
    Path folder;

    @Test
    void refusesToReplaceAnExistingFileBeforeReadingAnyRow() throws Exception {
        Path target = existingTarget();
        AtomicBoolean sourceCalled = new AtomicBoolean();

        ExportException e = exportFailure(new RunbookJsonExport(), target, false, sink -> sourceCalled.set(true));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.TARGET_EXISTS);
        assertThat(e.target()).isEqualTo(target.toAbsolutePath());
        assertThat(e.getMessage()).contains(target.toString()).contains("already exists").contains("another file name");
        assertThat(sourceCalled).isFalse();
        assertUntouched(target);
    }

    @Test
    void replacesAnExistingFileWhenAskedTo() throws Exception {
        Path target = existingTarget();

        ExportResult result = new RunbookJsonExport().write(target, true, RecordSource.of(Rows.many(3)));

        assertThat(result.records()).isEqualTo(3);
        assertThat(Files.readString(target)).doesNotContain("earlier").contains("\"source_system\" : \"NOMIS\"");
        assertThat(namesIn(folder)).containsExactly(target.getFileName().toString());
    }

    @Test
    void doesNotReplaceAFileThatAnotherProgramCreatesWhileTheExportRuns() throws Exception {
        Path target = folder.resolve("affected-records.json");
        RecordSource source = sink -> {
            Rows.many(100).forEach(sink);
            Files.writeString(target, EARLIER_EXPORT);
            Rows.many(100).forEach(sink);
        };

        ExportException e = exportFailure(new RunbookJsonExport(), target, false, source);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.TARGET_EXISTS);
        assertUntouched(target);
    }

    @Test
    void reportsAMissingFolderWithoutCreatingIt() {
        Path target = folder.resolve("no-such-folder").resolve("affected-records.json");

        ExportException e = exportFailure(new RunbookJsonExport(), target, false, RecordSource.of(Rows.many(3)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.FOLDER_MISSING);
        assertThat(e.getMessage()).contains(target.getParent().toString()).contains("does not exist");
        assertThat(target.getParent()).doesNotExist();
    }

    @Test
    void reportsAFolderThatDisappearsJustBeforeTheFileIsCreatedAsMissing() {
        Path subfolder = folder.resolve("exports");
        Path target = subfolder.resolve("affected-records.json");
        TempFileOpener folderRemovedFirst = path -> {
            Files.delete(subfolder);
            return TempFileOpener.FILE_SYSTEM.create(path);
        };

        ExportException e = catchThrowableOfType(ExportException.class, () -> {
            Files.createDirectory(subfolder);
            new RunbookJsonExport(folderRemovedFirst).write(target, false, RecordSource.of(Rows.many(3)));
        });

        assertThat(e.kind()).isEqualTo(ExportException.Kind.FOLDER_MISSING);
    }

    @Test
    void reportsADeniedFolderAsNoPermission() throws Exception {
        Path target = existingTarget();
        TempFileOpener denied = path -> {
            throw new AccessDeniedException(path.toString());
        };

        ExportException e = exportFailure(new RunbookJsonExport(denied), target, true, RecordSource.of(Rows.many(3)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.NO_PERMISSION);
        assertThat(e.getMessage()).contains(target.toString()).contains("permission denied")
                .contains("existing file was left unchanged");
        assertUntouched(target);
    }

    @Test
    void reportsAReadOnlyFolderAsNoPermissionForAnOrdinaryUser() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path readOnly = Files.createDirectory(folder.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // Root writes regardless of permissions, so there is nothing to observe then.
            assumeFalse(Files.isWritable(readOnly), "running with rights that ignore folder permissions");

            ExportException e = exportFailure(new RunbookJsonExport(), readOnly.resolve("affected-records.json"), false,
                    RecordSource.of(Rows.many(3)));

            assertThat(e.kind()).isEqualTo(ExportException.Kind.NO_PERMISSION);
            assertThat(namesIn(readOnly)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @ParameterizedTest(name = "room for {0}% of the file")
    // 0 and 50: fails inside a row, when a buffer fills; 99: fails at the final flush, after the last row.
    @ValueSource(ints = {0, 50, 99})
    void leavesNoPartialFileWhenTheDiskFills(int percentThatFits) throws Exception {
        List<AffectedRecord> rows = Rows.many(10_000);
        long fullSize = sizeOfExport(rows);
        Path target = existingTarget();
        RunbookJsonExport export = new RunbookJsonExport(
                Rows.failingAfter(fullSize * percentThatFits / 100, "No space left on device"));

        ExportException e = exportFailure(export, target, true, RecordSource.of(rows));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.DISK_FULL);
        assertThat(e.getMessage()).contains(target.toString()).contains("disk is full").contains("Free some space");
        assertUntouched(target);
    }

    @Test
    void recognisesWindowsFullDiskMessage() {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport(
                Rows.failingAfter(10, "There is not enough space on the disk"));

        ExportException e = exportFailure(export, target, false, RecordSource.of(Rows.many(10)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.DISK_FULL);
        assertThat(target).doesNotExist();
    }

    @Test
    void reportsAFullDiskEvenWhenTheSourceWrapsTheWriteFailure() throws Exception {
        Path target = existingTarget();
        RunbookJsonExport export = new RunbookJsonExport(Rows.failingAfter(50_000, "No space left on device"));
        RecordSource wrapping = sink -> {
            try {
                Rows.many(10_000).forEach(sink);
            } catch (RuntimeException e) {
                throw new IllegalStateException("row callback failed", e);
            }
        };

        ExportException e = exportFailure(export, target, true, wrapping);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.DISK_FULL);
        assertUntouched(target);
    }

    @Test
    void doesNotPublishWhenTheSourceSwallowsTheWriteFailure() throws Exception {
        Path target = existingTarget();
        RunbookJsonExport export = new RunbookJsonExport(Rows.failingAfter(50_000, "No space left on device"));
        RecordSource swallowing = sink -> {
            for (AffectedRecord row : Rows.many(10_000)) {
                try {
                    sink.accept(row);
                } catch (UncheckedIOException ignored) {
                    // a careless source keeps going
                }
            }
        };

        ExportException e = exportFailure(export, target, true, swallowing);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.DISK_FULL);
        assertUntouched(target);
    }

    @Test
    void reportsTheDatabaseMessageWhenTheSourceFails() throws Exception {
        Path target = existingTarget();
        SQLException replica = new SQLException("ERROR: canceling statement due to conflict with recovery", "40001");
        RecordSource failing = sink -> {
            Rows.many(5).forEach(sink);
            throw new RuntimeException("query failed", replica);
        };

        ExportException e = exportFailure(new RunbookJsonExport(), target, true, failing);

        assertThat(e.kind()).isEqualTo(ExportException.Kind.SOURCE_FAILED);
        assertThat(e.getMessage())
                .contains("canceling statement due to conflict with recovery")
                .contains("after 5 records")
                .contains(target.toString())
                .contains("existing file was left unchanged");
        assertThat(e).hasRootCause(replica);
        assertUntouched(target);
    }

    @Test
    void reportsASourceThatFailsBeforeTheFirstRow() {
        Path target = folder.resolve("affected-records.json");

        ExportException e = exportFailure(new RunbookJsonExport(), target, false, sink -> {
            throw new SQLException("Connection refused");
        });

        assertThat(e.kind()).isEqualTo(ExportException.Kind.SOURCE_FAILED);
        assertThat(e.getMessage()).contains("Connection refused").contains("No file was saved");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void reportsAFailedSyncAsAnIoErrorAndRemovesTheTemporaryFile() throws Exception {
        Path target = existingTarget();
        TempFileOpener syncFails = path -> {
            TempFileOpener.Output real = TempFileOpener.FILE_SYSTEM.create(path);
            return new TempFileOpener.Output() {
                @Override
                public java.io.OutputStream stream() {
                    return real.stream();
                }

                @Override
                public void force() throws IOException {
                    throw new IOException("Input/output error");
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };

        ExportException e = exportFailure(new RunbookJsonExport(syncFails), target, true, RecordSource.of(Rows.many(3)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.IO);
        assertThat(e.getMessage()).contains(target.toString()).contains("Input/output error");
        assertUntouched(target);
    }

    @Test
    void refusesAFolderAsTarget() throws Exception {
        Path target = Files.createDirectory(folder.resolve("affected-records.json"));

        ExportException e = exportFailure(new RunbookJsonExport(), target, true, RecordSource.of(Rows.many(3)));

        assertThat(e.kind()).isEqualTo(ExportException.Kind.IO);
        assertThat(e.getMessage()).contains("is a folder");
        assertThat(target).isEmptyDirectory();
    }

    @Test
    void canExportAgainAfterAFailure() throws Exception {
        Path target = folder.resolve("affected-records.json");
        RunbookJsonExport export = new RunbookJsonExport();
        exportFailure(export, target, false, sink -> {
            throw new SQLException("Connection refused");
        });

        ExportResult result = export.write(target, false, RecordSource.of(List.of(row(null, SourceSystem.DELIUS, "X1"))));

        assertThat(result.records()).isEqualTo(1);
        assertThat(namesIn(folder)).containsExactly("affected-records.json");
    }

    private long sizeOfExport(List<AffectedRecord> rows) throws Exception {
        Path scratch = Files.createTempDirectory(folder, "size");
        Path file = scratch.resolve("measure.json");
        long size = new RunbookJsonExport().write(file, false, RecordSource.of(rows)).bytes();
        Files.delete(file);
        Files.delete(scratch);
        return size;
    }

    private Path existingTarget() throws IOException {
        return Files.writeString(folder.resolve("affected-records.json"), EARLIER_EXPORT, StandardCharsets.UTF_8);
    }

    /** The earlier file is byte-for-byte the same, and nothing else (no partial or temporary file) is in the folder. */
    private void assertUntouched(Path target) throws IOException {
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(EARLIER_EXPORT);
        assertThat(namesIn(folder)).containsExactly(target.getFileName().toString());
    }

    static ExportException exportFailure(RunbookJsonExport export, Path target, boolean overwrite, RecordSource source) {
        ExportException e = catchThrowableOfType(ExportException.class, () -> export.write(target, overwrite, source));
        assertThat(e).as("export should have failed").isNotNull();
        return e;
    }
}
