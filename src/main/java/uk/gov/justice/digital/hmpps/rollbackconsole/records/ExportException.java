package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.nio.file.Path;
import java.util.Objects;

/** An export that did not publish its file. The message names the file, says what happened and what to do. */
public final class ExportException extends Exception {

    public enum Kind { TARGET_EXISTS, FOLDER_MISSING, NO_PERMISSION, DISK_FULL, SOURCE_FAILED, CANCELLED, IO }

    private final Kind kind;
    private final Path target;

    ExportException(Kind kind, Path target, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.target = Objects.requireNonNull(target, "target");
    }

    public Kind kind() {
        return kind;
    }

    public Path target() {
        return target;
    }
}
