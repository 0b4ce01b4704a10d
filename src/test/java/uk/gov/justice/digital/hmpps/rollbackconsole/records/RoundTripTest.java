package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

class RoundTripTest {

    @TempDir
    Path folder;

    @Test
    void readsBackTenThousandExportedRecordsExactlyAndInOrder() throws Exception {
        List<AffectedRecord> rows = Rows.many(10_000);

        ExportResult written = new RunbookJsonExport().write(folder.resolve("affected-records.json"), false,
                RecordSource.of(rows));

        List<FileRecord> read = new ArrayList<>();
        try (RunbookJsonReader reader = RunbookJsonReader.open(written.file())) {
            Optional<FileRecord> next;
            while ((next = reader.next()).isPresent()) {
                read.add(next.get());
            }
        }
        assertThat(written.records()).isEqualTo(10_000);
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AffectedRecord expected = rows.get(i);
            FileRecord actual = read.get(i);
            assertThat(actual.index()).isEqualTo(i);
            assertThat(actual.line()).isEqualTo(2 + 5 * i);
            assertThat(actual.column()).isEqualTo(3);
            assertThat(actual.personUuid())
                    .isEqualTo(expected.personUuid() == null ? null : expected.personUuid().toString());
            assertThat(actual.sourceSystem()).isEqualTo(expected.sourceSystem().name());
            assertThat(actual.sourceSystemId()).isEqualTo(expected.sourceSystemId());
        }
        assertThat(ExportVerifier.verify(written, rows).matches()).isTrue();
    }
}
