package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.RehearsalDatabase;

/**
 * A real primary and a hot standby streaming from it, as RDS runs the read replica; replay is paused on the standby
 * to make it lag, as a replica under load or just restarted does.
 */
class ReplicaLagTest {

    @TempDir
    static Path dir;

    private static EmbeddedPostgres primary;
    private static EmbeddedPostgres standby;
    private static Replica replica;
    private static final Instant CUTOFF = Instant.parse("2025-06-09T12:21:55Z");

    @BeforeAll
    static void start() throws Exception {
        primary = RehearsalDatabase.start(RehearsalDatabase.primaryConfig(), "select");
        insertEvent("A0000AA");
        try {
            standby = RehearsalDatabase.standbyOf(primary, dir.resolve("standby"));
        } catch (RuntimeException e) {
            throw new AssertionError("the standby did not start; its log:\n"
                    + java.nio.file.Files.readString(dir.resolve("standby.log")), e);
        }
        replica = Replica.connect(new ConnectionSettings("localhost", standby.getPort(), RehearsalDatabase.DATABASE,
                RehearsalDatabase.CONSOLE_USER, null, Environment.LOCAL, SslMode.DISABLE, null, null));
        // A transaction replayed since the standby started gives it a replay time.
        insertEvent("A0000AB");
        waitUntil(() -> ids(window(now())).contains("A0000AB"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (replica != null) {
            replica.close();
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void aReplicaThatIsBehindShowsItsLagAndTheWindowEndsAtWhatItHasReplayed() throws Exception {
        assertThat(replica.info().inRecovery()).isTrue();
        waitUntil(() -> lag().caughtUp());
        ReplicaLag upToDate = lag();
        assertThat(upToDate.lag()).isZero();
        assertThat(upToDate.shortText()).isEqualTo("replica up to date");
        assertThat(upToDate.trustedUpTo()).isEqualTo(upToDate.replicaNow());

        replay("pause");
        try {
            insertEvent("A0000AC");
            waitUntil(() -> !lag().caughtUp()); // received, not replayed
            ReplicaLag first = lag();
            Thread.sleep(1_500);
            ReplicaLag later = lag();

            assertThat(later.lag()).isGreaterThan(first.lag()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(later.shortText()).matches("replica \\d+ s behind");
            assertThat(later.boundedByReplay()).isTrue();
            assertThat(later.trustedUpTo()).isEqualTo(later.lastReplay()).isBefore(later.replicaNow());
            assertThat(later.describe()).contains("the window ends at its last replayed change");

            // The after statistics would wait: what the primary committed by now is not on the replica yet
            assertThat(later.replayedPast(later.replicaNow())).isFalse();

            // The command line says so, refuses past --max-lag, and with --accept-lag exports up to the replay point
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            Path file = dir.resolve("lagging.json");
            List<String> args = new ArrayList<>(List.of("export", "--host", "localhost", "--port",
                    Integer.toString(standby.getPort()), "--database", RehearsalDatabase.DATABASE, "--user",
                    RehearsalDatabase.CONSOLE_USER, "--cutoff", "2025-06-09 13:21:55", "--per-event", "--max-lag", "0",
                    "--out", file.toString()));
            assertThat(cli(args, out, err)).isEqualTo(1);
            assertThat(out.toString()).containsPattern("Replica lag: replica \\d+ s behind\\.");
            assertThat(err.toString()).contains("more than --max-lag 0 s: nothing was exported");
            assertThat(file).doesNotExist();
            args.add("--accept-lag");
            assertThat(cli(args, out, err)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("(the replica's last replayed change)");
            assertThat(java.nio.file.Files.readString(file)).contains("A0000AB").doesNotContain("A0000AC");

            // The window fixed now ends at the replay point: the event written on the primary after it is not claimed,
            AffectedWindow fixed = new AffectedWindow(CUTOFF, later.trustedUpTo(), EventClock.UK);
            assertThat(ids(fixed)).contains("A0000AB").doesNotContain("A0000AC");
            replay("resume");
            waitUntil(() -> lag().caughtUp());
            assertThat(lag().replayedPast(later.replicaNow())).isTrue();
            // and taking the same window again once it has been replayed gives the same set.
            assertThat(ids(fixed)).contains("A0000AB").doesNotContain("A0000AC");
            assertThat(ids(new AffectedWindow(CUTOFF, lag().trustedUpTo(), EventClock.UK))).contains("A0000AC");
        } finally {
            replay("resume");
        }
    }

    @Test
    void aPrimaryHasNoLagAndItsWindowEndsAtItsClock() throws Exception {
        try (Replica onPrimary = Replica.connect(new ConnectionSettings("localhost", primary.getPort(),
                RehearsalDatabase.DATABASE, RehearsalDatabase.CONSOLE_USER, null, Environment.LOCAL, SslMode.DISABLE,
                null, null))) {
            ReplicaLag lag = onPrimary.lag();

            assertThat(lag.inRecovery()).isFalse();
            assertThat(lag.lag()).isZero();
            assertThat(lag.trustedUpTo()).isEqualTo(lag.replicaNow());
            assertThat(lag.shortText()).isEqualTo("primary: no replication lag");
        }
    }

    private static int cli(List<String> args, java.io.ByteArrayOutputStream out, java.io.ByteArrayOutputStream err) {
        return uk.gov.justice.digital.hmpps.rollbackconsole.cli.CommandLine.run(args.toArray(String[]::new),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), java.util.Map.of());
    }

    private static ReplicaLag lag() {
        try {
            return replica.lag();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant now() {
        try {
            return replica.now();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AffectedWindow window(Instant asOf) {
        return new AffectedWindow(CUTOFF, asOf, EventClock.UK);
    }

    private static List<String> ids(AffectedWindow w) {
        List<AffectedRecord> rows = new ArrayList<>();
        try {
            replica.affectedRecords(w, RecordMode.ONE_ROW_PER_EVENT, rows::add).run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows.stream().map(AffectedRecord::sourceSystemId).toList();
    }

    /** One event, written as the service writes it: a Europe/London session and the column's default time. */
    private static void insertEvent(String id) throws SQLException {
        try (Connection c = RehearsalDatabase.admin(primary).getConnection(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'Europe/London'");
            s.execute("insert into personrecordservice.event_log (source_system_id, source_system, match_id, event_type)"
                    + " values ('" + id + "', 'NOMIS', gen_random_uuid(), 'CPR_RECORD_UPDATED')");
        }
    }

    private static void replay(String what) throws SQLException {
        DataSource admin = standby.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_wal_replay_" + what + "()")) {
            rs.next();
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
