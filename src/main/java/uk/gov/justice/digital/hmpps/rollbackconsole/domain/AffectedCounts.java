package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

/** Counts over an {@link AffectedWindow}: events, distinct source records, and distinct clusters (person_uuid). */
public record AffectedCounts(long events, long distinctRecords, long distinctClusters) {
}
