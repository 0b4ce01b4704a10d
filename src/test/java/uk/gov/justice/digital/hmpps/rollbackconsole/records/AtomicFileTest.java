package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void publishesTheBytesWithTheirDigest() throws IOException {
        Path target = folder.resolve("clusters.csv");

        WrittenFile written = AtomicFile.write(target, false, out -> out.write("a,b\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(target).hasContent("a,b");
        assertThat(written.path()).isEqualTo(target.toAbsolutePath());
        assertThat(written.bytes()).isEqualTo(4);
        assertThat(written.sha256()).isEqualTo(Sha256.of(target));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void leavesAnExistingFileAloneUnlessAskedToReplaceIt() throws IOException {
        Path target = folder.resolve("report.md");
        Files.writeString(target, "earlier");

        assertThatThrownBy(() -> AtomicFile.write(target, false, out -> out.write('x')))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("earlier");

        AtomicFile.write(target, true, out -> out.write('x'));
        assertThat(target).hasContent("x");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aContentThatClosesItsWriterStillGetsSyncedAndPublished() throws IOException {
        Path target = folder.resolve("summary.txt");

        AtomicFile.write(target, false, out -> {
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("closed early");
            }
        });

        assertThat(target).hasContent("closed early");
    }

    @Test
    void aFailureHalfWayLeavesNeitherTargetNorTemporaryFile() throws IOException {
        Path target = folder.resolve("clusters.json");
        Files.writeString(target, "earlier");

        assertThatThrownBy(() -> AtomicFile.write(target, true, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk went away");
        })).hasMessage("disk went away");

        assertThat(target).hasContent("earlier");
        assertThat(leftovers()).isEmpty();
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(folder).filter(p -> p.getFileName().toString().endsWith(".part")).toList().stream();
    }
}
