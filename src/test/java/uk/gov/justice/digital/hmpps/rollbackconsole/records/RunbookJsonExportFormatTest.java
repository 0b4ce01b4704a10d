package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.Rows.resource;
import static uk.gov.justice.digital.hmpps.rollbackconsole.records.Rows.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

class RunbookJsonExportFormatTest {

    private static final AffectedRecord RUNBOOK_EXAMPLE = row("782a5cbe-5a10-4694-a046-0be9e82f0591",
            SourceSystem.COMMON_PLATFORM, "6d6fa987-c680-4f18-ba58-ec507463a75c");

    @TempDir
    Path folder;

    @Test
    void writesOneRecordByteForByteAsTheRunbookShowsIt() throws Exception {
        Path file = folder.resolve("affected-records.json");

        new RunbookJsonExport().write(file, false, RecordSource.of(List.of(RUNBOOK_EXAMPLE)));

        assertThat(Files.readAllBytes(file)).isEqualTo(resource("one-record.json"));
    }

    @Test
    void writesTwoRecordsWithAMissingPersonUuidAsNull() throws Exception {
        Path file = folder.resolve("affected-records.json");

        new RunbookJsonExport().write(file, false,
                RecordSource.of(List.of(RUNBOOK_EXAMPLE, row(null, SourceSystem.NOMIS, "A1234BC"))));

        assertThat(Files.readAllBytes(file)).isEqualTo(resource("two-records.json"));
    }

    @Test
    void twoRecordFixtureIsWhatJacksonsPrettyPrinterWritesWithArraysIndentedLikeObjects() throws Exception {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("person_uuid", "782a5cbe-5a10-4694-a046-0be9e82f0591");
        first.put("source_system", "COMMON_PLATFORM");
        first.put("source_system_id", "6d6fa987-c680-4f18-ba58-ec507463a75c");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("person_uuid", null);
        second.put("source_system", "NOMIS");
        second.put("source_system_id", "A1234BC");

        String jackson = new ObjectMapper().writer(RunbookJsonFormat.prettyPrinter()).writeValueAsString(List.of(first, second));

        assertThat(jackson + "\n").isEqualTo(new String(resource("two-records.json"), StandardCharsets.UTF_8));
    }

    @Test
    void writesAnEmptySetAsJacksonsEmptyListThatStillParsesAsAnEmptyArray() throws Exception {
        Path file = folder.resolve("affected-records.json");

        ExportResult result = new RunbookJsonExport().write(file, false, RecordSource.of(List.of()));

        assertThat(Files.readAllBytes(file)).isEqualTo(resource("empty.json")).isEqualTo("[ ]\n".getBytes(StandardCharsets.US_ASCII));
        JsonNode parsed = new ObjectMapper().readTree(file.toFile());
        assertThat(parsed.isArray()).isTrue();
        assertThat(parsed).isEmpty();
        assertThat(result.records()).isZero();
    }

    @Test
    void reportsCountSizeAndTheHashOfTheBytesOnDisk() throws Exception {
        Path file = folder.resolve("affected-records.json");

        ExportResult result = new RunbookJsonExport().write(file, false, RecordSource.of(Rows.many(250)));

        assertThat(result.file()).isEqualTo(file.toAbsolutePath());
        assertThat(result.records()).isEqualTo(250);
        assertThat(result.bytes()).isEqualTo(Files.size(file));
        assertThat(result.sha256()).isEqualTo(Sha256.of(file)).matches("[0-9a-f]{64}");
        assertThat(result.elapsed().isNegative()).isFalse();
    }

    @Test
    void escapesQuotesAndBackslashesAndKeepsOtherCharactersAsUtf8() throws Exception {
        Path file = folder.resolve("affected-records.json");

        new RunbookJsonExport().write(file, false,
                RecordSource.of(List.of(row(null, SourceSystem.LIBRA, "a\"b\\c é"))));

        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .contains("\"source_system_id\" : \"a\\\"b\\\\c é\"")
                .doesNotContain("\r");
        assertThat(Files.readAllBytes(file)[0]).isEqualTo((byte) '[');
    }
}
