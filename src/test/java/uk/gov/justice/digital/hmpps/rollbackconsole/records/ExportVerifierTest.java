package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.Rows.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

class ExportVerifierTest {

    private static final List<AffectedRecord> ROWS = List.of(
            row("782a5cbe-5a10-4694-a046-0be9e82f0591", SourceSystem.COMMON_PLATFORM, "6d6fa987-c680-4f18-ba58-ec507463a75c"),
            row(null, SourceSystem.NOMIS, "A1234BC"),
            row("0f6bd8a4-3c58-4b1f-9e0e-6c7a2b1f4d10", SourceSystem.DELIUS, "X123456"));

    @TempDir
    Path folder;

    @Test
    void confirmsAnUntouchedFileAgainstTheRowsThatWereExported() throws Exception {
        ExportResult written = export(ROWS);

        VerifyResult result = ExportVerifier.verify(written, ROWS);

        assertThat(result).isEqualTo(new VerifyResult(3, written.sha256(), true, null));
    }

    @Test
    void confirmsAnUntouchedFileByCountAndHashAlone() throws Exception {
        ExportResult written = export(ROWS);

        assertThat(ExportVerifier.verify(written, null).matches()).isTrue();
    }

    @Test
    void detectsOneChangedByte() throws Exception {
        ExportResult written = export(ROWS);
        String content = Files.readString(written.file(), StandardCharsets.UTF_8);
        Files.writeString(written.file(), content.replace("A1234BC", "A1234BD"), StandardCharsets.UTF_8);

        VerifyResult result = ExportVerifier.verify(written, ROWS);

        assertThat(result.matches()).isFalse();
        assertThat(result.sha256()).isNotEqualTo(written.sha256()).isEqualTo(Sha256.of(written.file()));
        assertThat(result.problem())
                .contains("SHA-256")
                .contains("changed after it was written")
                .contains("record 2 (index 1, line 7, column 3) differs: source_system_id is \"A1234BD\", expected \"A1234BC\"");
    }

    @Test
    void detectsOneChangedByteWithoutTheExpectedRows() throws Exception {
        ExportResult written = export(ROWS);
        byte[] bytes = Files.readAllBytes(written.file());
        bytes[bytes.length - 10] ^= 1;
        Files.write(written.file(), bytes);

        VerifyResult result = ExportVerifier.verify(written, null);

        assertThat(result.matches()).isFalse();
        assertThat(result.problem()).contains("SHA-256");
    }

    @Test
    void detectsARecordOutOfOrder() throws Exception {
        ExportResult written = export(ROWS);
        List<AffectedRecord> reordered = new ArrayList<>(ROWS);
        Collections.swap(reordered, 1, 2);

        VerifyResult result = ExportVerifier.verify(written, reordered);

        assertThat(result.matches()).isFalse();
        assertThat(result.sha256()).isEqualTo(written.sha256());
        assertThat(result.problem()).isEqualTo(
                "record 2 (index 1, line 7, column 3) differs: person_uuid is null, expected \"0f6bd8a4-3c58-4b1f-9e0e-6c7a2b1f4d10\"");
    }

    @Test
    void detectsAFileRewrittenWithTheSameRecordsInAnotherOrder() throws Exception {
        ExportResult written = export(ROWS);
        List<AffectedRecord> reordered = new ArrayList<>(ROWS);
        Collections.swap(reordered, 0, 2);
        Files.delete(written.file());
        new RunbookJsonExport().write(written.file(), false, RecordSource.of(reordered));

        VerifyResult result = ExportVerifier.verify(written, ROWS);

        assertThat(result.matches()).isFalse();
        assertThat(result.problem()).contains("SHA-256").contains("record 1 (index 0, line 2, column 3) differs");
    }

    @Test
    void detectsMissingAndExtraRecords() throws Exception {
        ExportResult written = export(ROWS);

        VerifyResult tooFew = ExportVerifier.verify(written, List.of(ROWS.get(0), ROWS.get(1), ROWS.get(2), ROWS.get(0)));
        VerifyResult tooMany = ExportVerifier.verify(written, ROWS.subList(0, 2));

        assertThat(tooFew.problem()).contains("ends after 3 records, but 4 were expected");
        assertThat(tooMany.problem()).contains("more records than expected: record 3 (index 2, line 12, column 3) is extra");
    }

    @Test
    void detectsATruncatedFileAndSaysWhere() throws Exception {
        ExportResult written = export(ROWS);
        byte[] bytes = Files.readAllBytes(written.file());
        Files.write(written.file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));

        VerifyResult result = ExportVerifier.verify(written, null);

        assertThat(result.matches()).isFalse();
        assertThat(result.sha256()).isEqualTo(Sha256.of(written.file()));
        assertThat(result.problem())
                .contains("bytes long, but " + written.bytes() + " were written")
                .contains("SHA-256")
                .contains("no longer a valid runbook file")
                .contains("cut short");
    }

    private ExportResult export(List<AffectedRecord> rows) throws ExportException {
        return new RunbookJsonExport().write(folder.resolve("affected-records.json"), false, RecordSource.of(rows));
    }
}
