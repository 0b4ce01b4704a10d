package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file the offline review found safe to send, as the send step will need it: where it is, the SHA-256 of the
 * bytes that were reviewed (so that the step can refuse a file changed since), and how many records it lists.
 *
 * @param file    absolute path
 * @param sha256  lowercase hex, as the review computed it
 * @param records elements of the list, duplicates included, as they would be sent
 */
public record ReviewedFile(Path file, String sha256, long records) {

    public ReviewedFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        file = file.toAbsolutePath().normalize();
    }
}
