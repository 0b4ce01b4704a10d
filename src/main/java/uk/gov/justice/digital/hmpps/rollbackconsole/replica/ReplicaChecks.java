package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure.Kind;

/** What the console verifies on connect, before it offers anything built on the replica. */
final class ReplicaChecks {

    /** The tables and columns the console's queries use; the real tables have more. */
    static final Map<String, List<String>> REQUIRED_COLUMNS = requiredColumns();

    private ReplicaChecks() {
    }

    private static Map<String, List<String>> requiredColumns() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("event_log", List.of("id", "source_system_id", "source_system", "person_uuid", "match_id",
                "event_type", "event_timestamp"));
        m.put("person", List.of("id", "fk_person_key_id", "match_id"));
        m.put("person_key", List.of("id", "person_uuid", "status", "status_reason"));
        return Collections.unmodifiableMap(m);
    }

    static ReplicaInfo run(Connection c, ConnectionSettings settings) throws SQLException, ConnectFailure {
        String version;
        boolean inRecovery;
        try (Statement s = c.createStatement()) {
            version = single(s, RunbookSql.SERVER_VERSION).getString(1);
            inRecovery = single(s, RunbookSql.IN_RECOVERY).getBoolean(1);
        }
        if (!inRecovery && settings.environment().isProduction()) {
            throw new ConnectFailure(Kind.PRIMARY_IN_PROD,
                    settings.endpoint() + " is a primary database (pg_is_in_recovery() is false), not the read"
                            + " replica, and these are production settings: the console refuses to use it.",
                    "Connect to the read replica instead: its address is rds_instance_address in the secret"
                            + " hmpps-person-record-rds-read-replica-instance-output in "
                            + namespace(settings) + ", reached through the port-forward pod.", null);
        }
        checkSchema(c, settings);
        return new ReplicaInfo(version, inRecovery, eventLogEstimate(c), Replica.readClock(c), Replica.readLag(c));
    }

    private static void checkSchema(Connection c, ConnectionSettings settings) throws SQLException, ConnectFailure {
        try (PreparedStatement ps = c.prepareStatement(RunbookSql.SCHEMA_EXISTS)) {
            ps.setString(1, ReplicaDataSource.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ConnectFailure(Kind.SCHEMA_MISSING,
                            "The database " + settings.database() + " at " + settings.endpoint()
                                    + " has no schema personrecordservice.",
                            "Check that the database name is database_name from the secret"
                                    + " hmpps-person-record-rds-read-replica-instance-output in "
                                    + namespace(settings) + " and that the port-forward reaches Person Record's"
                                    + " replica.", null);
                }
            }
        }
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RunbookSql.COLUMNS)) {
            ps.setString(1, ReplicaDataSource.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    found.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(rs.getString(2));
                    if (!rs.getBoolean(3)) {
                        unreadable.add(table);
                    }
                }
            }
        }
        List<String> missingTables = new ArrayList<>();
        List<String> missingColumns = new ArrayList<>();
        REQUIRED_COLUMNS.forEach((table, columns) -> {
            Set<String> present = found.get(table);
            if (present == null) {
                missingTables.add(table);
            } else {
                columns.stream().filter(col -> !present.contains(col)).forEach(col -> missingColumns.add(table + "." + col));
            }
        });
        if (!missingTables.isEmpty() || !missingColumns.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!missingTables.isEmpty()) {
                parts.add((missingTables.size() == 1 ? "table " : "tables ") + String.join(", ", missingTables));
            }
            if (!missingColumns.isEmpty()) {
                parts.add((missingColumns.size() == 1 ? "column " : "columns ") + String.join(", ", missingColumns));
            }
            throw new ConnectFailure(Kind.SCHEMA_MISSING,
                    "The schema personrecordservice in " + settings.database() + " lacks what the console reads: "
                            + String.join("; ", parts) + ".",
                    "Check that this is Person Record's replica and that its migrations match the runbook; the"
                            + " console cannot preview the rollback on this database.", null);
        }
        if (!unreadable.isEmpty()) {
            throw new ConnectFailure(Kind.AUTH_FAILED,
                    "The user " + settings.user() + " can log in but may not read "
                            + String.join(", ", unreadable.stream().map(t -> "personrecordservice." + t).toList())
                            + ".",
                    "Use the read replica's credentials (database_username and database_password in the secret"
                            + " hmpps-person-record-rds-read-replica-instance-output in " + namespace(settings)
                            + ").", null);
        }
    }

    private static long eventLogEstimate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            double reltuples;
            long relpages;
            try (ResultSet rs = s.executeQuery(RunbookSql.EVENT_LOG_ESTIMATE)) {
                rs.next();
                reltuples = rs.getDouble(1);
                relpages = rs.getLong(2);
            }
            if (reltuples > 0 || (reltuples == 0 && relpages > 0)) {
                return Math.round(reltuples);
            }
            // Never analysed: count, but stop at a cap so that connecting stays quick on a large table.
            return single(s, RunbookSql.EVENT_LOG_BOUNDED_COUNT).getLong(1);
        }
    }

    private static ResultSet single(Statement s, String sql) throws SQLException {
        ResultSet rs = s.executeQuery(sql);
        if (!rs.next()) {
            throw new SQLException("no row from: " + sql);
        }
        return rs;
    }

    static String namespace(ConnectionSettings settings) {
        return settings.environment().namespace().orElse("the environment's namespace");
    }
}
