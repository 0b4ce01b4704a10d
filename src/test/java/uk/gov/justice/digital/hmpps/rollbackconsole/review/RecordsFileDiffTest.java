package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

class RecordsFileDiffTest {

    private static final String U1 = "782a5cbe-5a10-4694-a046-0be9e82f0591";
    private static final String U2 = "0c2f6a3e-94b5-4c43-9b0e-2f4b2c1d7e10";
    private static final String U3 = "11111111-2222-3333-4444-555555555555";

    @TempDir
    Path folder;

    private Path a;
    private Path b;

    @BeforeEach
    void twoExports() throws IOException {
        // A: one row per event, so NOMIS A1 comes twice (the second time in another cluster).
        a = write("a.json", """
                [
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : "%s", "source_system" : "LIBRA", "source_system_id" : "123" },
                  { "person_uuid" : "%s", "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "COMMON_PLATFORM", "source_system_id" : "C1" }
                ]
                """.formatted(U1, U2, U3));
        // B: DBeaver's export of the distinct query; LIBRA's id as a number, which the service reads as "123".
        b = write("b.json", """
                {
                "select distinct el.source_system_id, el.source_system from personrecordservice.event_log el": [
                \t{ "source_system_id" : "X1", "source_system" : "DELIUS" },
                \t{ "source_system_id" : 123, "source_system" : "LIBRA" },
                \t{ "source_system_id" : "B2", "source_system" : "NOMIS" },
                \t{ "source_system_id" : "B2", "source_system" : "NOMIS" }
                ]
                }
                """);
    }

