package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.COMMON_PLATFORM;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.LIBRA;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.NOMIS;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class OutstandingClustersTest {

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
    void listsTheNeedsAttentionClustersOfTheAffectedRecordsWithBothReasonsAndEveryRecordOfEach() throws SQLException {
        OutstandingClusters outstanding = replica.outstandingClusters(TestReplica.BST_WINDOW).run();

        assertThat(outstanding.clusters()).extracting(OutstandingCluster::personUuid, OutstandingCluster::statusReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TestReplica.CLUSTER_3_BROKEN, "BROKEN_CLUSTER"),
                        org.assertj.core.groups.Tuple.tuple(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT,
                                "OVERRIDE_CONFLICT"));
        OutstandingCluster broken = outstanding.clusters().get(0);
        // A1013AA's only affected event is before the cutoff: it is listed because its cluster is outstanding
        assertThat(broken.sourceSystemIds()).containsOnlyKeys(NOMIS, DELIUS, COMMON_PLATFORM, LIBRA)
                .containsEntry(NOMIS, List.of("A1013AA")).containsEntry(DELIUS, List.of("X100005"))
                .containsEntry(COMMON_PLATFORM, List.of()).containsEntry(LIBRA, List.of("1000019"));
        assertThat(broken.records()).isEqualTo(3);
        assertThat(broken.records(DELIUS)).isEqualTo(1);
        assertThat(broken.recordsWithoutId()).isZero();
        OutstandingCluster conflict = outstanding.clusters().get(1);
        assertThat(conflict.keys()).containsExactly(new RecordKey(NOMIS, "A1006AA"),
                new RecordKey(COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000014"));
        assertThat(outstanding.needsAttentionInReplica()).isEqualTo(2);
        assertThat(outstanding.count("BROKEN_CLUSTER")).isEqualTo(1);
        assertThat(outstanding.window()).isEqualTo(TestReplica.BST_WINDOW);
        assertThat(outstanding.takenAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void countsEveryNeedsAttentionClusterInTheReplicaButListsOnlyThoseTheWindowReaches() throws SQLException {
        OutstandingClusters gmt = replica.outstandingClusters(TestReplica.GMT_WINDOW).run();
        OutstandingClusters nothing = replica.outstandingClusters(new AffectedWindow(
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"))).run();

        assertThat(gmt.clusters()).extracting(OutstandingCluster::personUuid)
                .containsExactly(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
        assertThat(gmt.needsAttentionInReplica()).isEqualTo(2);
        assertThat(nothing.clusters()).isEmpty();
        assertThat(nothing.needsAttentionInReplica()).isEqualTo(2);
    }

    @Test
    void agreesWithTheNeedsAttentionFigureOfTheClusterStatistics() throws SQLException {
        for (AffectedWindow window : List.of(TestReplica.BST_WINDOW, TestReplica.GMT_WINDOW)) {
            assertThat((long) replica.outstandingClusters(window).run().clusters().size())
                    .isEqualTo(replica.clusterStatistics(window).run().count("NEEDS_ATTENTION"));
        }
    }

    @Test
    void countsARecordItCannotNameAndListsAClusterWithoutAReason() throws SQLException {
        try {
            admin("update personrecordservice.person_key set status = 'NEEDS_ATTENTION' where id = 1",
                    "update personrecordservice.person set crn = null where id = 23",
                    "update personrecordservice.person set source_system = 'UNKNOWN' where id = 20",
                    // outside the window (its only record's event is on the as-of bound): counted, not listed
                    "update personrecordservice.person_key set status = 'NEEDS_ATTENTION',"
                            + " status_reason = 'BROKEN_CLUSTER' where id = 7");
            OutstandingClusters outstanding = replica.outstandingClusters(TestReplica.BST_WINDOW).run();

            OutstandingCluster formerlyActive = outstanding.clusters().get(0);
            assertThat(formerlyActive.personUuid()).isEqualTo(TestReplica.CLUSTER_1_ACTIVE);
            assertThat(formerlyActive.statusReason()).isNull();
            // records 1, 2, 12, 18, 20, 23: X100023 has no crn, A1020AA an unknown source system
            assertThat(formerlyActive.recordsWithoutId()).isEqualTo(2);
            assertThat(formerlyActive.records()).isEqualTo(6);
            assertThat(formerlyActive.sourceSystemIds().get(DELIUS)).containsExactly("X100002", "X100012");
            assertThat(outstanding.clusters()).hasSize(3);
            assertThat(outstanding.needsAttentionInReplica()).isEqualTo(4);
        } finally {
            TestReplica.reseed();
        }
    }

    @Test
    void aCancelledQueryThrowsCancellation() {
        ReplicaQuery<OutstandingClusters> query = replica.outstandingClusters(TestReplica.BST_WINDOW);
        query.cancel();

        org.assertj.core.api.Assertions.assertThatThrownBy(query::run).isInstanceOf(CancellationException.class);
    }

    private static void admin(String... statements) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
