package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** Cancelling, streaming and losing the backend, on rows added in a window of their own (January 2031). */
class QueryInterruptionTest {

    private static final AffectedWindow JANUARY_2031 = new AffectedWindow(Instant.parse("2031-01-01T00:00:00Z"),
            Instant.parse("2031-02-01T00:00:00Z"));
    private static final int STREAMED_ROWS = 3 * Replica.FETCH_SIZE + 123;

    private static Replica replica;
    private static ExecutorService executor;

    @BeforeAll
    static void connect() throws ConnectFailure, SQLException {
        TestReplica.reseed();
        admin("insert into personrecordservice.event_log (source_system_id, source_system, person_uuid, match_id,"
                + " event_type, event_timestamp)"
                + " select 'A' || lpad(g::text, 6, '0'), 'NOMIS', gen_random_uuid(), gen_random_uuid(),"
                + " 'CPR_RECORD_UPDATED', timestamp '2031-01-01 00:00:00' + g * interval '1 second'"
                + " from generate_series(1, " + STREAMED_ROWS + ") g");
        replica = Replica.connect(TestReplica.settings());
        executor = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void close() {
        executor.shutdownNow();
        replica.close();
        TestReplica.reseed();
    }

    @AfterEach
    void theConnectionsAreBackInThePoolAndTheServerIsIdle() throws Exception {
        awaitTrue(() -> sessionsNotIdle() == 0, "no session of the console is running or in a transaction");
        awaitTrue(() -> ((HikariDataSource) replica.pool()).getHikariPoolMXBean().getActiveConnections() == 0,
                "every pooled connection is returned");
        assertThat(replica.counts(TestReplica.BST_WINDOW).run()).isEqualTo(TestReplica.BST_COUNTS);
    }

    @Test
    void cancelStopsAStatementThatIsStillRunningOnTheServer() throws Exception {
        try (Connection locker = TestReplica.admin().getConnection(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("lock table personrecordservice.event_log in access exclusive mode");
            ReplicaQuery<AffectedCounts> query = replica.counts(TestReplica.BST_WINDOW);
            Future<AffectedCounts> running = executor.submit(query::run);
            awaitTrue(() -> sessionsWaitingForALock() == 1, "the count waits for the lock on the server");

            query.cancel();

            ExecutionException failed = catchThrowableOfType(ExecutionException.class,
                    () -> running.get(10, TimeUnit.SECONDS));
            assertThat(failed.getCause()).isInstanceOf(CancellationException.class);
            // the server's own answer to the cancel request, not just the console giving up
            assertThat(failed.getCause().getCause()).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failed.getCause().getCause()).getSQLState()).isEqualTo("57014");
            locker.rollback();
        }
    }

