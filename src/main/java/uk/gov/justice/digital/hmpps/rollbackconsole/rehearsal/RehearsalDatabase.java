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

    /** Server settings for a primary that a hot standby can stream from ({@link #standbyOf}). */
    public static Map<String, String> primaryConfig() {
        Map<String, String> config = throwawayConfig();
        config.put("wal_level", "replica");
        config.put("max_wal_senders", "4");
        config.put("full_page_writes", "on");
        config.put("wal_keep_size", "256MB");
        return config;
    }

    /**
     * Starts a hot standby of {@code primary} (started with {@link #primaryConfig()}) in {@code folder}, as RDS runs a
     * read replica: a copy of the primary's data taken as a base backup, then streaming replication. A superuser on
     * the standby can pause and resume replay ({@code pg_wal_replay_pause()}, {@code pg_wal_replay_resume()}), so a
     * replica that lags behind can be rehearsed and tested. Its data directory stays in {@code folder}.
     */
    public static EmbeddedPostgres standbyOf(EmbeddedPostgres primary, java.nio.file.Path folder) {
        try {
            java.nio.file.Files.createDirectories(folder);
            try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                java.nio.file.Path data;
                try (var rs = s.executeQuery("show data_directory")) {
                    rs.next();
                    data = java.nio.file.Path.of(rs.getString(1));
                }
                // A non-exclusive base backup: the copy, then the label that tells the standby where to start.
                s.execute("select pg_start_backup('standby', true, false)");
                copyData(data, folder);
                try (var rs = s.executeQuery("select labelfile from pg_stop_backup(false, true)")) {
                    rs.next();
                    java.nio.file.Files.writeString(folder.resolve("backup_label"), rs.getString(1));
                }
            }
            java.nio.file.Files.writeString(folder.resolve("standby.signal"), "");
            try {
                // PostgreSQL refuses a data directory that others can read.
                java.nio.file.Files.setPosixFilePermissions(folder,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the server checks nothing of the kind there
            }
            java.nio.file.Files.writeString(folder.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                    + primary.getPort() + " user=postgres application_name=standby'\n",
                    java.nio.file.StandardOpenOption.APPEND, java.nio.file.StandardOpenOption.CREATE);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(true)
                    .setCleanDataDirectory(false)
                    .setDataDirectory(folder)
                    // Its server log, beside its data, says why a standby did not start.
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(folder.resolveSibling(folder.getFileName() + ".log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(folder.resolveSibling(folder.getFileName() + ".log").toFile()));
            Map<String, String> config = primaryConfig();
            config.put("hot_standby", "on");
            config.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the hot standby", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the standby's base backup", e);
        }
    }

    private static void copyData(java.nio.file.Path from, java.nio.file.Path to) throws IOException {
        try (var paths = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) paths::iterator) {
                java.nio.file.Path rel = from.relativize(p);
                String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                String name = p.getFileName().toString();
                boolean skipped = name.equals("postmaster.pid") || name.equals("postmaster.opts")
                        || name.equals("epg-lock") || (rel.getNameCount() > 1
                        && (first.equals("pg_wal") || first.equals("pg_replslot") || first.equals("pg_stat_tmp"))
                        && !java.nio.file.Files.isDirectory(p));
                if (skipped) {
                    continue;
                }
                java.nio.file.Path target = to.resolve(rel.toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    try {
                        java.nio.file.Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // a temporary file the server removed while it was being copied: the WAL replays it
                    }
                }
            }
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
