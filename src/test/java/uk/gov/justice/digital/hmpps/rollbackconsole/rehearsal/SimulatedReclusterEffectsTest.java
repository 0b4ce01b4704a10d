package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChangesQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPathsQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPack;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPackQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The rehearsal's simulated recluster leaves what the Outcome step is there to find. */
class SimulatedReclusterEffectsTest {

    @TempDir
    Path dir;

    @AfterAll
    static void restoreTheSmallDataSet() {
        TestReplica.reseed();
    }

    @Test
    void aSimulatedRunMergesSplitsAndLeavesClustersOfBothReasonsInTheQueue() throws Exception {
        BulkSeed.seedBulk(TestReplica.admin(), 4_000, 1_000);
        Path file = dir.resolve("affected-records.json");
        List<String> ids = new ArrayList<>();
        try (Replica replica = Replica.connect(TestReplica.settings())) {
            new RunbookJsonExport().write(file, false, sink -> replica.affectedRecords(BulkSeed.WINDOW,
                    RecordMode.DISTINCT_RECORDS, (AffectedRecord r) -> {
                        ids.add(r.sourceSystemId());
                        sink.accept(r);
                    }).run());
            // Two runs of 400, as two batches of the rehearsal's send.
            try (Connection c = TestReplica.admin().getConnection()) {
                SimulatedReclusterEffects.apply(c, ids.subList(0, 400));
                SimulatedReclusterEffects.apply(c, ids.subList(400, ids.size()));
                SimulatedReclusterEffects.apply(c, ids.subList(400, ids.size())); // a batch sent again
            }

            ClusterChanges changes = ClusterChangesQuery.of(replica, BulkSeed.WINDOW, file, 500).run();
            assertThat(changes.counts().records()).isEqualTo(800);
            assertThat(changes.counts().merged()).isPositive();
            assertThat(changes.counts().split()).isPositive();
            assertThat(changes.counts().emptied()).isPositive();
            SanityPack pack = SanityPackQuery.of(replica, changes, file, 500).run();
            assertThat(pack.clusters()).hasSize((int) changes.counts().merged());
            assertThat(pack.clusters()).allSatisfy(c -> assertThat(c.records())
                    .anyMatch(m -> !m.mergeEvents().isEmpty()));

            OutstandingClusters outstanding = replica.outstandingClusters(BulkSeed.WINDOW).run();
            ClusterPaths paths = ClusterPathsQuery.of(replica, outstanding, null).run();
            assertThat(paths.count(ClusterPath.Path.PERSON_MUST_ACT)).isPositive();
            assertThat(paths.count(ClusterPath.Path.MAY_HEAL)).isPositive();
            assertThat(paths.paths()).allMatch(ClusterPath::inReviewQueue);
            // The first to look at has waited longest among those only a person can resolve.
            assertThat(paths.paths().get(0).path()).isEqualTo(ClusterPath.Path.PERSON_MUST_ACT);
        }
    }
}
