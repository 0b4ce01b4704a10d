package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

class DiffCommandTest {

    @TempDir
    Path folder;

    private Path a;
    private Path b;

    @BeforeEach
    void twoExports() throws IOException {
        a = write("a.json", """
                [
                  { "person_uuid" : null, "source_system" : "NOMIS", "source_system_id" : "A1" },
                  { "person_uuid" : null, "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "person_uuid" : null, "source_system" : "NOMIS", "source_system_id" : "A1" }
                ]
                """);
        b = write("b.json", """
                [
                  { "source_system" : "DELIUS", "source_system_id" : "X1" },
                  { "source_system" : "LIBRA", "source_system_id" : "123" },
                  { "source_system" : "LIBRA", "source_system_id" : "456" }
                ]
                """);
    }

    @Test
    void printsTheThreeCountsAndWritesTheFilesAskedFor() throws IOException {
        Path onlyB = folder.resolve("only-b.json");
        Path both = folder.resolve("both.json");

        Console run = Console.run("diff", a.toString(), b.toString(), "--only-b", onlyB.toString(), "--both",
                both.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsExactly(
                "A: " + a + ", 3 records (2 distinct), 1 warning (rollback-console validate shows them)",
                "B: " + b + ", 3 records (3 distinct)",
                "Only in A: 1",
                "Only in B: 2",
                "In both: 1",
                "Wrote 2 records only in B to " + onlyB.toAbsolutePath() + " (SHA-256 " + Sha256.of(onlyB) + ")",
                "Wrote 1 record in both to " + both.toAbsolutePath() + " (SHA-256 " + Sha256.of(both) + ")");
        assertThat(Files.readString(onlyB)).contains("\"123\"", "\"456\"").doesNotContain("X1");
        assertThat(folder.resolve("only-a.json")).doesNotExist();
    }

    @Test
    void exitsOneNamingTheFileWithErrorsAndItsFirstError() throws IOException {
        Path bad = write("bad.json", """
                [
                  { "source_system" : "NOMIS" }
                ]
                """);

        Console run = Console.run("diff", a.toString(), bad.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).containsExactly(
                "rollback-console: " + bad + " cannot be compared: it has 1 error; the first: " + bad
                        + ":2:3: error: no source_system_id (record 1)",
                "Run rollback-console validate on it to see every problem.");
    }

    @Test
    void exitsOneAndLeavesAnExistingFileWithoutOverwrite() throws IOException {
        Path onlyA = write("only-a.json", "keep me");

        Console refused = Console.run("diff", a.toString(), b.toString(), "--only-a", onlyA.toString());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).singleElement().asString().contains("already exists and was left unchanged");
        assertThat(Files.readString(onlyA)).isEqualTo("keep me");

        Console replaced = Console.run("diff", a.toString(), b.toString(), "--only-a", onlyA.toString(), "--overwrite");

        assertThat(replaced.exitCode()).isZero();
        assertThat(Files.readString(onlyA)).contains("\"A1\"");
    }

    @Test
    void exitsTwoWhenADifferenceWouldReplaceAnInput() {
        Console run = Console.run("diff", a.toString(), b.toString(), "--both", a.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("rollback-console: " + a
                + " is one of the files being compared: write the differences to another file.");
    }

    @Test
    void exitsTwoWithoutTwoFiles() {
        Console run = Console.run("diff", a.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo(
                "rollback-console: diff takes two files, A and B, the exported JSON files to compare.");
        assertThat(Console.run("diff", "x", "y", "z").exitCode()).isEqualTo(2);
        assertThat(Console.run("diff", "x", "y", "--only-c", "z").exitCode()).isEqualTo(2);
    }

    @Test
    void exitsOneWhenAFileIsNotThere() {
        Path missing = folder.resolve("missing.json");

        Console run = Console.run("diff", a.toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsExactly("rollback-console: " + missing + " does not exist.");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
