package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClockReading;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WindowWidening;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WallClockReader;

/**
 * The console's read-only view of Person Record's read replica: a small pool, checked on connect, and the runbook's
 * queries over an {@link AffectedWindow}. Only identifiers are ever selected; personal data stays on the server.
 */
public final class Replica implements AutoCloseable {

    static final int FETCH_SIZE = 5_000;
    static final int MAX_CONNECTIONS = 3;
    /** The key clusterStatistics uses for clusters whose person_key has no status. */
    public static final String NO_STATUS = "(no status)";

    private final ConnectionSettings settings;
    private final ReplicaInfo info;
    private final ReplicaDataSource source;
    private final HikariDataSource pool;

    private Replica(ConnectionSettings settings, ReplicaInfo info, ReplicaDataSource source, HikariDataSource pool) {
        this.settings = settings;
        this.info = info;
        this.source = source;
        this.pool = pool;
    }

    /**
     * Connects, checks what the console relies on (schema, tables, columns, primary or replica) and builds the pool.
     * The checks run on a connection of their own before the pool exists, so that a failure reports pgjdbc's own
     * cause at once instead of after the pool's retries, and leaves nothing open behind it.
     */
    public static Replica connect(ConnectionSettings settings) throws ConnectFailure {
        return connect(settings, Timeouts.STANDARD);
    }

    static Replica connect(ConnectionSettings settings, Timeouts timeouts) throws ConnectFailure {
        Objects.requireNonNull(settings, "settings");
        ReplicaDataSource source = new ReplicaDataSource(settings, timeouts);
        ReplicaInfo info;
        long started = System.nanoTime();
        try (Connection c = source.getConnection()) {
            info = ReplicaChecks.run(c, settings);
        } catch (SQLException e) {
            source.forgetPassword();
            throw Failures.classify(e, settings, timeouts, (System.nanoTime() - started) / 1_000_000);
        } catch (ConnectFailure f) {
            source.forgetPassword();
            throw f;
        }
        return new Replica(settings, info, source, new HikariDataSource(poolConfig(source, timeouts)));
    }

    private static HikariConfig poolConfig(DataSource source, Timeouts timeouts) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("replica");
        c.setDataSource(source);
        c.setMaximumPoolSize(MAX_CONNECTIONS);
        // Connections are opened on demand: a pool that refills itself in the background would keep dialling a
        // port-forward that the user has stopped.
        c.setMinimumIdle(0);
        c.setReadOnly(true);
        c.setAutoCommit(true);
        c.setConnectionTimeout(timeouts.poolWaitMillis());
        c.setValidationTimeout(Math.min(5_000, timeouts.poolWaitMillis()));
        // The connect checks have just proved the settings; the pool need not dial before its first query.
        c.setInitializationFailTimeout(-1);
        c.setKeepaliveTime(60_000);
        c.setIdleTimeout(300_000);
        c.setMaxLifetime(1_800_000);
        return c;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public ReplicaInfo info() {
        return info;
    }

