package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * The byte writer must give the very bytes Jackson's pretty printer gave before it (the files of earlier exports,
 * their SHA-256s in journals and reports, and the offline review all rest on that layout), whatever the ids hold.
 */
class RunbookJsonWriterTest {

    @TempDir
    Path folder;

    @Test
    void writesTheBytesJacksonWritesForIdsThatNeedEscaping() throws Exception {
        List<AffectedRecord> rows = new ArrayList<>(Rows.many(500));
        rows.add(Rows.row(null, SourceSystem.LIBRA, "control \u0000\u0001\u001f\b\t\n\f\r and \u007f end"));
        rows.add(Rows.row("00000000-0000-0000-0000-000000000000", SourceSystem.DELIUS, "slash / back \\ quote \" "));
        rows.add(Rows.row("ffffffff-ffff-ffff-ffff-ffffffffffff", SourceSystem.NOMIS, "é ß € 中文 \uD83D\uDE00 emoji"));
        rows.add(Rows.row("0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9", SourceSystem.COMMON_PLATFORM, ""));

        assertThat(written(rows)).isEqualTo(jackson(rows));
    }

    @Test
    void writesTheSameBytesAcrossManyBuffersAndForAnIdLongerThanABuffer() throws Exception {
        List<AffectedRecord> rows = new ArrayList<>(Rows.many(20_000)); // some 2.7 MB: ten buffers and more
        rows.add(10_000, Rows.row(null, SourceSystem.NOMIS, "\"".repeat(RunbookJsonWriter.BUFFER_BYTES)));

        assertThat(written(rows)).isEqualTo(jackson(rows));
    }

    @Test
    void writesAnEmptySetAsJacksonDoes() throws Exception {
        assertThat(written(List.of())).isEqualTo(jackson(List.of())).asString().isEqualTo("[ ]\n");
    }

    @Test
    void writesSurrogatesEscapedAsJacksonDoesEvenALoneOne() throws Exception {
        List<AffectedRecord> rows = List.of(Rows.row(null, SourceSystem.NOMIS, "A12\uD800B"),
                Rows.row(null, SourceSystem.NOMIS, "\uDC00 then a pair \uD83D\uDE00"));

        assertThat(written(rows)).isEqualTo(jackson(rows)).asString().contains("A12\\uD800B");
    }

    @Test
    void theExportOfManyRowsIsTheFileJacksonWouldHaveWritten() throws Exception {
        List<AffectedRecord> rows = Rows.many(30_000);
        Path file = folder.resolve("affected-records.json");

        ExportResult result = new RunbookJsonExport().write(file, false, RecordSource.of(rows));

        assertThat(Files.readAllBytes(file)).isEqualTo(jackson(rows));
        assertThat(result.records()).isEqualTo(30_000);
        assertThat(ExportVerifier.verify(result, rows).matches()).isTrue();
    }

    private static byte[] written(List<AffectedRecord> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunbookJsonWriter writer = new RunbookJsonWriter(out::write);
        for (AffectedRecord r : rows) {
            writer.write(r.personUuid(), r.sourceSystem(), r.sourceSystemId());
        }
        writer.end();
        writer.flush();
        assertThat(writer.records()).isEqualTo(rows.size());
        return out.toByteArray();
    }

    /** How the export wrote its files with Jackson's generator and the runbook's pretty printer. */
    private static byte[] jackson(List<AffectedRecord> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(RunbookJsonFormat.prettyPrinter());
            g.writeStartArray();
            for (AffectedRecord r : rows) {
                g.writeStartObject();
                UUID uuid = r.personUuid();
                g.writeFieldName(RunbookJsonFormat.PERSON_UUID);
                if (uuid == null) {
                    g.writeNull();
                } else {
                    g.writeString(uuid.toString());
                }
                g.writeStringField(RunbookJsonFormat.SOURCE_SYSTEM, r.sourceSystem().name());
                g.writeStringField(RunbookJsonFormat.SOURCE_SYSTEM_ID, r.sourceSystemId());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw(RunbookJsonFormat.LINE_END);
        }
        return out.toByteArray();
    }
}
