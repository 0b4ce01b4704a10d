package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A cluster that now holds exported records from two or more of the file's clusters: what the data science team is
 * asked to check (runbook step 7).
 *
 * @param records         the exported records it holds now
 * @param earlierClusters the file's clusters those records came from, in the order first met
 */
public record MergedCluster(UUID personUuid, String status, String statusReason, long records,
                            List<UUID> earlierClusters) {
    public MergedCluster {
        Objects.requireNonNull(personUuid, "personUuid");
        earlierClusters = List.copyOf(earlierClusters);
    }
}
