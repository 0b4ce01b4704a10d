package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the console has published, with the digest of exactly the bytes it wrote.
 *
 * @param sha256 lowercase hex
 */
public record WrittenFile(Path path, long bytes, String sha256) {
    public WrittenFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }
}
