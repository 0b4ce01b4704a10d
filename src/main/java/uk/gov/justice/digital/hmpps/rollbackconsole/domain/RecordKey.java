package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Objects;

/** A source record's identity as {@code POST /admin/recluster} takes it. */
public record RecordKey(SourceSystem sourceSystem, String sourceSystemId) {
    public RecordKey {
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(sourceSystemId, "sourceSystemId");
    }
}
