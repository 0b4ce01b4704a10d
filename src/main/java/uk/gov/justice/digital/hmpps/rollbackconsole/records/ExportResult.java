package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A finished export.
 *
 * @param file   the absolute path of the published file
 * @param sha256 lowercase hex of the file's bytes, computed while writing
 */
public record ExportResult(Path file, long records, long bytes, String sha256, Duration elapsed) {
}
