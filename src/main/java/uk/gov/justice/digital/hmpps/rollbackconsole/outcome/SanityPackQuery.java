package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ClusterLookup;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;

/**
 * Builds the sanity-check pack from what changed: the records the merged clusters hold now, the earlier cluster the
 * exported file gives each (a second streaming pass over the file, keeping only those records), and their merge
 * events since the cutoff. Memory follows the merged clusters' records, not the file.
 */
public final class SanityPackQuery {

    private SanityPackQuery() {
    }

    /**
     * @param changes what changed, from the same file
     * @param file    the exported file; refused when its SHA-256 is no longer the one {@code changes} was read from
     */
    public static ReplicaQuery<SanityPack> of(Replica replica, ClusterChanges changes, Path file, int batchSize) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(file, "file");
        return ClusterLookup.inOneSnapshot(replica, session -> {
            String sha256 = Sha256.of(file);
            if (!sha256.equals(changes.fileSha256())) {
                throw new java.io.IOException(file + " has changed since what the recluster changed was read from it"
                        + " (SHA-256 " + sha256 + ", was " + changes.fileSha256() + "): read the changes again.");
            }
            Map<UUID, MergedCluster> merged = new LinkedHashMap<>();
            changes.merged().forEach(m -> merged.put(m.personUuid(), m));
            Map<UUID, List<RecordKey>> members = new LinkedHashMap<>();
            merged.keySet().forEach(u -> members.put(u, new ArrayList<>()));
            Map<RecordKey, UUID> clusterOf = new HashMap<>();
            for (List<UUID> part : ClusterChangesQuery.parts(List.copyOf(merged.keySet()), batchSize)) {
                session.checkCancelled();
                for (ClusterLookup.ClusterRecord r : session.recordsOf(part)) {
                    members.get(r.personUuid()).add(r.key());
                    clusterOf.put(r.key(), r.personUuid());
                }
            }
            Map<RecordKey, UUID> earlier = new HashMap<>();
            java.util.Set<RecordKey> inFile = new java.util.HashSet<>();
            ClusterChangesQuery.forEachBatch(file, batchSize, batch -> batch.forEach((key, uuid) -> {
                if (clusterOf.containsKey(key)) {
                    inFile.add(key);
                    if (uuid != null) {
                        earlier.put(key, uuid);
                    }
                }
            }));
            Map<RecordKey, List<LocalDateTime>> events = new HashMap<>();
            AffectedWindow sinceCutoff = new AffectedWindow(changes.window().cutoff(),
                    session.takenAt().plus(Duration.ofDays(1)), changes.window().clock());
            for (List<RecordKey> part : ClusterChangesQuery.parts(List.copyOf(clusterOf.keySet()), batchSize)) {
                session.checkCancelled();
                for (ClusterLookup.MergeEvent e : session.mergeEvents(sinceCutoff, part)) {
                    events.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e.storedTime());
                }
            }
            List<SanityPack.Cluster> clusters = new ArrayList<>();
            for (MergedCluster m : merged.values()) {
                List<SanityPack.Member> list = new ArrayList<>();
                for (RecordKey key : members.get(m.personUuid())) {
                    list.add(new SanityPack.Member(key, inFile.contains(key), earlier.get(key),
                            events.getOrDefault(key, List.of())));
                }
                clusters.add(new SanityPack.Cluster(m.personUuid(), m.status(), m.statusReason(),
                        m.earlierClusters(), list));
            }
            return new SanityPack(changes.window(), sha256, session.takenAt(), clusters);
        });
    }
}
