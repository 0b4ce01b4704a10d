package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordsFormatException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ClusterLookup;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.KeyHash;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.LongPairTable;

/**
 * What the recluster changed: the exported file is streamed in batches, and each batch's records are looked up on
 * the replica (one statement a batch, the ids as bound arrays), all in one snapshot. Memory holds one batch and one
 * small entry a cluster, whatever the file's size.
 */
public final class ClusterChangesQuery {

    public static final int DEFAULT_BATCH = 5_000;

    private ClusterChangesQuery() {
    }

    /**
     * @param window the window the file was exported over: said in the result, so that the figures name their set
     * @param file   the exported file (person_uuid, source_system, source_system_id); a record it gives with an
     *               unknown source system is left out, and one it gives again (the seed runbook's one row per
     *               event) is read once, with the person_uuid of its first row, in whichever batch it recurs
     */
    public static ReplicaQuery<ClusterChanges> of(Replica replica, AffectedWindow window, Path file, int batchSize) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(file, "file");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        return ClusterLookup.inOneSnapshot(replica, session -> {
            String sha256 = Sha256.of(file);
            ClusterChangeTally tally = new ClusterChangeTally();
            forEachBatch(file, batchSize, batch -> {
                session.checkCancelled();
                Map<RecordKey, ClusterLookup.CurrentCluster> now = new HashMap<>();
                for (ClusterLookup.CurrentCluster c : session.currentClusters(batch.keySet())) {
                    // Two person rows for one id: the one not merged away is where the record lives.
                    now.merge(c.key(), c, (a, b) -> a.mergedAway() ? b : a);
                }
                batch.forEach((key, earlier) -> {
                    ClusterLookup.CurrentCluster c = now.get(key);
                    tally.add(key.sourceSystem(), earlier, c != null, c == null ? null : c.personUuid(),
                            c == null ? null : c.status(), c == null ? null : c.statusReason());
                });
            });
            List<UUID> lost = tally.clustersThatLostRecords();
            Map<UUID, Long> recordsNow = new HashMap<>();
            for (int from = 0; from < lost.size(); from += batchSize) {
                session.checkCancelled();
                recordsNow.putAll(session.recordsNow(lost.subList(from, Math.min(lost.size(), from + batchSize))));
            }
            return tally.finish(window, sha256, session.takenAt(), recordsNow);
        });
    }

    /** A batch: the records' keys with the file's person_uuid (or null), in file order, each key once. */
    @FunctionalInterface
    interface BatchBody {
        void accept(Map<RecordKey, UUID> batch) throws SQLException, IOException;
    }

    /**
     * Streams the file, handing over batches of at most {@code size} distinct records, each record once in the whole
     * pass: a record met again, in this batch or any later one, is left out. The records met are kept as 128-bit
     * fingerprints in flat arrays (about 30 to 60 bytes a distinct record), never as their ids.
     */
    static void forEachBatch(Path file, int size, BatchBody body) throws IOException, SQLException {
        try (RunbookJsonReader reader = RunbookJsonReader.open(file)) {
            Map<RecordKey, UUID> batch = new LinkedHashMap<>();
            LongPairTable seen = new LongPairTable();
            long[] fingerprint = new long[2];
            Optional<FileRecord> next;
            while ((next = reader.next()).isPresent()) {
                FileRecord r = next.get();
                Optional<SourceSystem> system = SourceSystem.fromWire(r.sourceSystem());
                if (system.isEmpty() || r.sourceSystemId() == null || r.sourceSystemId().isBlank()) {
                    continue; // not a record the service could take: validate reports it
                }
                KeyHash.of(system.get(), r.sourceSystemId(), fingerprint);
                if (seen.putIfAbsent(fingerprint[0], fingerprint[1], 1) != 0) {
                    continue; // met before: the first row's person_uuid stands
                }
                batch.put(new RecordKey(system.get(), r.sourceSystemId()), uuid(r.personUuid()));
                if (batch.size() >= size) {
                    body.accept(batch);
                    batch = new LinkedHashMap<>();
                }
            }
            if (!batch.isEmpty()) {
                body.accept(batch);
            }
        } catch (RecordsFormatException e) {
            throw new IOException(file + " cannot be read as the runbook's file: " + e.getMessage(), e);
        }
    }

    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null; // a malformed person_uuid names no cluster
        }
    }

    /** Unwraps a file failure the snapshot carried out as unchecked. */
    public static Throwable cause(Throwable error) {
        return error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
    }

    /** Splits a list into consecutive parts of at most {@code size}. */
    static <T> List<List<T>> parts(List<T> all, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            parts.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return parts;
    }
}
