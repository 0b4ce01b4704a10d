package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * Lookups for the outcome of a recluster, run in one read-only snapshot (repeatable read) so that what is read in
 * one batch agrees with the next. A caller drives the lookups batch by batch, from a file it streams; each lookup
 * takes its ids as bound arrays, so memory is bounded by the batch, not the set.
 */
public final class ClusterLookup {

    /** The work done inside the snapshot; an IOException (reading the file) ends it as the query's failure. */
    @FunctionalInterface
    public interface Body<T> {
        T run(Session session) throws SQLException, IOException;
    }

    /** Where a record is now. {@code personUuid} is null when the record is in no cluster. */
    public record CurrentCluster(RecordKey key, UUID personUuid, String status, String statusReason,
                                 boolean mergedAway) {
    }

    /** A record of a cluster, as it is now. */
    public record ClusterRecord(UUID personUuid, RecordKey key) {
    }

    /**
     * A CPR_RECLUSTER_RECORD_MERGED event: the record, the cluster it was logged in, and event_timestamp as the
     * column stores it (no zone: the clock the service's session used).
     */
    public record MergeEvent(RecordKey key, UUID personUuid, LocalDateTime storedTime) {
    }

    /**
     * An open row of the review queue for a cluster. {@code raisedAt} is review.created_at as stored (the service's
     * wall clock).
     */
    public record QueueRow(UUID personUuid, long reviewId, LocalDateTime raisedAt, String clusterType) {
    }

    private ClusterLookup() {
    }

