package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.file.Path;

/** A line of a journal that is not a journal entry, other than a torn last line. Names the line. */
public final class JournalFormatException extends IOException {

    private final Path file;
    private final long lineNumber;

    JournalFormatException(Path file, long lineNumber, String problem, Throwable cause) {
        super(file + " line " + lineNumber + " is not a journal entry: " + problem, cause);
        this.file = file;
        this.lineNumber = lineNumber;
    }

    public Path file() {
        return file;
    }

    public long lineNumber() {
        return lineNumber;
    }
}
