package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the affected-records set: identifiers only, never personal data.
 *
 * @param personUuid     the cluster the record was in at its latest affected event; null when event_log had none
 * @param eventCount     affected events behind this row (1 in the one-row-per-event form)
 * @param lastEvent      the latest affected event_timestamp, read as UTC
 */
public record AffectedRecord(UUID personUuid, SourceSystem sourceSystem, String sourceSystemId, int eventCount,
                             Instant lastEvent) {

    public AffectedRecord {
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceSystemId, "sourceSystemId");
    }

    /** The identity the service reclusters by: one record per source system and id. */
    public RecordKey key() {
        return new RecordKey(sourceSystem, sourceSystemId);
    }
}