    @Test
    void countsDistinctRecordsOnlyInEachFileAndInBoth() throws Exception {
        DiffResult result = new RecordsFileDiff().compare(a, b, DiffTargets.none(), false);

        assertThat(result.onlyInA()).isEqualTo(2);
        assertThat(result.onlyInB()).isEqualTo(1);
        assertThat(result.inBoth()).isEqualTo(2);
        assertThat(result.a().records()).isEqualTo(5);
        assertThat(result.b().form()).isEqualTo(FileForm.DBEAVER_EXPORT);
        assertThat(result.onlyInAFile()).isNull();
        assertThat(result.onlyInBFile()).isNull();
        assertThat(result.inBothFile()).isNull();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void writesEachDifferenceInTheRunbooksFormatOnceAndInFileOrder() throws Exception {
        DiffTargets targets = new DiffTargets(folder.resolve("only-a.json"), folder.resolve("only-b.json"),
                folder.resolve("both.json"));

        DiffResult result = new RecordsFileDiff().compare(a, b, targets, false);

        // A's first occurrence, with A's person_uuid.
        assertThat(Files.readString(targets.onlyInA())).isEqualTo("""
                [
                  {
                    "person_uuid" : "%s",
                    "source_system" : "NOMIS",
                    "source_system_id" : "A1"
                  },
                  {
                    "person_uuid" : null,
                    "source_system" : "COMMON_PLATFORM",
                    "source_system_id" : "C1"
                  }
                ]
                """.formatted(U1));
        assertThat(Files.readString(targets.onlyInB())).isEqualTo("""
                [
                  {
                    "person_uuid" : null,
                    "source_system" : "NOMIS",
                    "source_system_id" : "B2"
                  }
                ]
                """);
        assertThat(Files.readString(targets.inBoth())).isEqualTo("""
                [
                  {
                    "person_uuid" : null,
                    "source_system" : "DELIUS",
                    "source_system_id" : "X1"
                  },
                  {
                    "person_uuid" : "%s",
                    "source_system" : "LIBRA",
                    "source_system_id" : "123"
                  }
                ]
                """.formatted(U2));
        assertThat(result.onlyInAFile().records()).isEqualTo(2);
        assertThat(result.onlyInBFile().records()).isEqualTo(1);
        assertThat(result.inBothFile().records()).isEqualTo(2);
        assertThat(result.inBothFile().sha256()).isEqualTo(Sha256.of(targets.inBoth()));
        assertThat(new RecordsFileValidator().validate(targets.onlyInA()).problems()).isEmpty();
    }

    @Test
    void writesAnEmptyListWhenNothingDiffers() throws Exception {
        Path onlyInA = folder.resolve("only-a.json");

        DiffResult result = new RecordsFileDiff().compare(a, a, new DiffTargets(onlyInA, null, null), false);

        assertThat(result.inBoth()).isEqualTo(4);
        assertThat(result.onlyInA()).isZero();
        assertThat(Files.readString(onlyInA)).isEqualTo("[ ]\n");
    }

    @Test
    void refusesAFileWithErrorsNamingItAndItsFirstError() throws IOException {
        Path bad = write("bad.json", """
                [
                  { "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "source_system" : "Delius", "source_system_id" : "X1" },
                  { "source_system" : "DELIUS" }
                ]
                """);
        Path onlyInA = folder.resolve("only-a.json");

        DiffRefusedException e = catchThrowableOfType(DiffRefusedException.class,
                () -> new RecordsFileDiff().compare(a, bad, new DiffTargets(onlyInA, null, null), false));

        assertThat(e.getMessage()).isEqualTo(bad + " cannot be compared: it has 2 errors; the first, at line 3,"
                + " column 23: unknown source_system \"Delius\" — did you mean \"DELIUS\"? (record 2).");
        assertThat(e.reports()).extracting(ReviewReport::file).containsExactly(bad);
        assertThat(onlyInA).doesNotExist();
    }

    @Test
    void namesBothFilesWhenBothHaveErrors() throws IOException {
        Path empty = write("empty.json", "");
        Path cut = write("cut.json", "[ { \"source_system\" : \"NOMIS\"");

        DiffRefusedException e = catchThrowableOfType(DiffRefusedException.class,
                () -> new RecordsFileDiff().compare(empty, cut, DiffTargets.none(), false));

        assertThat(e.getMessage()).isEqualTo(empty + " cannot be compared: it has 1 error; the first, at line 1,"
                + " column 1: the file is empty. " + cut + " cannot be compared: it has 1 error; the first, at line 1,"
                + " column 30: the file ends inside this record: it looks cut short; export it again (record 1).");
    }

    @Test
    void refusesToWriteADifferenceOverAFileBeingCompared() {
        assertThatThrownBy(() -> new RecordsFileDiff().compare(a, b, new DiffTargets(null, b, null), true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(b + " is one of the files being compared: write the differences to another file");
    }

    @Test
    void refusesOneFileForTwoDifferences() {
        Path same = folder.resolve("out.json");

        assertThatThrownBy(() -> new RecordsFileDiff().compare(a, b, new DiffTargets(same, null, same), false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(same + " is given for two of the differences: give each its own file");
    }

    @Test
    void leavesAnExistingFileAloneUnlessToldToReplaceIt() throws Exception {
        Path onlyInB = write("only-b.json", "keep me");
        DiffTargets targets = new DiffTargets(null, onlyInB, null);

        ExportException e = catchThrowableOfType(ExportException.class,
                () -> new RecordsFileDiff().compare(a, b, targets, false));
        assertThat(e.kind()).isEqualTo(ExportException.Kind.TARGET_EXISTS);
        assertThat(Files.readString(onlyInB)).isEqualTo("keep me");

        new RecordsFileDiff().compare(a, b, targets, true);
        assertThat(Files.readString(onlyInB)).contains("\"B2\"");
    }

    @Test
    void honoursACancelAndThenComparesAgain() throws Exception {
        RecordsFileDiff diff = new RecordsFileDiff();
        diff.cancel();

        assertThatThrownBy(() -> diff.compare(a, b, DiffTargets.none(), false))
                .isInstanceOf(CancellationException.class);
        assertThat(diff.compare(a, b, DiffTargets.none(), false).inBoth()).isEqualTo(2);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
