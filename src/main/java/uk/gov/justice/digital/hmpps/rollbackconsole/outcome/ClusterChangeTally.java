package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * Folds records one at a time into what changed. It keeps one small entry per cluster (the first cluster met on
 * the other side, and a set only once a second one appears), never the records themselves, so memory follows the
 * number of clusters, not the file's size.
 */
final class ClusterChangeTally {

    /** A cluster and the clusters met on the other side of its records' moves. */
    private static final class Side {
        UUID first;
        Set<UUID> others; // null until a second distinct cluster appears: most clusters have one
        long records;
        long movedOut;
        String status;
        String statusReason;

        void meet(UUID other) {
            if (other == null) {
                return;
            }
            if (first == null) {
                first = other;
            } else if (!first.equals(other)) {
                if (others == null) {
                    others = new LinkedHashSet<>();
                    others.add(first);
                }
                others.add(other);
            }
        }

        boolean several() {
            return others != null && others.size() > 1;
        }

        List<UUID> met() {
            return others == null ? (first == null ? List.of() : List.of(first)) : List.copyOf(others);
        }
    }

    private final Map<UUID, Side> earlier = new HashMap<>();
    private final Map<UUID, Side> now = new HashMap<>();
    private final Map<SourceSystem, Long> movedBy = new EnumMap<>(SourceSystem.class);
    private long records;
    private long notFound;
    private long withoutEarlier;
    private long unchanged;
    private long moved;
    private long inNoCluster;

    /**
     * One record.
     *
     * @param earlierCluster the file's person_uuid, or null
     * @param found          whether the replica holds the record
     * @param clusterNow     the cluster it is in now, or null (in none, or not found)
     */
    void add(SourceSystem system, UUID earlierCluster, boolean found, UUID clusterNow, String status,
             String statusReason) {
        records++;
        if (!found) {
            notFound++;
            return;
        }
        if (clusterNow != null) {
            Side n = now.computeIfAbsent(clusterNow, u -> new Side());
            n.records++;
            n.status = status;
            n.statusReason = statusReason;
            n.meet(earlierCluster);
        }
        if (earlierCluster == null) {
            withoutEarlier++;
            return;
        }
        Side e = earlier.computeIfAbsent(earlierCluster, u -> new Side());
        e.records++;
        e.meet(clusterNow);
        if (Objects.equals(earlierCluster, clusterNow)) {
            unchanged++;
        } else {
            moved++;
            e.movedOut++;
            movedBy.merge(system, 1L, Long::sum);
            if (clusterNow == null) {
                inNoCluster++;
            }
        }
    }

    /** The file's clusters that lost records: only these can have been emptied. */
    List<UUID> clustersThatLostRecords() {
        return earlier.entrySet().stream().filter(e -> e.getValue().movedOut > 0).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /**
     * The result.
     *
     * @param recordsNow records each cluster that lost records holds now; a cluster absent from it is gone
     */
    ClusterChanges finish(uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow window, String sha256,
                          java.time.Instant takenAt, Map<UUID, Long> recordsNow) {
        List<MergedCluster> merged = new ArrayList<>();
        long needsAttention = 0;
        for (Map.Entry<UUID, Side> e : now.entrySet()) {
            Side s = e.getValue();
            if ("NEEDS_ATTENTION".equals(s.status)) {
                needsAttention++;
            }
            if (s.several()) {
                merged.add(new MergedCluster(e.getKey(), s.status, s.statusReason, s.records, s.met()));
            }
        }
        merged.sort(Comparator.comparingLong(MergedCluster::records).reversed()
                .thenComparing(Comparator.comparingInt((MergedCluster m) -> m.earlierClusters().size()).reversed())
                .thenComparing(MergedCluster::personUuid));
        List<SplitCluster> split = new ArrayList<>();
        for (Map.Entry<UUID, Side> e : earlier.entrySet()) {
            if (e.getValue().several()) {
                split.add(new SplitCluster(e.getKey(), e.getValue().records, e.getValue().met()));
            }
        }
        split.sort(Comparator.comparingLong(SplitCluster::records).reversed().thenComparing(SplitCluster::personUuid));
        List<UUID> emptied = clustersThatLostRecords().stream()
                .filter(u -> recordsNow.getOrDefault(u, 0L) == 0).toList();
        ClusterChangeCounts counts = new ClusterChangeCounts(records, notFound, withoutEarlier, unchanged, moved,
                movedBy, inNoCluster, earlier.size(), now.size(), merged.size(), split.size(), emptied.size(),
                needsAttention);
        return new ClusterChanges(window, sha256, takenAt, counts, merged, split, emptied);
    }
}
