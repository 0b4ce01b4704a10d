package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a recluster changed for the exported records, in numbers: each record's cluster in the file (as the bad
 * release left it) against the cluster it is in now. Counts only, so the journal can keep it.
 *
 * @param records            distinct records read from the file
 * @param notFound           records the replica no longer holds
 * @param withoutEarlier     records the file gives no person_uuid for (nothing to compare)
 * @param unchanged          records still in the cluster the file names
 * @param moved              records now in another cluster, or in none
 * @param movedBySourceSystem the moved records by source system, every system present
 * @param inNoCluster        moved records that are now in no cluster at all
 * @param earlierClusters    distinct clusters the file names
 * @param clustersNow        distinct clusters the records are in now
 * @param merged             clusters now holding records of two or more of the file's clusters
 * @param split              of the file's clusters, those whose records are now in two or more clusters
 * @param emptied            of the file's clusters that lost records, those that now hold none (or are gone)
 * @param needsAttentionNow  of the clusters the records are in now, those in NEEDS_ATTENTION
 */
public record ClusterChangeCounts(long records, long notFound, long withoutEarlier, long unchanged, long moved,
                                  Map<SourceSystem, Long> movedBySourceSystem, long inNoCluster, long earlierClusters,
                                  long clustersNow, long merged, long split, long emptied, long needsAttentionNow) {

    public ClusterChangeCounts {
        EnumMap<SourceSystem, Long> copy = new EnumMap<>(SourceSystem.class);
        for (SourceSystem s : SourceSystem.values()) {
            copy.put(s, movedBySourceSystem.getOrDefault(s, 0L));
        }
        movedBySourceSystem = Collections.unmodifiableMap(copy);
    }

    public long moved(SourceSystem system) {
        return movedBySourceSystem.get(system);
    }
}
