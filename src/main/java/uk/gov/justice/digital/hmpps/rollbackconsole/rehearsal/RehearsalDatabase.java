package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL started inside this process's machine, on a free port, with Person Record's tables (empty) and a
 * login role for the console: the rehearsal's replica, and the tests'. Throwaway: durability is traded for speed.
 */
public final class RehearsalDatabase {

    public static final String DATABASE = "personrecord";
    /** The role the console logs in as: not a superuser. */
    public static final String CONSOLE_USER = "person_record";

    private RehearsalDatabase() {
    }

    /** Server settings for a throwaway database; callers may add or override some. */
    public static Map<String, String> throwawayConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", "off");
        config.put("synchronous_commit", "off");
        config.put("full_page_writes", "off");
        // Lets a table truncated and filled in one transaction skip the WAL (BulkSeed).
        config.put("wal_level", "minimal");
        config.put("max_wal_senders", "0");
        // Statistics change only when the seed says so: estimates stay exact.
        config.put("autovacuum", "off");
        // As RDS: the server's own zone is UTC. The service's sessions run in Europe/London, so event_timestamp
        // holds UK wall-clock time; whatever writes events here sets that zone on its session, as the service does.
        config.put("timezone", "UTC");
        return config;
    }

    /**
     * Starts the server, creates the database, the schema and the console's role, and grants it
     * {@code consoleGrants} (e.g. "select") on the tables. Stopped by {@link EmbeddedPostgres#close()}.
     */
    public static EmbeddedPostgres start(Map<String, String> serverConfig, String consoleGrants) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(true)
                    .setCleanDataDirectory(true);
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            try {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create role " + CONSOLE_USER + " login");
                    s.execute("create database " + DATABASE);
                }
                try (Connection c = admin(pg).getConnection(); Statement s = c.createStatement()) {
                    s.execute(schema());
                    s.execute("grant usage on schema personrecordservice to " + CONSOLE_USER);
                    s.execute("grant " + consoleGrants + " on all tables in schema personrecordservice to "
                            + CONSOLE_USER);
                    s.execute("grant usage on all sequences in schema personrecordservice to " + CONSOLE_USER);
                }
                return pg;
            } catch (SQLException | RuntimeException e) {
                pg.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create Person Record's tables", e);
        }
    }

    /** A writable superuser connection to the database. */
    public static DataSource admin(EmbeddedPostgres pg) {
        return pg.getDatabase("postgres", DATABASE);
    }

    /** The parts of Person Record's schema the console reads. */
    public static String schema() {
        try (InputStream in = RehearsalDatabase.class.getResourceAsStream("/replica/schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("missing resource replica/schema.sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
