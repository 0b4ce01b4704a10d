package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Map;

/** A moment's reading of an {@link AffectedRecordTally}, safe to hand to the screen or a report. */
public record AffectedSummary(long rows, long events, Map<SourceSystem, Long> bySourceSystem, long distinctClusters,
                              long withoutPersonUuid) {
    public static final AffectedSummary EMPTY = new AffectedRecordTally().summary();

    public AffectedSummary {
        bySourceSystem = Map.copyOf(bySourceSystem);
    }

    public long count(SourceSystem s) {
        return bySourceSystem.getOrDefault(s, 0L);
    }
}