    public static <T> ReplicaQuery<T> inOneSnapshot(Replica replica, Body<T> body) {
        Objects.requireNonNull(replica, "replica");
        Objects.requireNonNull(body, "body");
        return new PooledQuery<>(replica.pool(), (q, c) -> {
            try (PreparedStatement ps = q.prepare(c, RunbookSql.REPEATABLE_READ)) {
                ps.execute();
            }
            Instant takenAt;
            try (PreparedStatement ps = q.prepare(c, RunbookSql.NOW); ResultSet rs = ps.executeQuery()) {
                rs.next();
                takenAt = rs.getObject(1, OffsetDateTime.class).toInstant();
            }
            try {
                return body.run(new Session(q, c, takenAt));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The lookups available inside the snapshot. Not thread-safe: one caller, on the query's thread. */
    public static final class Session {
        private final PooledQuery<?> query;
        private final Connection connection;
        private final Instant takenAt;

        private Session(PooledQuery<?> query, Connection connection, Instant takenAt) {
            this.query = query;
            this.connection = connection;
            this.takenAt = takenAt;
        }

        /** The replica's clock when the snapshot was taken. */
        public Instant takenAt() {
            return takenAt;
        }

        /** Throws CancellationException once the query was cancelled: a long pass checks between batches. */
        public void checkCancelled() {
            query.throwIfCancelled(null);
        }

        /** Where each of {@code keys} is now; a record the replica does not hold gives no row. */
        public List<CurrentCluster> currentClusters(Collection<RecordKey> keys) throws SQLException {
            Map<SourceSystem, List<String>> ids = new EnumMap<>(SourceSystem.class);
            for (SourceSystem s : SourceSystem.values()) {
                ids.put(s, new ArrayList<>());
            }
            keys.forEach(k -> ids.get(k.sourceSystem()).add(k.sourceSystemId()));
            List<CurrentCluster> found = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.CURRENT_CLUSTERS)) {
                int i = 1;
                for (SourceSystem s : List.of(SourceSystem.NOMIS, SourceSystem.DELIUS, SourceSystem.COMMON_PLATFORM,
                        SourceSystem.LIBRA)) {
                    ps.setArray(i++, texts(ids.get(s)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SourceSystem system = SourceSystem.fromWire(rs.getString(1)).orElse(null);
                        String id = rs.getString(2);
                        if (system == null || id == null) {
                            continue; // matched by array, so never: the where clause names the system and its id
                        }
                        found.add(new CurrentCluster(new RecordKey(system, id), rs.getObject(3, UUID.class),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                    }
                }
            }
            return found;
        }

        /** The records each cluster holds now; a cluster no longer in person_key is absent from the map. */
        public Map<UUID, Long> recordsNow(Collection<UUID> clusters) throws SQLException {
            Map<UUID, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.RECORDS_NOW)) {
                ps.setArray(1, uuids(clusters));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
            return counts;
        }

        /** The records the clusters hold now, cluster by cluster. */
        public List<ClusterRecord> recordsOf(Collection<UUID> clusters) throws SQLException {
            List<ClusterRecord> records = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.RECORDS_OF_CLUSTERS)) {
                ps.setArray(1, uuids(clusters));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SourceSystem system = SourceSystem.fromWire(rs.getString(2)).orElse(null);
                        String id = rs.getString(3);
                        if (system != null && id != null) {
                            records.add(new ClusterRecord(rs.getObject(1, UUID.class), new RecordKey(system, id)));
                        }
                    }
                }
            }
            return records;
        }

        /** The CPR_RECLUSTER_RECORD_MERGED events of some records within {@code window}, oldest first. */
        public List<MergeEvent> mergeEvents(AffectedWindow window, Collection<RecordKey> keys) throws SQLException {
            java.util.Set<RecordKey> wanted = new java.util.HashSet<>(keys);
            List<String> ids = wanted.stream().map(RecordKey::sourceSystemId).distinct().toList();
            List<MergeEvent> events = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.MERGE_EVENTS)) {
                Replica.bind(ps, window);
                ps.setArray(3, texts(ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        SourceSystem system = SourceSystem.fromWire(rs.getString(1)).orElse(null);
                        String id = rs.getString(2);
                        if (system == null || id == null || !wanted.contains(new RecordKey(system, id))) {
                            continue; // the same id in another source system: not this record
                        }
                        events.add(new MergeEvent(new RecordKey(system, id), rs.getObject(3, UUID.class),
                                rs.getObject(4, LocalDateTime.class)));
                    }
                }
            }
            return events;
        }

        /**
         * The records affected in the window, counted at the hour (as event_timestamp stores it) of their first
         * affected event, by source system. Ordered by hour.
         */
        public Map<LocalDateTime, Map<SourceSystem, Long>> affectedByHour(AffectedWindow window) throws SQLException {
            Map<LocalDateTime, Map<SourceSystem, Long>> byHour = new LinkedHashMap<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.AFFECTED_BY_HOUR)) {
                Replica.bind(ps, window);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDateTime hour = rs.getObject(1, LocalDateTime.class);
                        SourceSystem system = SourceSystem.fromWire(rs.getString(2)).orElse(null);
                        if (system != null) {
                            byHour.computeIfAbsent(hour, h -> new EnumMap<>(SourceSystem.class))
                                    .merge(system, rs.getLong(3), Long::sum);
                        }
                    }
                }
            }
            return byHour;
        }

        /** Whether this replica has the review queue's tables. */
        public boolean hasReviewQueue() throws SQLException {
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.REVIEW_QUEUE_EXISTS);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }

        /** The open review rows of some clusters; call only when {@link #hasReviewQueue()}. */
        public List<QueueRow> reviewQueue(Collection<UUID> clusters) throws SQLException {
            List<QueueRow> rows = new ArrayList<>();
            try (PreparedStatement ps = query.prepare(connection, OutcomeSql.REVIEW_QUEUE)) {
                ps.setArray(1, uuids(clusters));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new QueueRow(rs.getObject(1, UUID.class), rs.getLong(2),
                                rs.getObject(3, LocalDateTime.class), rs.getString(4)));
                    }
                }
            }
            return rows;
        }

        private Array texts(Collection<String> values) throws SQLException {
            return connection.createArrayOf("text", values.toArray(new String[0]));
        }

        private Array uuids(Collection<UUID> values) throws SQLException {
            return connection.createArrayOf("uuid", values.toArray(new UUID[0]));
        }
    }
}
