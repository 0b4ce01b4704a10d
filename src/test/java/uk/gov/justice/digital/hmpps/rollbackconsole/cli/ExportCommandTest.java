package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.Main;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class ExportCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CommandLine.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    }

    private List<String> exportArgs(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--host", "localhost", "--port",
                Integer.toString(TestReplica.port()), "--database", TestReplica.DATABASE, "--user", TestReplica.CONSOLE_USER,
                "--cutoff", TestReplica.CUTOFF_BST_LOCAL, "--zone", "Europe/London", "--out", file.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void exportPrintsCountHashAndTimeAndWritesTheFile() throws Exception {
        Path file = dir.resolve("affected-records.json");
        int code = run(exportArgs(file, "--distinct").toArray(String[]::new));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Cutoff: 2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC")
                .contains("Records: " + TestReplica.BST_TO_NOW_COUNTS.distinctRecords() + " distinct records from "
                        + TestReplica.BST_TO_NOW_COUNTS.events() + " events")
                .contains("SHA-256: " + Sha256.of(file))
                .containsPattern("Time: \\d+\\.\\d\\d s");
        String json = Files.readString(file);
        for (String personal : TestReplica.PERSONAL_VALUES) {
            assertThat(json).doesNotContain(personal);
        }
    }

    @Test
    void anExistingFileIsNotReplacedUnlessAsked() throws Exception {
        Path file = dir.resolve("affected-records.json");
        Files.writeString(file, "keep me");

        assertThat(run(exportArgs(file).toArray(String[]::new))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file.toString());
        assertThat(Files.readString(file)).isEqualTo("keep me");

        assertThat(run(exportArgs(file, "--overwrite").toArray(String[]::new))).isZero();
        assertThat(Files.readString(file)).startsWith("[");
    }

    @Test
    void anUnreachableReplicaFailsWithAMessageAndNoFile() {
        Path file = dir.resolve("out.json");
        List<String> args = exportArgs(file);
        args.set(args.indexOf("--port") + 1, "1");
        assertThat(run(args.toArray(String[]::new))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Nothing is accepting connections at localhost:1");
        assertThat(file).doesNotExist();
    }

    @Test
    void aTimeThatHappenedTwiceAsksForAnOffset() {
        List<String> args = exportArgs(dir.resolve("out.json"));
        args.set(args.indexOf("--cutoff") + 1, "2025-10-26 01:30:00");
        assertThat(run(args.toArray(String[]::new))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("happened twice in Europe/London")
                .contains("2025-10-26T01:30+01:00").contains("2025-10-26T01:30Z");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        assertThat(run("export", "--host", "localhost")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out is required.").contains("Usage:");
    }

    @Test
    void runsAsItsOwnProcessWithoutADisplayAndWithoutJavaFx() throws Exception {
        Path file = dir.resolve("affected-records.json");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + dir.resolve("classes.log"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(exportArgs(file));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("SHA-256: " + Sha256.of(file));
        assertThat(Files.readString(dir.resolve("classes.log"))).doesNotContain("javafx.");
    }
}
