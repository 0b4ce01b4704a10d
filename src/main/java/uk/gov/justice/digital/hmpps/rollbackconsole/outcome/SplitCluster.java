package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One of the file's clusters whose exported records are now in two or more clusters.
 *
 * @param records     the exported records the file puts in it
 * @param clustersNow the clusters those records are in now, in the order first met
 */
public record SplitCluster(UUID personUuid, long records, List<UUID> clustersNow) {
    public SplitCluster {
        Objects.requireNonNull(personUuid, "personUuid");
        clustersNow = List.copyOf(clustersNow);
    }
}
