package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to reach each bound, and the controls a background review needs. */
class RecordsFileValidatorLimitsTest {

    private static final String RECORD = "{ \"source_system\" : \"NOMIS\", \"source_system_id\" : \"A1234BC\" }";

    @TempDir
    Path folder;

    @Test
    void refusesAStringLongerThanTheParserWillHold() throws IOException {
        Path file = write("long-string.json",
                "[\n  { \"source_system\" : \"NOMIS\", \"source_system_id\" : \"" + "x".repeat(70_000) + "\" }\n]\n");

        ReviewReport report = new RecordsFileValidator().validate(file);

        assertThat(report.problems()).containsExactly(new Problem(ProblemCode.TOO_LARGE, "a string is longer than "
                + "65,536 characters: no field of a records file comes near that", 2, 53, 1));
    }

    @Test
    void refusesAFileLargerThanTheDocumentLimit() throws IOException {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(record("A" + i));
        }
        Path file = write("big.json", "[\n" + String.join(",\n", records) + "\n]\n");
        ScanLimits small = new ScanLimits(64 * 1024, 16, 1_000, 256, 1_000, 100, 10_000);

        ReviewReport report = new RecordsFileValidator(small).validate(file);

        assertThat(report.problems()).extracting(Problem::code, Problem::message).containsExactly(
                tuple(ProblemCode.TOO_LARGE, "the file is larger than 1,000 bytes, the"
                        + " most the console reviews: split it into smaller files"));
        assertThat(report.sizeBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void keepsTheFirstProblemsOfACodeButCountsThemAll() throws IOException {
        Path file = write("many-duplicates.json", "[\n" + (RECORD + ",\n").repeat(9) + RECORD + "\n]\n");

        ReviewReport report = new RecordsFileValidator(ScanLimits.DEFAULT.withProblemsPerCode(2)).validate(file);

        assertThat(report.problems()).extracting(Problem::recordNumber).containsExactly(2L, 3L);
        assertThat(report.count(ProblemCode.DUPLICATE_RECORD)).isEqualTo(9);
        assertThat(report.notShown(ProblemCode.DUPLICATE_RECORD)).isEqualTo(7);
        assertThat(report.warningCount()).isEqualTo(9);
    }

    @Test
    void talliesFieldNamesBeyondTheLimitTogether() throws IOException {
        Path file = write("many-names.json", """
                [
                  { "source_system" : "NOMIS", "source_system_id" : "A1", "a" : 1, "b" : 2 },
                  { "source_system" : "NOMIS", "source_system_id" : "A2", "c" : 3, "a" : 4 },
                  { "source_system" : "NOMIS", "source_system_id" : "A3", "d" : 5, "e" : 6 }
                ]
                """);
        ScanLimits twoNames = new ScanLimits(64 * 1024, 16, 1L << 30, 256, 1_000, 2, 10_000);

        ReviewReport report = new RecordsFileValidator(twoNames).validate(file);

        assertThat(report.problems()).containsExactly(
                new Problem(ProblemCode.EXTRA_FIELD, "extra field \"a\" in 2 records (the first is shown): the"
                        + " service ignores it", 2, 59, 1),
                new Problem(ProblemCode.EXTRA_FIELD, "extra field \"b\" in 1 record: the service ignores it", 2, 68, 1),
                new Problem(ProblemCode.EXTRA_FIELD, "fields with further names, beyond the first 2, 3 times (the"
                        + " first is shown): the service ignores them", 3, 59, 2));
    }

    @Test
    void reportsBytesThatTheParserLetsThroughButAreNotUtf8() throws IOException {
        // C0 AF is an overlong "/": Jackson decodes it, UTF-8 forbids it.
        Path file = write("overlong.json", bytes("[ { \"source_system\" : \"NOMIS\", \"source_system_id\" : \"A",
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "\" } ]\n"));

        ReviewReport report = new RecordsFileValidator().validate(file);

        assertThat(report.problems()).containsExactly(new Problem(ProblemCode.NOT_UTF8, "byte 0xC0 is not valid"
                + " UTF-8: save the file as UTF-8 (Latin-1 and Windows-1252 text look like this)", 1, 55, 0));
        assertThat(report.safeToSend()).isFalse();
    }

    @Test
    void findsBadBytesInValuesTheReviewSkips() throws IOException {
        Path file = write("skipped.json", bytes("[\n  { \"note\" : \"caf", new byte[] {(byte) 0xE9},
                "\", \"source_system\" : \"NOMIS\", \"source_system_id\" : \"A1\" }\n]\n"));

        ReviewReport report = new RecordsFileValidator().validate(file);

        assertThat(report.problems()).extracting(Problem::code, Problem::line, Problem::column, Problem::recordNumber)
                .containsExactly(
                        tuple(ProblemCode.EXTRA_FIELD, 2L, 5L, 1L),
                        tuple(ProblemCode.NOT_UTF8, 2L, 18L, 1L));
    }

    @Test
    void countsLinesOfAWindowsFileAsAnEditorDoes() throws IOException {
        Path file = write("crlf.json", "[\r\n  { \"source_system\" : \"Delius\", \"source_system_id\" : \"X1\" },\r\n"
                + "  { \"source_system\" : \"DELIUS\", \"source_system_id\" : \"X2\", \"person_uuid\" : \"x\" }\r\n]\r\n");

        ReviewReport report = new RecordsFileValidator().validate(file);

        assertThat(report.problems()).extracting(Problem::code, Problem::line, Problem::column).containsExactly(
                tuple(ProblemCode.UNKNOWN_SOURCE_SYSTEM, 2L, 23L),
                tuple(ProblemCode.MALFORMED_PERSON_UUID, 3L, 76L));
    }

    @Test
    void tellsTheListenerHowFarItHasGot() throws IOException {
        Path file = write("five.json", "[\n" + String.join(",\n", List.of(
                record("A1"), record("A2"), record("A3"), record("A4"), record("A5"))) + "\n]\n");
        ScanLimits everyTwo = new ScanLimits(64 * 1024, 16, 1L << 30, 256, 1_000, 100, 2);
        List<long[]> calls = new ArrayList<>();

        new RecordsFileValidator(everyTwo).validate(file, (records, read, total) -> calls.add(new long[] {records, read, total}));

        assertThat(calls).extracting(c -> c[0]).containsExactly(2L, 4L, 5L);
        assertThat(calls).extracting(c -> c[2]).containsOnly(Files.size(file));
        assertThat(calls.get(calls.size() - 1)[1]).isEqualTo(Files.size(file));
    }

    @Test
    void stopsWhenCancelledFromTheListenerAndRunsAgainAfterwards() throws IOException {
        Path file = write("five.json", "[\n" + String.join(",\n", List.of(
                record("A1"), record("A2"), record("A3"), record("A4"), record("A5"))) + "\n]\n");
        ScanLimits everyTwo = new ScanLimits(64 * 1024, 16, 1L << 30, 256, 1_000, 100, 2);
        RecordsFileValidator validator = new RecordsFileValidator(everyTwo);
        List<Long> seen = new ArrayList<>();

        assertThatThrownBy(() -> validator.validate(file, (records, read, total) -> {
            seen.add(records);
            validator.cancel();
        })).isInstanceOf(CancellationException.class).hasMessageContaining("five.json");

        assertThat(seen).containsExactly(2L);
        assertThat(validator.validate(file).records()).isEqualTo(5);
    }

    @Test
    void honoursACancelThatArrivesBeforeTheStart() throws IOException {
        Path file = write("one.json", "[ " + RECORD + " ]");
        RecordsFileValidator validator = new RecordsFileValidator();
        validator.cancel();

        assertThatThrownBy(() -> validator.validate(file)).isInstanceOf(CancellationException.class);
        assertThat(validator.validate(file).safeToSend()).isTrue();
    }

    @Test
    void stopsOnAnInterruptedThread() throws IOException {
        Path file = write("one.json", "[ " + RECORD + " ]");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> new RecordsFileValidator().validate(file)).isInstanceOf(CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void failsOnAFileThatIsNotThere() {
        assertThatThrownBy(() -> new RecordsFileValidator().validate(folder.resolve("missing.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    private static String record(String id) {
        return "  { \"source_system\" : \"NOMIS\", \"source_system_id\" : \"" + id + "\" }";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    private static byte[] bytes(String before, byte[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
