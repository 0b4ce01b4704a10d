package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A cluster left in NEEDS_ATTENTION, as manual resolution needs it: its person_uuid, why it needs attention and the
 * source records it holds. Identifiers only.
 *
 * @param statusReason       as stored ({@code BROKEN_CLUSTER}, {@code OVERRIDE_CONFLICT}); may be null
 * @param sourceSystemIds    the ids of the cluster's records by source system, in byte order, every system present
 * @param recordsWithoutId   records the console cannot name (an empty id column, or a source system it does not
 *                           know): counted, so the cluster's size stays true
 */
public record OutstandingCluster(UUID personUuid, String statusReason, Map<SourceSystem, List<String>> sourceSystemIds,
                                 long recordsWithoutId) {

    public OutstandingCluster {
        Objects.requireNonNull(sourceSystemIds, "sourceSystemIds");
        EnumMap<SourceSystem, List<String>> copy = new EnumMap<>(SourceSystem.class);
        for (SourceSystem s : SourceSystem.values()) {
            copy.put(s, List.copyOf(sourceSystemIds.getOrDefault(s, List.of())));
        }
        sourceSystemIds = Collections.unmodifiableMap(copy);
    }

    public long records(SourceSystem s) {
        return sourceSystemIds.get(s).size();
    }

    public long records() {
        return sourceSystemIds.values().stream().mapToLong(List::size).sum() + recordsWithoutId;
    }

    /** The cluster's records in source system order, then id order. */
    public List<RecordKey> keys() {
        List<RecordKey> keys = new ArrayList<>();
        sourceSystemIds.forEach((s, ids) -> ids.forEach(id -> keys.add(new RecordKey(s, id))));
        return keys;
    }
}
