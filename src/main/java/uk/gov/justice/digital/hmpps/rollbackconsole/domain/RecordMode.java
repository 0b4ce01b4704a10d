package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

/** The two forms of the runbook's affected-records query. */
public enum RecordMode {
    /** One row per source_system + source_system_id: the later runbook revision, and what the service needs. */
    DISTINCT_RECORDS,
    /** One row per CREATED/UPDATED event: the seed runbook; a record updated five times appears five times. */
    ONE_ROW_PER_EVENT
}
