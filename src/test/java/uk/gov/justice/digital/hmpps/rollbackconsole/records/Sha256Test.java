package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {

    @TempDir
    Path folder;

    @Test
    void hashesAFileAsLowercaseHex() throws Exception {
        Path file = Files.write(folder.resolve("abc"), new byte[] {'a', 'b', 'c'});

        assertThat(Sha256.of(file)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashesAnEmptyFile() throws Exception {
        Path file = Files.createFile(folder.resolve("empty"));

        assertThat(Sha256.of(file)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
