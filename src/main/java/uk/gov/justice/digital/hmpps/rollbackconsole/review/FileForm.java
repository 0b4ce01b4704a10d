package uk.gov.justice.digital.hmpps.rollbackconsole.review;

/** Which kind of file was given, as far as its shape tells. */
public enum FileForm {
    /** A list of records with person_uuid: what the console writes and the seed runbook asks for. */
    RUNBOOK_WITH_PERSON_UUID("the runbook's format, with person_uuid (as the console writes it)"),
    /** A list of records without person_uuid: the later runbook's {@code select distinct} query. */
    RUNBOOK_WITHOUT_PERSON_UUID("the runbook's format, without person_uuid"),
    /**
     * DBeaver's JSON export: an object whose one key is the query text, holding the list. The service takes only the
     * list, which is what the console sends from it.
     */
    DBEAVER_EXPORT("DBeaver's JSON export"),
    /** {@code [ ]}: a list with no records. */
    EMPTY_LIST("an empty list"),
    /** Not JSON, or JSON of another shape. */
    UNRECOGNISED("not a list of records");

    private final String description;

    FileForm(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
