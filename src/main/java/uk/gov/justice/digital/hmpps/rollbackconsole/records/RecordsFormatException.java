package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.nio.file.Path;

/** A runbook file that is not a list of records. The message names the file, line, column and what is wrong. */
public final class RecordsFormatException extends Exception {

    private final Path file;
    private final long line;
    private final long column;
    private final Long recordIndex;
    private final String problem;

    RecordsFormatException(Path file, long line, long column, Long recordIndex, String problem, Throwable cause) {
        super(file + ", line " + line + ", column " + column + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.recordIndex = recordIndex;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** 1-based. */
    public long line() {
        return line;
    }

    /** 1-based, counted in characters. */
    public long column() {
        return column;
    }

    /** 0-based index of the record being read, or null when the problem is outside the list's elements. */
    public Long recordIndex() {
        return recordIndex;
    }

    /** What is wrong, without the file and position. */
    public String problem() {
        return problem;
    }
}
