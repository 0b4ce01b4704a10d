package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

class RecordsFileDeduplicateTest {

    private static final String U1 = "782a5cbe-5a10-4694-a046-0be9e82f0591";
    private static final String U2 = "0c2f6a3e-94b5-4c43-9b0e-2f4b2c1d7e10";

    @TempDir
    Path folder;

    /** The seed runbook's form: NOMIS A1 updated three times, the second time in another cluster. */
    private Path perEvent() throws IOException {
        return write("per-event.json", """
                [
                  { "person_uuid" : null, "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : "%s", "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "LIBRA", "source_system_id" : "123" },
                  { "person_uuid" : "%s", "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : null, "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "A1" }
                ]
                """.formatted(U1, U2, U2));
    }

    @Test
    void writesEachRecordOnceAtItsFirstRowWithThatRowsPersonUuid() throws Exception {
        Path source = perEvent();
        Path target = folder.resolve("distinct.json");

        RecordsFileDeduplicate.Result result = new RecordsFileDeduplicate().write(source, target, false);

        assertThat(Files.readString(target)).isEqualTo("""
                [
                  {
                    "person_uuid" : null,
                    "source_system" : "NOMIS",
                    "source_system_id" : "A1"
                  },
                  {
                    "person_uuid" : "%s",
                    "source_system" : "DELIUS",
                    "source_system_id" : "X1"
                  },
                  {
                    "person_uuid" : null,
                    "source_system" : "LIBRA",
                    "source_system_id" : "123"
                  },
                  {
                    "person_uuid" : null,
                    "source_system" : "DELIUS",
                    "source_system_id" : "A1"
                  }
                ]
                """.formatted(U1));
        assertThat(result.written().records()).isEqualTo(4);
        assertThat(result.written().file()).isEqualTo(target.toAbsolutePath());
        assertThat(result.written().sha256()).isEqualTo(Sha256.of(target));
        assertThat(result.source().records()).isEqualTo(7);
        assertThat(result.source().caution()).isPresent();

        // The copy reviews clean: may be sent, nothing to be careful about.
        ReviewReport again = new RecordsFileValidator().validate(target);
        assertThat(again.records()).isEqualTo(4);
        assertThat(again.distinctRecords()).isEqualTo(4);
        assertThat(again.warningCount()).isZero();
        assertThat(again.caution()).isEmpty();
        assertThat(again.safeToSend()).isTrue();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aMillionRowsOfHalfAMillionRecordsStreamThrough() throws Exception {
        Path source = folder.resolve("big.json");
        try (var out = Files.newBufferedWriter(source, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < 1_000_000; i++) {
                out.write((i == 0 ? "" : ",\n") + "{\"source_system\":\"NOMIS\",\"source_system_id\":\"A" + (i % 500_000)
                        + "\"}");
            }
            out.write("\n]\n");
        }
        Path target = folder.resolve("big-distinct.json");

        RecordsFileDeduplicate.Result result = new RecordsFileDeduplicate().write(source, target, false);

        assertThat(result.source().count(ProblemCode.DUPLICATE_RECORD)).isEqualTo(500_000);
        assertThat(result.written().records()).isEqualTo(500_000);
        ReviewReport again = new RecordsFileValidator().validate(target);
        assertThat(again.distinctRecords()).isEqualTo(500_000);
        assertThat(again.count(ProblemCode.DUPLICATE_RECORD)).isZero();
    }

    @Test
    void refusesAFileWithErrorsAndWritesNothing() throws Exception {
        Path source = write("bad.json", """
                [ { "source_system" : "PRISON", "source_system_id" : "A1" },
                  { "source_system" : "NOMIS", "source_system_id" : "A1" } ]
                """);
        Path target = folder.resolve("out.json");

        assertThatThrownBy(() -> new RecordsFileDeduplicate().write(source, target, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(source + " cannot be de-duplicated: it has 1 error; the first, at line 1");
        assertThat(target).doesNotExist();
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void neverWritesOverTheSourceNorAnExistingFileUnlessAsked() throws Exception {
        Path source = perEvent();
        byte[] before = Files.readAllBytes(source);
        assertThatThrownBy(() -> new RecordsFileDeduplicate().write(source, source, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(source + " is the file being de-duplicated: save the copy to another file");
        assertThat(Files.readAllBytes(source)).isEqualTo(before);

        Path existing = write("existing.json", "keep me");
        assertThatThrownBy(() -> new RecordsFileDeduplicate().write(source, existing, false))
                .isInstanceOf(ExportException.class)
                .satisfies(e -> assertThat(((ExportException) e).kind()).isEqualTo(ExportException.Kind.TARGET_EXISTS));
        assertThat(Files.readString(existing)).isEqualTo("keep me");

        new RecordsFileDeduplicate().write(source, existing, true);
        assertThat(new RecordsFileValidator().validate(existing).records()).isEqualTo(4);
    }

    @Test
    void theCautionNamesTheRepeatsAndIdsWithBlankSpace() throws Exception {
        ReviewReport perEvent = new RecordsFileValidator().validate(perEvent());
        assertThat(perEvent.caution()).contains("3 rows repeat records listed earlier (7 rows, 4 distinct records): "
                + "the seed runbook's one row per event; sending them reclusters those records again for nothing");
        assertThat(perEvent.hasDuplicates()).isTrue();
        ReviewReport once = new RecordsFileValidator().validate(Fixtures.path("duplicates.json"));
        assertThat(once.caution()).contains("2 rows repeat records listed earlier (4 rows, 2 distinct records): the "
                + "seed runbook's one row per event; sending them reclusters those records again for nothing");
        ReviewReport single = new RecordsFileValidator().validate(write("one-repeat.json", """
                [ { "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "source_system" : "NOMIS", "source_system_id" : "A1" } ]
                """));
        assertThat(single.caution()).contains("1 row repeats a record listed earlier (2 rows, 1 distinct record): the "
                + "seed runbook's one row per event; sending it reclusters that record again for nothing");

        ReviewReport blank = new RecordsFileValidator().validate(write("blank.json", """
                [ { "source_system" : "NOMIS", "source_system_id" : " A1" } ]
                """));
        assertThat(blank.caution()).contains("1 id has blank space at either end: the service looks them up as "
                + "written and will not find them");
        assertThat(blank.hasDuplicates()).isFalse();

        // Warnings that change nothing the service does are no cause for caution.
        ReviewReport number = new RecordsFileValidator().validate(Fixtures.path("number-id.json"));
        assertThat(number.warningCount()).isPositive();
        assertThat(number.caution()).isEmpty();
        // Nor is a file that may not be sent at all.
        assertThat(new RecordsFileValidator().validate(Fixtures.path("unknown-source-system.json")).caution()).isEmpty();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private java.util.List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
