package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/**
 * What kind of problem a file has. The names are stable: scripts and the window match on them, so rename none.
 * Each kind has one severity, so a count by code is also a count by severity.
 */
public enum ProblemCode {
    /** The file has no bytes, or only blank space. */
    EMPTY_FILE(Severity.ERROR),
    /** Bytes that are not UTF-8 (Latin-1 or Windows-1252 text), or a UTF-16 or UTF-32 file. */
    NOT_UTF8(Severity.ERROR),
    NOT_JSON(Severity.ERROR),
    /** The file ends before its JSON is complete: a cut-short copy or download. */
    TRUNCATED(Severity.ERROR),
    /** A string, name, number, nesting or the whole document beyond what a file of ids can need. */
    TOO_LARGE(Severity.ERROR),
    /** Neither a list of records nor DBeaver's one-query export. */
    WRONG_TOP_LEVEL(Severity.ERROR),
    /** Something follows the list (two files joined together, a stray bracket). */
    TRAILING_CONTENT(Severity.ERROR),
    NOT_AN_OBJECT(Severity.ERROR),
    /** source_system absent or null. */
    MISSING_SOURCE_SYSTEM(Severity.ERROR),
    /** source_system is a number, true/false, an object or a list. */
    SOURCE_SYSTEM_NOT_TEXT(Severity.ERROR),
    /** source_system is text but not exactly one of the four the service knows; case matters. */
    UNKNOWN_SOURCE_SYSTEM(Severity.ERROR),
    /** source_system_id absent or null. */
    MISSING_SOURCE_SYSTEM_ID(Severity.ERROR),
    /** source_system_id is "" or only blank space. */
    BLANK_ID(Severity.ERROR),
    /** source_system_id is true/false, an object or a list. */
    ID_NOT_TEXT(Severity.ERROR),
    ID_TOO_LONG(Severity.ERROR),
    /** A record names the same field twice; the service would silently keep the last. */
    DUPLICATE_FIELD(Severity.ERROR),
    /** source_system_id is a JSON number: the service accepts it as text, but ids are strings everywhere. */
    ID_IS_NUMBER(Severity.WARNING),
    /** source_system_id has blank space at either end: the service looks it up as written and will not find it. */
    ID_WHITESPACE(Severity.WARNING),
    /** person_uuid neither null nor a UUID; the service ignores person_uuid. */
    MALFORMED_PERSON_UUID(Severity.WARNING),
    /** The same source_system and source_system_id again; the service would recluster the record again. */
    DUPLICATE_RECORD(Severity.WARNING),
    /** A field the service does not read; reported once per field name, with a count. */
    EXTRA_FIELD(Severity.WARNING),
    /** A valid file with nothing to send. */
    EMPTY_LIST(Severity.WARNING);

    private final Severity severity;

    ProblemCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
