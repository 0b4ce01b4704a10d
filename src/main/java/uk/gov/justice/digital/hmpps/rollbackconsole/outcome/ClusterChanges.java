package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;

/**
 * What the recluster changed for the records of one exported file: the counts, and the clusters merged, split and
 * emptied, each named by person_uuid. Identifiers only.
 *
 * @param fileSha256 the exported file the earlier clusters come from
 * @param takenAt    the replica's clock when the snapshot was taken
 * @param merged     largest first (records, then earlier clusters), then by person_uuid
 * @param split      largest first, then by person_uuid
 * @param emptied    by person_uuid
 */
public record ClusterChanges(AffectedWindow window, String fileSha256, Instant takenAt, ClusterChangeCounts counts,
                             List<MergedCluster> merged, List<SplitCluster> split, List<UUID> emptied) {
    public ClusterChanges {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(counts, "counts");
        merged = List.copyOf(merged);
        split = List.copyOf(split);
        emptied = List.copyOf(emptied);
    }
}
