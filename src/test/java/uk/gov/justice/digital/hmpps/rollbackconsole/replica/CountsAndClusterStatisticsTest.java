package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class CountsAndClusterStatisticsTest {

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
    void countsOverTheBstWindowAreEventsDistinctRecordsAndDistinctEventClusters() throws SQLException {
        assertThat(replica.counts(TestReplica.BST_WINDOW).run()).isEqualTo(TestReplica.BST_COUNTS);
    }

    @Test
    void countsOverTheGmtWindowTakeOnlyTheEventsFromItsCutoff() throws SQLException {
        assertThat(replica.counts(TestReplica.GMT_WINDOW).run()).isEqualTo(TestReplica.GMT_COUNTS);
    }

    @Test
    void countsAgreeWithTheRowsEachFormDelivers() throws SQLException {
        AffectedCounts counts = replica.counts(TestReplica.BST_WINDOW).run();
        List<AffectedRecord> distinct = new ArrayList<>();
        List<AffectedRecord> events = new ArrayList<>();
        replica.affectedRecords(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS, distinct::add).run();
        replica.affectedRecords(TestReplica.BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT, events::add).run();

        assertThat(events).hasSize((int) counts.events());
        assertThat(distinct).hasSize((int) counts.distinctRecords());
        assertThat(distinct.stream().mapToInt(AffectedRecord::eventCount).sum()).isEqualTo((int) counts.events());
        assertThat(bySourceSystem(distinct, r -> 1L)).isEqualTo(TestReplica.BST_RECORDS_BY_SOURCE_SYSTEM);
        assertThat(bySourceSystem(distinct, r -> (long) r.eventCount()))
                .isEqualTo(TestReplica.BST_EVENTS_BY_SOURCE_SYSTEM);
    }

    @Test
    void clusterStatisticsCountTheClustersAffectedRecordsAreInNowByStatus() throws SQLException {
        ClusterStatistics statistics = replica.clusterStatistics(TestReplica.BST_WINDOW).run();

        assertThat(statistics.clustersByStatus()).containsExactlyEntriesOf(TestReplica.BST_CLUSTERS_BY_STATUS);
        // more clusters than the events' person_uuids name: membership comes from person, via match_id
        assertThat(statistics.total()).isEqualTo(5).isGreaterThan(TestReplica.BST_COUNTS.distinctClusters());
        assertThat(statistics.takenAt()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void clusterStatisticsAreRestrictedToTheWindow() throws SQLException {
        ClusterStatistics gmt = replica.clusterStatistics(TestReplica.GMT_WINDOW).run();
        ClusterStatistics nothing = replica.clusterStatistics(new AffectedWindow(
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-02T00:00:00Z"))).run();
        // RECLUSTER_MERGE's only record has its event exactly on the as-of bound
        ClusterStatistics pastAsOf = replica.clusterStatistics(new AffectedWindow(TestReplica.CUTOFF_GMT,
                TestReplica.AS_OF.plusMillis(1))).run();

        assertThat(gmt.clustersByStatus()).containsExactlyEntriesOf(TestReplica.GMT_CLUSTERS_BY_STATUS);
        assertThat(nothing.clustersByStatus()).isEmpty();
        assertThat(pastAsOf.count("RECLUSTER_MERGE")).isEqualTo(1);
    }

    private static Map<SourceSystem, Long> bySourceSystem(List<AffectedRecord> records,
                                                          Function<AffectedRecord, Long> weight) {
        return records.stream().collect(Collectors.groupingBy(AffectedRecord::sourceSystem,
                Collectors.summingLong(weight::apply)));
    }
}
