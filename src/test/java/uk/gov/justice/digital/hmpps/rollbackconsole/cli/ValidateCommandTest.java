package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;

class ValidateCommandTest {

    private static final String RECORD = "  { \"source_system\" : \"NOMIS\", \"source_system_id\" : \"A1234BC\" }";

    @TempDir
    Path folder;

    @Test
    void printsTheSummaryAndExitsZeroForAFileSafeToSend() throws IOException {
        String file = fixture("runbook-with-person-uuid.json");

        Console run = Console.run("validate", file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsExactly(
                "File: " + file,
                "Form: the runbook's format, with person_uuid (as the console writes it)",
                "Records: 4 (4 distinct)",
                "By source system: NOMIS=1 DELIUS=1 COMMON_PLATFORM=1 LIBRA=1",
                "Clusters: 2, without person_uuid: 1",
                "Size: 549 bytes",
                "SHA-256: c337cf54e2feaedb36bed15fc02f48232993026223958de51de094623bd57d7b",
                "Batches: 1 of up to 500 records",
                "Problems: none",
                "Safe to send: yes");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsEachProblemAsCompilersDoAndExitsOneWhenThereAreErrors() throws IOException {
        String file = fixture("unknown-source-system.json");

        Console run = Console.run("validate", file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).endsWith(
                "Problems: 3 errors, 0 warnings",
                file + ":2:23: error: unknown source_system \"Delius\" — did you mean \"DELIUS\"? (record 1)",
                file + ":3:23: error: unknown source_system \"PRISON\": it must be one of NOMIS, DELIUS,"
                        + " COMMON_PLATFORM, LIBRA, written exactly so (record 2)",
                file + ":4:23: error: source_system is the number 1, but it must be one of NOMIS, DELIUS,"
                        + " COMMON_PLATFORM, LIBRA in quotes (record 3)",
                "Safe to send: no, 3 errors must be fixed first");
    }

    @Test
    void exitsZeroWithWarningsOnly() throws IOException {
        String file = fixture("number-id.json");

        Console run = Console.run("validate", file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Problems: 0 errors, 1 warning", file + ":2:53: warning: source_system_id is the"
                + " number 1234567, not a string: the service accepts it as \"1234567\", but ids are strings in every"
                + " source system (record 1)", "Safe to send: yes");
    }

    @Test
    void exitsOneForAnEmptyList() throws IOException {
        String file = fixture("empty-list.json");

        Console run = Console.run("validate", file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Form: an empty list", file + ":1:1: warning: the list is empty: nothing to send",
                "Safe to send: no, there are no records to send");
    }

    @Test
    void namesDbeaversQueryAndCountsBatchesOfTheSizeGiven() throws IOException {
        String file = fixture("dbeaver.json");

        Console run = Console.run("validate", "--batch-size", "1", file);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Form: DBeaver's JSON export of \"select el.person_uuid, el.source_system,"
                + " el.source_system_id from personrecordservice.event_log el…\"", "Batches: 2 of up to 1 record");
    }

    @Test
    void saysWhenCountsStopAtAnErrorThatEndedTheReading() throws IOException {
        String file = fixture("truncated.json");

        Console run = Console.run("validate", file);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(
                "Note: the reading stopped at an error below; the counts cover only what came before it.",
                file + ":9:16: error: the file ends inside this record: it looks cut short; export it again (record 2)");
    }

    @Test
    void saysHowManyProblemsOfACodeItDidNotPrint() throws IOException {
        Path file = folder.resolve("repeats.json");
        Files.writeString(file, "[\n" + (RECORD + ",\n").repeat(1_001) + RECORD + "\n]\n");

        Console run = Console.run("validate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Records: 1,002 (1 distinct)", "Problems: 0 errors, 1,001 warnings",
                file + ": warning: 1 more DUPLICATE_RECORD not shown");
        assertThat(run.out()).filteredOn(line -> line.contains("repeats record 1")).hasSize(1_000);
    }

    @Test
    void saysSendWithCautionForOneRowPerEventAndHowToWriteEachRecordOnce() throws Exception {
        Path file = folder.resolve("affected-records.json");
        Files.writeString(file, "[\n" + (RECORD + ",\n").repeat(1_005)
                + "  { \"source_system\" : \"DELIUS\", \"source_system_id\" : \"X1\" }\n]\n");

        Console run = Console.run("validate", file.toString());

        // The exit code still says whether the file may be sent; the verdict says how.
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).endsWith("Safe to send: yes, with caution: 1,004 rows repeat records listed earlier "
                + "(1,006 rows, 2 distinct records): the seed runbook's one row per event; sending them reclusters "
                + "those records again for nothing.",
                "To send each record once: rollback-console validate " + file + " --write-distinct "
                        + "affected-records-distinct.json");

        Path out = folder.resolve("affected-records-distinct.json");
        Console write = Console.run("validate", file.toString(), "--write-distinct", out.toString());

        assertThat(write.exitCode()).isZero();
        assertThat(write.out()).endsWith("Wrote 2 records, each once, to " + out.toAbsolutePath(),
                "SHA-256 of it: " + Sha256.of(out));
        assertThat(Files.readString(out)).isEqualTo("""
                [
                  {
                    "person_uuid" : null,
                    "source_system" : "NOMIS",
                    "source_system_id" : "A1234BC"
                  },
                  {
                    "person_uuid" : null,
                    "source_system" : "DELIUS",
                    "source_system_id" : "X1"
                  }
                ]
                """);
        Console again = Console.run("validate", out.toString());
        assertThat(again.out()).endsWith("Problems: none", "Safe to send: yes");

        // An existing file is replaced only when asked.
        Console refused = Console.run("validate", file.toString(), "--write-distinct", out.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).hasSize(1);
        assertThat(Console.run("validate", file.toString(), "--write-distinct", out.toString(), "--overwrite")
                .exitCode()).isZero();
    }

