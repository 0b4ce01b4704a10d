package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runbook's cluster status statistics for the affected set: how many distinct clusters (person_key rows) the
 * affected records belong to now, by status. Status stays a string: legacy values still occur in old rows.
 */
public record ClusterStatistics(Map<String, Long> clustersByStatus, Instant takenAt) {
    public ClusterStatistics {
        clustersByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(clustersByStatus));
    }

    public long total() {
        return clustersByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String status) {
        return clustersByStatus.getOrDefault(status, 0L);
    }
}
