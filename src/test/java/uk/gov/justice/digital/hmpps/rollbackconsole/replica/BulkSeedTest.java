package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.BulkSeed;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The bulk seed's promises, at a size that runs in a moment; the benchmark relies on them at 5 million rows. */
class BulkSeedTest {

    @AfterAll
    static void restoreTheSmallDataSet() {
        TestReplica.reseed();
    }

    @Test
    void theConsoleFindsExactlyWhatTheBulkSeedSaysItMade() throws Exception {
        BulkSeed.Result seeded = BulkSeed.seedBulk(TestReplica.admin(), 60_000, 12_000);

        try (Replica replica = Replica.connect(TestReplica.settings())) {
            assertThat(replica.info().eventLogRowEstimate()).isEqualTo(60_000);
            assertThat(replica.counts(BulkSeed.WINDOW).run()).isEqualTo(seeded.counts());
            assertThat(replica.clusterStatistics(BulkSeed.WINDOW).run().clustersByStatus())
                    .containsExactlyEntriesOf(seeded.clustersByStatus());
            AtomicLong rows = new AtomicLong();
            assertThat(replica.affectedRecords(BulkSeed.WINDOW, RecordMode.DISTINCT_RECORDS,
                    r -> rows.incrementAndGet()).run()).isEqualTo(seeded.counts().distinctRecords());
        }
        assertThat(seeded.counts().events()).isEqualTo(12_000);
        assertThat(seeded.counts().distinctRecords()).isEqualTo(9_600);
        assertThat(rowCount("personrecordservice.event_log")).isEqualTo(60_000);
        assertThat(indexCount()).isEqualTo(7 + 3);
    }

    @Test
    void theWideSeedFillsEveryPersonalColumnAsWideAsTheRealTableAndFindsTheSameRecords() throws Exception {
        BulkSeed.Result seeded = BulkSeed.seedWide(TestReplica.admin(), 30_000, 6_000);

        try (Replica replica = Replica.connect(TestReplica.settings())) {
            assertThat(replica.counts(BulkSeed.WINDOW).run()).isEqualTo(seeded.counts());
        }
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select avg(pg_column_size(e.*)),"
                     + " count(*) filter (where first_name is null or last_name is null or date_of_birth is null"
                     + " or postcodes is null or pncs is null or sentence_dates is null),"
                     + " count(*) filter (where first_name !~ '^[A-Z]+$')"
                     + " from personrecordservice.event_log e")) {
            rs.next();
            assertThat(rs.getDouble(1)).as("bytes a row").isBetween(300.0, 360.0);
            assertThat(rs.getLong(2)).as("rows missing a personal column").isZero();
            assertThat(rs.getLong(3)).as("names that are not plain made-up letters").isZero();
        }
    }

    private static long rowCount(String table) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Secondary indexes come back after the load, beside the three primary keys. */
    private static long indexCount() throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "select count(*) from pg_indexes where schemaname = 'personrecordservice'"
                             + " and tablename in ('event_log', 'person', 'person_key')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
