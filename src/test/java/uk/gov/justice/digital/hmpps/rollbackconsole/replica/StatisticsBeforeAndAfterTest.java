package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison.Row;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class StatisticsBeforeAndAfterTest {

    private static Replica replica;

    @BeforeAll
    static void connect() throws ConnectFailure {
        TestReplica.reseed();
        replica = Replica.connect(TestReplica.settings());
    }

    @AfterAll
    static void close() {
        replica.close();
    }

    @Test
    void comparesTheStatisticsTakenBeforeAndAfterAReclusterChangedClusterStatuses() throws SQLException {
        try {
            ClusterStatistics before = replica.clusterStatistics(TestReplica.BST_WINDOW).run();
            // what a recluster does: the broken cluster is resolved, the legacy MERGED one becomes ACTIVE, and a
            // record splits off into a new cluster that needs attention for another reason
            admin("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id in (3, 5)",
                    "update personrecordservice.person_key set status = 'RECLUSTER_MERGE' where id = 4",
                    "insert into personrecordservice.person_key (id, person_uuid, status, status_reason)"
                            + " values (8, '8b8b8b8b-0000-4000-8000-000000000008', null, null)",
                    "update personrecordservice.person set fk_person_key_id = 8 where id = 13");
            ClusterStatistics after = replica.clusterStatistics(TestReplica.BST_WINDOW).run();

            StatisticsComparison comparison = StatisticsComparison.of(before, after);

            assertThat(comparison.rows()).containsExactly(
                    new Row("ACTIVE", 2, 4),
                    new Row("MERGED", 1, 0),
                    new Row("NEEDS_ATTENTION", 2, 0),
                    new Row("RECLUSTER_MERGE", 0, 1),
                    new Row(Replica.NO_STATUS, 0, 1));
            assertThat(comparison.rows()).extracting(Row::difference).containsExactly(2L, -1L, -2L, 1L, 1L);
            assertThat(comparison.row("MERGED").onlyBefore()).isTrue();
            assertThat(comparison.row("RECLUSTER_MERGE").onlyAfter()).isTrue();
            assertThat(comparison.totalBefore()).isEqualTo(5);
            assertThat(comparison.totalAfter()).isEqualTo(6);
            assertThat(StatisticsComparison.signed(comparison.totalDifference())).isEqualTo("+1");
            assertThat(after.takenAt()).isAfterOrEqualTo(before.takenAt());
        } finally {
            TestReplica.reseed();
        }
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
