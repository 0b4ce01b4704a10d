package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The streamed export when the replica goes away under it: a clear message, and no file, not half a file. */
class ExportInterruptionTest {

    // Events in a year no other test looks at, more than one fetch's worth so the stream is mid-way when it breaks.
    private static final AffectedWindow MARCH_2033 = new AffectedWindow(Instant.parse("2033-03-01T00:00:00Z"),
            Instant.parse("2033-04-01T00:00:00Z"));
    private static final int ROWS = 12_007;

    @TempDir
    Path dir;

    @BeforeAll
    static void seed() throws SQLException {
        admin("insert into personrecordservice.event_log (source_system_id, source_system, event_type, event_timestamp)"
                + " select 'S' || g, 'DELIUS', 'CPR_RECORD_UPDATED', timestamp '2033-03-02 00:00:00' + g * interval '1 second'"
                + " from generate_series(1, " + ROWS + ") g");
    }

    @AfterAll
    static void clean() throws SQLException {
        admin("delete from personrecordservice.event_log where event_timestamp >= '2033-01-01'");
    }

    @Test
    void aBackendTerminatedMidStreamLeavesNoFile() throws Exception {
        Path target = dir.resolve("affected-records.json");
        AtomicLong seen = new AtomicLong();
        try (Replica replica = Replica.connect(TestReplica.settings())) {
            ExportException failure = catchThrowableOfType(ExportException.class, () -> ExportCommand.streamExport(
                    replica, MARCH_2033, RecordMode.ONE_ROW_PER_EVENT, target, false, r -> {
                        if (seen.incrementAndGet() == 100) {
                            terminateConsoleBackends();
                        }
                    }));

            assertThat(failure.kind()).isEqualTo(ExportException.Kind.SOURCE_FAILED);
            // Through COPY the server may have sent its last rows before it died: the break is then seen as the
            // connection going, not the server's own words.
            assertThat(Replica.describe(ExportCommand.sqlCause(failure).orElseThrow())).isIn(
                    "The replica ended the query: the connection was terminated by the server (57P01)."
                            + " Nothing was written; run the preview again.",
                    "The connection to the replica was lost (08006). Nothing was written; check the port-forward and"
                            + " run it again.");
        }
        assertThat(seen.get()).isGreaterThanOrEqualTo(100).isLessThanOrEqualTo(ROWS);
        try (var listing = Files.list(dir)) {
            assertThat(listing).as("no file and no temporary file").isEmpty();
        }
    }

    @Test
    void theSameWindowExportsInFullWhenNothingBreaks() throws Exception {
        Path target = dir.resolve("affected-records.json");
        try (Replica replica = Replica.connect(TestReplica.settings())) {
            assertThat(ExportCommand.streamExport(replica, MARCH_2033, RecordMode.ONE_ROW_PER_EVENT, target, false, r -> { })
                    .records()).isEqualTo(ROWS);
        }
    }

    private static void terminateConsoleBackends() {
        try {
            admin("select pg_terminate_backend(pid) from pg_stat_activity"
                    + " where application_name = 'rollback-console' and state <> 'idle'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