    /** The replica's clock, to fix a preview's as-of bound: the service stamps events with the database's time. */
    public Instant now() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(RunbookSql.NOW)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /** How far the replica is behind its primary, and so which upper bound a window can trust. */
    public ReplicaLag lag() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return readLag(c);
        }
    }

    static ReplicaLag readLag(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RunbookSql.LAG)) {
            rs.next();
            OffsetDateTime replay = rs.getObject(3, OffsetDateTime.class);
            return new ReplicaLag(rs.getBoolean(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                    replay == null ? null : replay.toInstant(), rs.getString(4), rs.getString(5));
        }
    }

    /**
     * The newest event against the replica's clock, to tell which clock event_log is written in. max() over the
     * indexed column reads one index entry.
     */
    public ClockReading clockReading() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return readClock(c);
        }
    }

    static ClockReading readClock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RunbookSql.CLOCK_READING)) {
            rs.next();
            return new ClockReading(rs.getObject(1, LocalDateTime.class),
                    rs.getObject(2, OffsetDateTime.class).toInstant());
        }
    }

    /**
     * The affected events a window takes in because a bound falls in the autumn's repeated hour, where the column
     * cannot tell which of the two hours an event was in. Zero and zero for any other window.
     */
    public ReplicaQuery<WindowWidening> widening(AffectedWindow window) {
        Objects.requireNonNull(window, "window");
        return new PooledQuery<>(pool, (q, c) -> {
            EventClock.Bound lower = window.lower();
            EventClock.Bound upper = window.upper();
            long atStart = lower.widened() ? countBetween(q, c, lower.value(), lower.exact()) : 0;
            long atEnd = upper.widened() ? countBetween(q, c, upper.exact(), upper.value()) : 0;
            return new WindowWidening(window, atStart, atEnd);
        });
    }

    private static long countBetween(PooledQuery<?> q, Connection c, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        try (PreparedStatement ps = q.prepare(c, RunbookSql.AFFECTED_EVENTS_COUNT)) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public ReplicaQuery<AffectedCounts> counts(AffectedWindow window) {
        Objects.requireNonNull(window, "window");
        return new PooledQuery<>(pool, (q, c) -> {
            try (PreparedStatement ps = q.prepare(c, RunbookSql.COUNTS)) {
                bind(ps, window);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new AffectedCounts(rs.getLong("events"), rs.getLong("distinct_records"),
                            rs.getLong("distinct_clusters"));
                }
            }
        });
    }

    /**
     * The runbook's cluster status statistics for the records affected in the window, by the clusters they are in
     * now. {@code takenAt} is the replica's time at the start of the query, for comparing before and after a
     * recluster.
     */
    public ReplicaQuery<ClusterStatistics> clusterStatistics(AffectedWindow window) {
        Objects.requireNonNull(window, "window");
        return new PooledQuery<>(pool, (q, c) -> {
            Instant takenAt;
            try (PreparedStatement ps = q.prepare(c, RunbookSql.NOW); ResultSet rs = ps.executeQuery()) {
                rs.next();
                takenAt = rs.getObject(1, OffsetDateTime.class).toInstant(); // transaction start, as the query sees
            }
            Map<String, Long> byStatus = new LinkedHashMap<>();
            try (PreparedStatement ps = q.prepare(c, RunbookSql.CLUSTER_STATISTICS)) {
                bind(ps, window);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String status = rs.getString("status");
                        byStatus.put(status == null ? NO_STATUS : status, rs.getLong("clusters"));
                    }
                }
            }
            return new ClusterStatistics(byStatus, takenAt);
        });
    }

    /**
     * The clusters in NEEDS_ATTENTION among those the window's affected records are in now, each with its records'
     * ids by source system, and the number of NEEDS_ATTENTION clusters in the whole replica, read in the same
     * transaction so that the two agree.
     */
    public ReplicaQuery<OutstandingClusters> outstandingClusters(AffectedWindow window) {
        Objects.requireNonNull(window, "window");
        return new PooledQuery<>(pool, (q, c) -> {
            // One snapshot for the list and the replica-wide count, so that the two agree; it must come first.
            try (PreparedStatement ps = q.prepare(c, RunbookSql.REPEATABLE_READ)) {
                ps.execute();
            }
            Instant takenAt;
            try (PreparedStatement ps = q.prepare(c, RunbookSql.NOW); ResultSet rs = ps.executeQuery()) {
                rs.next();
                takenAt = rs.getObject(1, OffsetDateTime.class).toInstant();
            }
            List<OutstandingCluster> clusters = new ArrayList<>();
            try (PreparedStatement ps = q.prepare(c, RunbookSql.OUTSTANDING_CLUSTER_RECORDS)) {
                bind(ps, window);
                try (ResultSet rs = ps.executeQuery()) {
                    ClusterBuilder current = null;
                    while (rs.next()) {
                        long id = rs.getLong("cluster_id");
                        if (current == null || current.id != id) {
                            if (current != null) {
                                clusters.add(current.build());
                            }
                            current = new ClusterBuilder(id, rs.getObject("person_uuid", UUID.class),
                                    rs.getString("status_reason"));
                        }
                        current.add(rs.getString("source_system"), rs.getString("source_system_id"));
                    }
                    if (current != null) {
                        clusters.add(current.build());
                    }
                }
            }
            long inReplica;
            try (PreparedStatement ps = q.prepare(c, RunbookSql.NEEDS_ATTENTION_IN_REPLICA);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                inReplica = rs.getLong(1);
            }
            return new OutstandingClusters(window, clusters, inReplica, takenAt);
        });
    }

    private static final class ClusterBuilder {
        private final long id;
        private final UUID personUuid;
        private final String statusReason;
        private final Map<SourceSystem, List<String>> ids = new EnumMap<>(SourceSystem.class);
        private long withoutId;

        ClusterBuilder(long id, UUID personUuid, String statusReason) {
            this.id = id;
            this.personUuid = personUuid;
            this.statusReason = statusReason;
        }

        void add(String sourceSystemValue, String sourceSystemId) {
            if (sourceSystemValue == null) {
                return; // the left join's row for a cluster that holds no records
            }
            // An odd record is counted rather than failing the list: the rest of it is still what people need.
            SourceSystem system = SourceSystem.fromWire(sourceSystemValue).orElse(null);
            if (system == null || sourceSystemId == null || sourceSystemId.isBlank()) {
                withoutId++;
            } else {
                ids.computeIfAbsent(system, s -> new ArrayList<>()).add(sourceSystemId);
            }
        }

        OutstandingCluster build() {
            return new OutstandingCluster(personUuid, statusReason, ids, withoutId);
        }
    }

    /**
     * Streams the affected records to {@code sink} as the server sends them (a cursor of {@value #FETCH_SIZE} rows
     * a fetch), on the thread that calls run(). run() returns how many rows reached the sink.
     */
    public ReplicaQuery<Long> affectedRecords(AffectedWindow window, RecordMode mode, Consumer<AffectedRecord> sink) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sink, "sink");
        String sql = mode == RecordMode.DISTINCT_RECORDS ? RunbookSql.DISTINCT_RECORDS : RunbookSql.ONE_ROW_PER_EVENT;
        return new PooledQuery<>(pool, (q, c) -> {
            try (PreparedStatement ps = q.prepare(c, sql)) {
                ps.setFetchSize(FETCH_SIZE);
                bind(ps, window);
                long delivered = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (!q.isCancelled() && rs.next()) {
                        sink.accept(read(rs, window.clock()));
                        delivered++;
                    }
                }
                q.throwIfCancelled(null);
                return delivered;
            }
        });
    }

    /**
     * The same rows in the same order as {@link #affectedRecords}, through COPY ({@link CopyStream}): the server
     * streams the whole set without waiting between fetches and may use its parallel workers. For the command
     * line's export, which wants the whole set soon; the sink runs on the thread that calls run().
     */
    public ReplicaQuery<Long> affectedRecordsByCopy(AffectedWindow window, RecordMode mode,
                                                   Consumer<AffectedRecord> sink) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(sink, "sink");
        String sql = mode == RecordMode.DISTINCT_RECORDS ? RunbookSql.DISTINCT_RECORDS : RunbookSql.ONE_ROW_PER_EVENT;
        return new PooledQuery<>(pool, (q, c) -> {
            String copy;
            try (PreparedStatement ps = q.prepare(c, CopyStream.formatStatement(c, sql))) {
                bind(ps, window);
                copy = CopyStream.copyText(ps);
            }
            long delivered = CopyStream.stream(c, copy, new WallClockReader(window.clock()),
                    (system, id, count, last, uuid) -> sink.accept(new AffectedRecord(uuid, system, id,
                            Math.toIntExact(count), last)), q::isCancelled);
            q.throwIfCancelled(null);
            return delivered;
        });
    }

    // By position, not by label: this runs once per row of a million-row stream. Both queries select these five
    // columns in this order (RunbookSql).
    private static AffectedRecord read(ResultSet rs, EventClock clock) throws SQLException {
        String sourceSystemValue = rs.getString(1);
        String sourceSystemId = rs.getString(2);
        SourceSystem sourceSystem = SourceSystem.fromWire(sourceSystemValue)
                .orElseThrow(() -> UnexpectedRowException.unknownSourceSystem(sourceSystemValue, sourceSystemId));
        if (sourceSystemId == null) {
            throw UnexpectedRowException.missingSourceSystemId(sourceSystemValue);
        }
        return new AffectedRecord(rs.getObject(5, UUID.class), sourceSystem, sourceSystemId,
                Math.toIntExact(rs.getLong(3)), clock.toInstant(rs.getObject(4, LocalDateTime.class)));
    }

    // event_timestamp is a timestamp without time zone holding wall-clock time in the window's clock (UK time on
    // the real service). LocalDateTime carries the reading unchanged; java.sql.Timestamp would shift it by the
    // JVM's default zone.
    static void bind(PreparedStatement ps, AffectedWindow window) throws SQLException {
        ps.setObject(1, window.lower().value());
        ps.setObject(2, window.upper().value());
    }

    /** One sentence for the user about a query that failed part-way: what happened, and that nothing was written. */
    public static String describe(SQLException e) {
        return Failures.describe(e);
    }

    /** The same for any failure of work around the replica: the replica's words for SQL errors, else the message. */
    public static String describeFailure(Throwable error) {
        if (error instanceof SQLException e) {
            return describe(e);
        }
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    /** The pool, for tests that prove what its connections refuse. */
    DataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        source.forgetPassword();
    }
}
