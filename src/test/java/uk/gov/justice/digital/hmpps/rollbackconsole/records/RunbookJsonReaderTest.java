package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookJsonReaderTest {

    @TempDir
    Path folder;

    @Test
    void givesTheLineAndColumnOfEachRecordInAHandMadeFile() throws Exception {
        Path file = write("""
                [
                  {"person_uuid": null, "source_system": "NOMIS", "source_system_id": "A1234BC"},
                    {
                      "source_system" : "DELIUS", "source_system_id" : "X123456"
                    },{"person_uuid":"782a5cbe-5a10-4694-a046-0be9e82f0591","source_system":"LIBRA","source_system_id":"9"}
                ]
                """);

        List<FileRecord> records = readAll(file);

        assertThat(records).containsExactly(
                new FileRecord(0, 2, 3, null, "NOMIS", "A1234BC"),
                new FileRecord(1, 3, 5, null, "DELIUS", "X123456"),
                new FileRecord(2, 5, 7, "782a5cbe-5a10-4694-a046-0be9e82f0591", "LIBRA", "9"));
    }

    @Test
    void readsBackTheRunbookExample() throws Exception {
        Path file = Files.write(folder.resolve("one.json"), Rows.resource("one-record.json"));

        assertThat(readAll(file)).containsExactly(new FileRecord(0, 2, 3, "782a5cbe-5a10-4694-a046-0be9e82f0591",
                "COMMON_PLATFORM", "6d6fa987-c680-4f18-ba58-ec507463a75c"));
    }

    @Test
    void skipsFieldsTheRunbookDoesNotUseWhateverTheirShape() throws Exception {
        Path file = write("""
                [ {"event_count": 3, "source_system": "NOMIS", "extra": {"a": [1, {"b": null}]}, "tags": ["x"],
                   "source_system_id": "A1", "note": "source_system"} ]
                """);

        assertThat(readAll(file)).containsExactly(new FileRecord(0, 1, 3, null, "NOMIS", "A1"));
    }

    @Test
    void keepsAnUnknownSourceSystemForTheCallerToJudge() throws Exception {
        Path file = write("[{\"source_system\": \"Delius\", \"source_system_id\": \"X1\"}]");

        assertThat(readAll(file)).extracting(FileRecord::sourceSystem).containsExactly("Delius");
    }

    @Test
    void readsAnEmptyList() throws Exception {
        assertThat(readAll(write("[ ]\n"))).isEmpty();
        assertThat(readAll(write("[]"))).isEmpty();
    }

    @Test
    void rejectsTextThatIsNotJson() throws Exception {
        Path file = write("person_uuid,source_system,source_system_id\n");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.recordIndex()).isNull();
        assertThat(e.getMessage()).startsWith(file + ", line 1, column 1: ").contains("not valid JSON")
                .doesNotContain("[Source");
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        RecordsFormatException e = formatProblem(write(""));

        assertThat(e.problem()).contains("empty");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void rejectsATruncatedFileAtItsEnd() throws Exception {
        Path file = write("[\n  {\n    \"source_system\" : \"NOMIS\",\n    \"source_sys");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).contains("cut short");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(16);
        assertThat(e.recordIndex()).isZero();
    }

    @Test
    void rejectsAFileCutOffBetweenRecords() throws Exception {
        Path file = write("[\n  {\"source_system\": \"NOMIS\", \"source_system_id\": \"A1\"},\n");

        RunbookJsonReader reader = RunbookJsonReader.open(file);
        try (reader) {
            assertThat(reader.next()).isPresent();
            RecordsFormatException e = catchThrowableOfType(RecordsFormatException.class, reader::next);

            assertThat(e.problem()).contains("cut short");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.recordIndex()).isEqualTo(1);
        }
    }

    @Test
    void rejectsAnObjectAtTheTopLevel() throws Exception {
        Path file = write("{\"source_system\": \"NOMIS\", \"source_system_id\": \"A1\"}");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).contains("must be a JSON list").contains("starts with an object");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.recordIndex()).isNull();
    }

    @Test
    void rejectsAnElementThatIsNotAnObject() throws Exception {
        Path file = write("""
                [
                  {"source_system": "NOMIS", "source_system_id": "A1"},
                  "DELIUS X123456"
                ]
                """);

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).isEqualTo("record 2 is a string, but every element of the list must be an object { ... }");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.recordIndex()).isEqualTo(1);
    }

    @Test
    void rejectsANumberWhereAnIdMustBeAString() throws Exception {
        Path file = write("""
                [
                  {
                    "source_system" : "DELIUS",
                    "source_system_id" : 12345
                  }
                ]
                """);

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).contains("source_system_id of record 1 is the number 12345").contains("\"12345\"");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(26);
        assertThat(e.recordIndex()).isZero();
    }

    @Test
    void rejectsAPersonUuidThatIsNeitherStringNorNull() throws Exception {
        Path file = write("[{\"person_uuid\": {}, \"source_system\": \"NOMIS\", \"source_system_id\": \"A1\"}]");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).isEqualTo("person_uuid of record 1 is an object; expected a UUID in quotes, or null");
        assertThat(e.column()).isEqualTo(18);
    }

    @Test
    void rejectsARecordWithoutItsSourceSystem() throws Exception {
        Path file = write("[\n  {\"source_system_id\": \"A1\"}\n]");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).isEqualTo("record 1 has no source_system");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void rejectsContentAfterTheList() throws Exception {
        Path file = write("[]\n[]\n");

        RecordsFormatException e = formatProblem(file);

        assertThat(e.problem()).contains("follows it");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
        assertThat(e.recordIndex()).isNull();
    }

    @Test
    void countsColumnsInCharactersNotBytes() throws Exception {
        // "é" and "😀" take 2 and 4 bytes; an editor shows each as one character, like "ab" in the ASCII twin.
        Path accented = write("[{\"source_system\": \"é😀\", \"source_system_id\": x}]");
        Path ascii = write("[{\"source_system\": \"ab\", \"source_system_id\": x}]");

        RecordsFormatException e = formatProblem(accented);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(formatProblem(ascii).column()).isEqualTo(46);
    }

    @Test
    void ignoresAByteOrderMarkInColumns() throws Exception {
        String content = "[{\"source_system\": \"NOMIS\", \"source_system_id\": \"A1\"}, 7]";
        Path withBom = Files.write(folder.resolve("bom.json"), ("\uFEFF" + content).getBytes(StandardCharsets.UTF_8));
        Path without = write(content);

        try (RunbookJsonReader reader = RunbookJsonReader.open(withBom)) {
            assertThat(reader.next()).get().extracting(FileRecord::line, FileRecord::column).containsExactly(1, 2);
            RecordsFormatException e = catchThrowableOfType(RecordsFormatException.class, reader::next);
            assertThat(e.column()).isEqualTo(formatProblem(without).column()).isEqualTo(56);
        }
    }

    @Test
    void keepsReportingTheSameProblemOnceFound() throws Exception {
        Path file = write("{}");

        RunbookJsonReader reader = RunbookJsonReader.open(file);
        try (reader) {
            RecordsFormatException first = catchThrowableOfType(RecordsFormatException.class, reader::next);
            RecordsFormatException again = catchThrowableOfType(RecordsFormatException.class, reader::next);
            assertThat(again).isSameAs(first);
        }
    }

    @Test
    void keepsAnsweringEmptyAfterTheEnd() throws Exception {
        RunbookJsonReader reader = RunbookJsonReader.open(write("[]"));
        try (reader) {
            assertThat(reader.next()).isEmpty();
            assertThat(reader.next()).isEmpty();
        }
    }

    private Path write(String content) throws Exception {
        return Files.writeString(folder.resolve("records-" + System.nanoTime() + ".json"), content, StandardCharsets.UTF_8);
    }

    private static List<FileRecord> readAll(Path file) throws Exception {
        List<FileRecord> records = new ArrayList<>();
        try (RunbookJsonReader reader = RunbookJsonReader.open(file)) {
            Optional<FileRecord> next;
            while ((next = reader.next()).isPresent()) {
                records.add(next.get());
            }
        }
        return records;
    }

    private static RecordsFormatException formatProblem(Path file) {
        RecordsFormatException e = catchThrowableOfType(RecordsFormatException.class, () -> readAll(file));
        assertThat(e).as("reading %s should have failed", file).isNotNull();
        assertThat(e.getMessage()).startsWith(file.toString() + ", line " + e.line() + ", column " + e.column() + ": ");
        assertThat(e.file()).isEqualTo(file);
        return e;
    }
}
