package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;

/**
 * The sanity check for the data science team (runbook step 7): every cluster the recluster left holding exported
 * records of two or more earlier clusters, with each of its records (source system and id only), the earlier
 * cluster the exported file gave it, and the times of its merge events. Largest merges first.
 */
public record SanityPack(AffectedWindow window, String fileSha256, Instant takenAt, List<Cluster> clusters) {

    /**
     * @param earlierClusters the exported file's clusters its exported records came from
     * @param records         every record it holds now, the exported ones and any others
     */
    public record Cluster(UUID personUuid, String status, String statusReason, List<UUID> earlierClusters,
                          List<Member> records) {
        public Cluster {
            Objects.requireNonNull(personUuid, "personUuid");
            earlierClusters = List.copyOf(earlierClusters);
            records = List.copyOf(records);
        }
    }

    /**
     * @param inExportedFile  whether the record is one of the exported file's
     * @param earlierCluster  the file's person_uuid for it; null when it gives none or the record is not in it
     * @param mergeEvents     its CPR_RECLUSTER_RECORD_MERGED events since the cutoff, event_timestamp as stored
     */
    public record Member(RecordKey key, boolean inExportedFile, UUID earlierCluster, List<LocalDateTime> mergeEvents) {
        public Member {
            Objects.requireNonNull(key, "key");
            mergeEvents = List.copyOf(mergeEvents);
        }
    }

    public SanityPack {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(fileSha256, "fileSha256");
        Objects.requireNonNull(takenAt, "takenAt");
        clusters = List.copyOf(clusters);
    }

    public long records() {
        return clusters.stream().mapToLong(c -> c.records().size()).sum();
    }
}
