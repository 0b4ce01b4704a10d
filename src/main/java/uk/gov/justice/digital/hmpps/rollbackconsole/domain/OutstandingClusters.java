package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The NEEDS_ATTENTION clusters among those the affected records belong to, and how many the whole replica holds: the
 * second number says whether the incident added to a backlog that was already there.
 *
 * @param takenAt the replica's time when the query started
 */
public record OutstandingClusters(AffectedWindow window, List<OutstandingCluster> clusters, long needsAttentionInReplica,
                                  Instant takenAt) {

    public OutstandingClusters {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(takenAt, "takenAt");
        clusters = List.copyOf(clusters);
    }

    public long count(String statusReason) {
        return clusters.stream().filter(c -> Objects.equals(c.statusReason(), statusReason)).count();
    }
}
