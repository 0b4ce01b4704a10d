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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WallClockReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * The export's COPY stream against a real PostgreSQL: the very rows of the plain cursor
 * stream, in the same order (both forms, ties, rows without a cluster, ids that need escaping), and the same
 * behaviour when the sink fails, the user cancels or the backend goes away, with the connection back in the pool
 * each time. Rows of its own, in May 2033.
 */
class ExportStreamTest {

    private static final AffectedWindow MAY_2033 = new AffectedWindow(Instant.parse("2033-05-01T00:00:00Z"),
            Instant.parse("2033-06-01T00:00:00Z"));
    private static final int EVENTS = 4 * Replica.FETCH_SIZE + 7_517;

    private static Replica replica;
    private static ExecutorService executor;

    @BeforeAll
    static void connect() throws Exception {
        TestReplica.reseed();
        // Records get 1 to 3 events each; every 9th event has no cluster; events of one record share timestamps in
        // pairs, so the latest cluster is decided by the higher id (the tie the distinct form must break).
        admin("insert into personrecordservice.event_log (source_system_id, source_system, person_uuid, match_id,"
                + " event_type, event_timestamp)"
                + " select 'R' || lpad((g % 9000)::text, 5, '0'),"
                + " (array['NOMIS', 'DELIUS', 'COMMON_PLATFORM', 'LIBRA'])[g % 4 + 1],"
                + " case when g % 9 = 0 then null else md5(g::text)::uuid end, gen_random_uuid(),"
                + " case when g % 2 = 0 then 'CPR_RECORD_UPDATED' else 'CPR_RECORD_CREATED' end,"
                + " timestamp '2033-05-02 00:00:00' + (g / 2) * interval '1 second'"
                + " from generate_series(1, " + EVENTS + ") g");
        admin("insert into personrecordservice.event_log (source_system_id, source_system, person_uuid, event_type,"
                + " event_timestamp) values (E'tab\\there \\\\ quote\" é 中 ' || chr(128512), 'LIBRA', null,"
                + " 'CPR_RECORD_CREATED', '2033-05-20 12:00:00')");
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
    void theConnectionIsBackInThePoolAndTheServerIsIdle() throws Exception {
        awaitTrue(() -> sessionsNotIdle() == 0, "no session of the console is running or in a transaction");
        awaitTrue(() -> ((HikariDataSource) replica.pool()).getHikariPoolMXBean().getActiveConnections() == 0,
                "every pooled connection is returned");
    }

    @Test
    void theCopyDeliversTheRowsOfThePlainStreamInTheSameOrderInBothForms() throws Exception {
        List<AffectedRecord> distinct = new ArrayList<>();
        replica.affectedRecordsByCopy(MAY_2033, RecordMode.DISTINCT_RECORDS, distinct::add).run();
        assertThat(distinct).hasSize(9001).anyMatch(r -> r.personUuid() == null)
                .anyMatch(r -> r.sourceSystemId().startsWith("tab\there \\ quote\" é 中 "));

        for (RecordMode mode : RecordMode.values()) {
            List<AffectedRecord> plain = new ArrayList<>();
            List<AffectedRecord> copied = new ArrayList<>();
            replica.affectedRecords(MAY_2033, mode, plain::add).run();

            long returned = replica.affectedRecordsByCopy(MAY_2033, mode, copied::add).run();

            assertThat(copied).as(mode.name()).containsExactlyElementsOf(plain);
            assertThat(returned).isEqualTo(plain.size());
        }
    }

    @Test
    void theCopyMatchesThePlainStreamOnTheSampleIncidentsWindows() throws Exception {
        for (AffectedWindow window : List.of(TestReplica.BST_WINDOW, TestReplica.GMT_WINDOW)) {
            for (RecordMode mode : RecordMode.values()) {
                List<AffectedRecord> plain = new ArrayList<>();
                List<AffectedRecord> copied = new ArrayList<>();
                replica.affectedRecords(window, mode, plain::add).run();
                replica.affectedRecordsByCopy(window, mode, copied::add).run();

                assertThat(copied).as(window + " " + mode).isNotEmpty().containsExactlyElementsOf(plain);
            }
        }
    }

    /**
     * The server sends a row a message, and the reader takes fields in place; a row or field that runs over the end
     * of a message (another server version, a proxy) must read the same. The real server's bytes, cut anywhere.
     */
    @Test
    void rowsCutAcrossMessagesAnywhereReadTheSameAsTheServersOwnMessages() throws Exception {
        for (RecordMode mode : RecordMode.values()) {
            String sql = mode == RecordMode.DISTINCT_RECORDS ? RunbookSql.DISTINCT_RECORDS : RunbookSql.ONE_ROW_PER_EVENT;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int messages = 0;
            List<AffectedRecord> asSent = new ArrayList<>();
            try (Connection c = replica.pool().getConnection()) {
                String copyText;
                try (java.sql.PreparedStatement ps = c.prepareStatement(CopyStream.formatStatement(c, sql))) {
                    Replica.bind(ps, MAY_2033);
                    copyText = CopyStream.copyText(ps);
                }
                org.postgresql.copy.CopyOut copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyOut(copyText);
                for (byte[] m = copy.readFromCopy(); m != null; m = copy.readFromCopy()) {
                    bytes.write(m);
                    messages++;
                }
                CopyStream.stream(c, copyText, new WallClockReader(MAY_2033.clock()), (system, id, count, last, uuid)
                        -> asSent.add(new AffectedRecord(uuid, system, id, Math.toIntExact(count), last)), () -> false);
            }
            assertThat(messages).as("the server's messages").isGreaterThan(9001);

            for (int cut : new int[] {1, 3, 7, 64, 1000}) {
                List<AffectedRecord> recut = new ArrayList<>();
                long rows = CopyStream.read(new Recut(bytes.toByteArray(), cut), new WallClockReader(MAY_2033.clock()),
                        (system, id, count, last, uuid) -> recut.add(new AffectedRecord(uuid, system, id,
                                Math.toIntExact(count), last)), () -> false);

                assertThat(recut).as(mode + " cut every " + cut + " bytes").containsExactlyElementsOf(asSent);
                assertThat(rows).isEqualTo(asSent.size());
            }
            byte[] shortOfTheEnd = java.util.Arrays.copyOf(bytes.toByteArray(), bytes.size() - 5);
            assertThatThrownBy(() -> CopyStream.read(new Recut(shortOfTheEnd, 100), new WallClockReader(MAY_2033.clock()),
                    (system, id, count, last, uuid) -> { }, () -> false))
                    .isInstanceOf(SQLException.class).hasMessageContaining("ended inside a row");
        }
    }

    /** The bytes of a copy handed over {@code cut} at a time, as a server or proxy that cut them there would. */
    private static final class Recut implements org.postgresql.copy.CopyOut {
        private final byte[] all;
        private final int cut;
        private int at;

        Recut(byte[] all, int cut) {
            this.all = all;
            this.cut = cut;
        }

        @Override
        public byte[] readFromCopy() {
            if (at >= all.length) {
                return null;
            }
            byte[] next = java.util.Arrays.copyOfRange(all, at, Math.min(all.length, at + cut));
            at += next.length;
            return next;
        }

        @Override
        public byte[] readFromCopy(boolean block) {
            return readFromCopy();
        }

        @Override
        public int getFieldCount() {
            return 5;
        }

        @Override
        public int getFormat() {
            return 1;
        }

        @Override
        public int getFieldFormat(int field) {
            return 1;
        }

        @Override
        public boolean isActive() {
            return at < all.length;
        }

        @Override
        public void cancelCopy() {
            at = all.length;
        }

        @Override
        public long getHandledRowCount() {
            return -1;
        }
    }

    @Test
    void aSinkThatFailsStopsTheCopyAndTheConnectionCanBeUsedAgain() throws Exception {
        AtomicLong delivered = new AtomicLong();
        IllegalStateException diskFull = new IllegalStateException("disk full");

        assertThatThrownBy(() -> replica.affectedRecordsByCopy(MAY_2033, RecordMode.ONE_ROW_PER_EVENT, r -> {
            if (delivered.incrementAndGet() == 7_000) {
                throw diskFull;
            }
        }).run()).isSameAs(diskFull);
        assertThat(delivered.get()).isEqualTo(7_000);
        for (int i = 0; i < Replica.MAX_CONNECTIONS + 1; i++) {
            assertThat(replica.affectedRecordsByCopy(MAY_2033, RecordMode.DISTINCT_RECORDS, r -> { }).run())
                    .isEqualTo(9001);
        }
    }

    @Test
    void cancelFromAnotherThreadMidCopyStopsDelivery() throws Exception {
        AtomicReference<ReplicaQuery<Long>> query = new AtomicReference<>();
        AtomicLong delivered = new AtomicLong();
        query.set(replica.affectedRecordsByCopy(MAY_2033, RecordMode.ONE_ROW_PER_EVENT, row -> {
            if (delivered.incrementAndGet() == 10) {
                try {
                    executor.submit(() -> query.get().cancel()).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }));

        assertThatThrownBy(() -> query.get().run()).isInstanceOf(CancellationException.class);
        assertThat(delivered.get()).isEqualTo(10);
    }

    @Test
    void aBackendTerminatedMidStreamFailsWithAClearMessage() {
        AtomicLong delivered = new AtomicLong();
        ReplicaQuery<Long> query = replica.affectedRecordsByCopy(MAY_2033, RecordMode.ONE_ROW_PER_EVENT, row -> {
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

        // The server's own words when its error arrives first; the connection going when the rows it had already
        // sent are read to their end before the break is seen.
        assertThat(Replica.describe(failure)).isIn("The replica ended the query: the connection was terminated"
                + " by the server (57P01). Nothing was written; run the preview again.",
                "The connection to the replica was lost (08006). Nothing was written; check the port-forward and run"
                        + " it again.");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long sessionsNotIdle() throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity"
                     + " where application_name = 'rollback-console' and state <> 'idle'")) {
            rs.next();
            return rs.getLong(1);
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
