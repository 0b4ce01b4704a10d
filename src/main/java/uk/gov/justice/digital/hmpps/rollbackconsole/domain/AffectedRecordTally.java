package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.EnumMap;
import java.util.Map;

/** Running counts over affected records as they stream in: by source system, clusters, rows without a cluster. */
public final class AffectedRecordTally {

    // By ordinal: a million rows add to these without boxing a count each.
    private final long[] bySourceSystem = new long[SourceSystem.values().length];
    private final UuidSet clusters = new UuidSet();
    private long rows;
    private long events;
    private long withoutPersonUuid;

    public void add(AffectedRecord r) {
        rows++;
        events += r.eventCount();
        bySourceSystem[r.sourceSystem().ordinal()]++;
        if (r.personUuid() == null) {
            withoutPersonUuid++;
        } else {
            clusters.add(r.personUuid());
        }
    }

    public long rows() {
        return rows;
    }

    public long events() {
        return events;
    }

    public long count(SourceSystem s) {
        return bySourceSystem[s.ordinal()];
    }

    public Map<SourceSystem, Long> bySourceSystem() {
        EnumMap<SourceSystem, Long> copy = new EnumMap<>(SourceSystem.class);
        for (SourceSystem s : SourceSystem.values()) {
            copy.put(s, count(s));
        }
        return copy;
    }

    public long distinctClusters() {
        return clusters.size();
    }

    public long withoutPersonUuid() {
        return withoutPersonUuid;
    }

    public AffectedSummary summary() {
        return new AffectedSummary(rows, events, bySourceSystem(), distinctClusters(), withoutPersonUuid);
    }
}
