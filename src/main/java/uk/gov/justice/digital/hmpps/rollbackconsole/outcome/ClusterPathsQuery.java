package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ClusterLookup;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;

/** Reads the review queue for the outstanding clusters and gives each its path. */
public final class ClusterPathsQuery {

    static final int BATCH = 5_000;

    private ClusterPathsQuery() {
    }

    /** @param manageUiBase the team's manage UI, e.g. {@code https://manage.example}; null or blank: no links */
    public static ReplicaQuery<ClusterPaths> of(Replica replica, OutstandingClusters outstanding, String manageUiBase) {
        Objects.requireNonNull(outstanding, "outstanding");
        return ClusterLookup.inOneSnapshot(replica, session -> {
            List<UUID> uuids = outstanding.clusters().stream().map(OutstandingCluster::personUuid)
                    .filter(Objects::nonNull).toList();
            boolean queue = session.hasReviewQueue();
            List<ClusterLookup.QueueRow> rows = new ArrayList<>();
            if (queue) {
                for (List<UUID> part : ClusterChangesQuery.parts(uuids, BATCH)) {
                    session.checkCancelled();
                    rows.addAll(session.reviewQueue(part));
                }
            }
            return ClusterPaths.of(outstanding, queue, rows, session.takenAt(), manageUiBase);
        });
    }
}