    @Test
    void cancelFromAnotherThreadMidStreamStopsDelivery() throws Exception {
        AtomicReference<ReplicaQuery<Long>> query = new AtomicReference<>();
        AtomicLong delivered = new AtomicLong();
        query.set(replica.affectedRecords(JANUARY_2031, RecordMode.ONE_ROW_PER_EVENT, row -> {
            if (delivered.incrementAndGet() == 10) {
                try {
                    executor.submit(() -> query.get().cancel()).get();
                } catch (InterruptedException | ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        }));

        assertThatThrownBy(() -> query.get().run()).isInstanceOf(CancellationException.class);
        assertThat(delivered.get()).isEqualTo(10);
    }

    @Test
    void rowsReachTheSinkWhileTheCursorIsStillOpenOnTheServer() throws Exception {
        List<String> stateAtFirstRow = new ArrayList<>();
        AtomicLong delivered = new AtomicLong();

        long returned = replica.affectedRecords(JANUARY_2031, RecordMode.ONE_ROW_PER_EVENT, row -> {
            if (delivered.incrementAndGet() == 1) {
                stateAtFirstRow.addAll(consoleSessionStates());
            }
        }).run();

        // between fetches the backend holds the rest of the result in an open transaction
        assertThat(stateAtFirstRow).containsExactly("idle in transaction");
        assertThat(returned).isEqualTo(delivered.get()).isEqualTo(STREAMED_ROWS);
    }

    @Test
    void aBackendTerminatedMidStreamGivesAClearMessage() throws Exception {
        AtomicLong delivered = new AtomicLong();
        ReplicaQuery<Long> query = replica.affectedRecords(JANUARY_2031, RecordMode.ONE_ROW_PER_EVENT, row -> {
            if (delivered.incrementAndGet() == 1) {
                try {
                    admin("select pg_terminate_backend(pid) from pg_stat_activity"
                            + " where application_name = 'rollback-console' and state <> 'idle'");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        SQLException failure = catchThrowableOfType(SQLException.class, query::run);

        assertThat(Replica.describe(failure)).isEqualTo("The replica ended the query: the connection was terminated"
                + " by the server (57P01). Nothing was written; run the preview again.");
        // the first fetch was delivered in full before the next one found the backend gone
        assertThat(delivered.get()).isEqualTo(Replica.FETCH_SIZE);
    }

    @Test
    void aQueryCancelledBeforeItRunsNeverStarts() {
        ReplicaQuery<Long> query = replica.affectedRecords(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS,
                row -> {
                    throw new AssertionError("no row expected");
                });

        query.cancel();

        assertThatThrownBy(query::run).isInstanceOf(CancellationException.class);
    }

    @Test
    void aQueryRunsOnlyOnce() throws SQLException {
        ReplicaQuery<AffectedCounts> query = replica.counts(TestReplica.GMT_WINDOW);
        query.run();

        assertThatThrownBy(query::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownSourceSystemFailsTheQueryNamingTheValueAndTheId() throws Exception {
        admin("insert into personrecordservice.event_log (source_system_id, source_system, event_type,"
                + " event_timestamp) values ('P-4471', 'PRISON', 'CPR_RECORD_CREATED', '2032-03-01 10:00:00')");
        try {
            List<AffectedRecord> rows = new ArrayList<>();
            ReplicaQuery<Long> query = replica.affectedRecords(new AffectedWindow(
                    Instant.parse("2032-01-01T00:00:00Z"), Instant.parse("2033-01-01T00:00:00Z")),
                    RecordMode.DISTINCT_RECORDS, rows::add);

            UnexpectedRowException failure = catchThrowableOfType(UnexpectedRowException.class, query::run);

            assertThat(failure.sourceSystem()).isEqualTo("PRISON");
            assertThat(failure.sourceSystemId()).isEqualTo("P-4471");
            assertThat(Replica.describe(failure)).contains("'PRISON'").contains("'P-4471'");
            assertThat(rows).isEmpty();
        } finally {
            admin("delete from personrecordservice.event_log where source_system = 'PRISON'");
        }
    }

    @Test
    void anAffectedEventWithoutASourceSystemIdFailsTheQuery() throws Exception {
        admin("insert into personrecordservice.event_log (source_system_id, source_system, event_type,"
                + " event_timestamp) values (null, 'LIBRA', 'CPR_RECORD_UPDATED', '2032-03-01 10:00:00')");
        try {
            UnexpectedRowException failure = catchThrowableOfType(UnexpectedRowException.class,
                    () -> replica.affectedRecords(new AffectedWindow(Instant.parse("2032-01-01T00:00:00Z"),
                            Instant.parse("2033-01-01T00:00:00Z")), RecordMode.ONE_ROW_PER_EVENT, r -> { }).run());

            assertThat(failure.sourceSystem()).isEqualTo("LIBRA");
            assertThat(failure.getMessage()).contains("no source_system_id");
        } finally {
            admin("delete from personrecordservice.event_log where source_system_id is null");
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long sessionsNotIdle() throws SQLException {
        return consoleSessionStates().stream().filter(state -> !"idle".equals(state)).count();
    }

    private static long sessionsWaitingForALock() throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity"
                     + " where application_name = 'rollback-console' and wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> consoleSessionStates() {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select state from pg_stat_activity"
                     + " where application_name = 'rollback-console' and state <> 'idle'")) {
            List<String> states = new ArrayList<>();
            while (rs.next()) {
                states.add(rs.getString(1));
            }
            return states;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