    @Test
    void writesNoCopyOfAFileWithErrors() throws IOException {
        String file = fixture("unknown-source-system.json");
        Path out = folder.resolve("out.json");

        Console run = Console.run("validate", file, "--write-distinct", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsExactly("rollback-console: " + out + " was not written: " + file
                + " has errors to fix first.");
        assertThat(out).doesNotExist();
        assertThat(run.out()).doesNotContain("To send each record once");
    }

    @Test
    void exitsOneWhenTheFileIsNotThere() {
        String missing = folder.resolve("missing.json").toString();

        Console run = Console.run("validate", missing);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsExactly("rollback-console: " + missing + " does not exist.");
    }

    @Test
    void exitsTwoWithoutExactlyOneFile() {
        Console run = Console.run("validate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("rollback-console: validate takes one FILE, the exported JSON file to review.");
        assertThat(run.err()).contains("  rollback-console validate FILE [--batch-size N] [--write-distinct OUT [--overwrite]]");
        assertThat(Console.run("validate", "a.json", "b.json").exitCode()).isEqualTo(2);
    }

    @Test
    void exitsTwoForABatchSizeThatIsNotAPositiveNumber() {
        Console run = Console.run("validate", "a.json", "--batch-size", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("rollback-console: --batch-size 0 is not a whole number of records of at"
                + " least 1, such as 500.");
        assertThat(Console.run("validate", "a.json", "--batch-size=many").exitCode()).isEqualTo(2);
        assertThat(Console.run("validate", "a.json", "--batch-size").exitCode()).isEqualTo(2);
    }

    @Test
    void exitsTwoForAnUnknownOption() {
        Console run = Console.run("validate", "a.json", "--strict");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().get(0)).isEqualTo("rollback-console: Unknown option --strict.");
    }

    @Test
    void isACommandTheHelpNames() {
        assertThat(CommandLine.isCommand(new String[] {"validate", "x.json"})).isTrue();
        assertThat(CommandLine.isCommand(new String[] {"diff", "a.json", "b.json"})).isTrue();
        assertThat(Console.run("help").out()).contains("  rollback-console validate FILE [--batch-size N] [--write-distinct OUT [--overwrite]]",
                "  rollback-console diff A B [--only-a FILE] [--only-b FILE] [--both FILE] [--overwrite]");
    }

    /** A copy in a folder of the test's own, so the printed path is the one given. */
    private String fixture(String name) throws IOException {
        Path copy = folder.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/review/" + name)) {
            Files.copy(in, copy);
        }
        return copy.toString();
    }
}
