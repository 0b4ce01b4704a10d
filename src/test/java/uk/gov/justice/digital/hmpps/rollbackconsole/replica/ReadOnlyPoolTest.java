package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * The console's role may write (as the replica's user may on a primary): these refusals come from the pool's
 * read-only settings, not from missing privileges.
 */
class ReadOnlyPoolTest {

    private static Replica replica;

    @BeforeAll
    static void connect() throws ConnectFailure {
        TestReplica.reseed();
        replica = Replica.connect(TestReplica.settings());
    }

    @AfterAll
    static void close() {
        replica.close();
        TestReplica.reseed();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "insert into personrecordservice.event_log (source_system_id, source_system, event_type)"
            + " values ('A9999ZZ', 'NOMIS', 'CPR_RECORD_UPDATED')",
        "update personrecordservice.person_key set status = 'ACTIVE'",
        "delete from personrecordservice.event_log",
        "truncate personrecordservice.person_key cascade",
        "create table personrecordservice.rollback_scratch (id int)",
        "drop index personrecordservice.idx_event_log_event_type",
        "select nextval('personrecordservice.event_log_id_seq')"
    })
    void writesThroughThePoolAreRefused(String write) throws SQLException {
        for (boolean autoCommit : new boolean[] {true, false}) {
            try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(autoCommit);

                SQLException refused = catchThrowableOfType(SQLException.class, () -> s.execute(write));

                assertThat((Throwable) refused).as("%s with autocommit %s", write, autoCommit).isNotNull();
                assertThat(refused.getSQLState()).isEqualTo("25006");
                assertThat(Replica.describe(refused)).contains("refused to write").contains("Nothing was written");
                if (!autoCommit) {
                    c.rollback();
                }
            }
        }
        assertThat(eventLogRows()).isEqualTo(54);
    }

    @Test
    void connectionsStartEveryTransactionReadOnly() throws SQLException {
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
            assertThat(c.isReadOnly()).isTrue();
            assertThat(single(s, "show default_transaction_read_only")).isEqualTo("on");
            assertThat(single(s, "show transaction_read_only")).isEqualTo("on");
            c.setAutoCommit(false);
            assertThat(single(s, "show transaction_read_only")).isEqualTo("on");
            c.rollback();
        }
    }

    @Test
    void switchingATransactionToReadWriteAfterItHasReadIsRefused() throws SQLException {
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            single(s, "select count(*) from personrecordservice.event_log");

            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> s.execute("set transaction read write"));

            assertThat((Throwable) refused).isNotNull();
            assertThat(refused.getSQLState()).isEqualTo("25001");
            c.rollback();
        }
    }

    @Test
    void aReadWriteTransactionSetOnItsOwnDoesNotOutliveItsStatement() throws SQLException {
        try (Connection c = replica.pool().getConnection(); Statement s = c.createStatement()) {
            s.execute("set transaction read write");

            SQLException refused = catchThrowableOfType(SQLException.class, () -> s.execute(
                    "delete from personrecordservice.event_log"));

            assertThat((Throwable) refused).isNotNull();
            assertThat(refused.getSQLState()).isEqualTo("25006");
        }
        assertThat(eventLogRows()).isEqualTo(54);
    }

    private static long eventLogRows() throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from personrecordservice.event_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
