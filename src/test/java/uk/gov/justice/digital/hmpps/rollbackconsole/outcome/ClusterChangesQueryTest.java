package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E1;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E2;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E3;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E5;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E6;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E7;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E8;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.N2;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.N3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class ClusterChangesQueryTest {

    private static Replica replica;
    @TempDir
    static Path folder;
    private static Path file;

    @BeforeAll
    static void seed() throws ConnectFailure, IOException {
        TestReplica.reseed();
        TestReplica.seedReclusterOutcome();
        replica = Replica.connect(TestReplica.settings());
        file = Files.writeString(folder.resolve("affected-records.json"), TestReplica.RECLUSTER_FILE,
                StandardCharsets.UTF_8);
    }

    @AfterAll
    static void close() {
        replica.close();
        TestReplica.reseed();
    }

    // Batches of 1, 4 and the whole file give the same answer: the batching changes nothing but the memory held.
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5_000})
    void countsEveryKindOfChangeExactly(int batch) throws SQLException, IOException {
        ClusterChanges changes = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, file, batch).run();

        ClusterChangeCounts n = changes.counts();
        assertThat(n.records()).isEqualTo(13);
        assertThat(n.notFound()).isEqualTo(1);
        assertThat(n.withoutEarlier()).isEqualTo(1);
        assertThat(n.unchanged()).isEqualTo(5);
        assertThat(n.moved()).isEqualTo(6);
        assertThat(n.movedBySourceSystem()).containsEntry(SourceSystem.NOMIS, 2L).containsEntry(SourceSystem.DELIUS, 2L)
                .containsEntry(SourceSystem.COMMON_PLATFORM, 1L).containsEntry(SourceSystem.LIBRA, 1L);
        assertThat(n.inNoCluster()).isEqualTo(1);
        assertThat(n.earlierClusters()).isEqualTo(8);
        assertThat(n.clustersNow()).isEqualTo(5);
        assertThat(n.merged()).isEqualTo(2);
        assertThat(n.split()).isEqualTo(1);
        assertThat(n.emptied()).isEqualTo(4);
        assertThat(n.needsAttentionNow()).isEqualTo(2);
        assertThat(changes.fileSha256()).isEqualTo(Sha256.of(file));
        assertThat(changes.window()).isEqualTo(TestReplica.BST_WINDOW);
    }

    // The seed runbook's one row per event: every record again, later, some with another person_uuid (the cluster
    // it was in at that later event). Each record counts once, with its first row's cluster, however the batches
    // fall: a repeat in a later batch is folded as one in the same batch is.
    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5_000})
    void aOneRowPerEventFileCountsEachRecordOnceWithItsFirstRowsClusterWhateverTheBatch(int batch) throws Exception {
        String rows = TestReplica.RECLUSTER_FILE.strip();
        String body = rows.substring(1, rows.length() - 1).strip();
        String later = body.replace("e1000000-0000-4000-8000-000000000001", "e9000000-0000-4000-8000-000000000009")
                .replace("\"person_uuid\": null", "\"person_uuid\": \"e9000000-0000-4000-8000-000000000009\"");
        Path perEvent = Files.writeString(folder.resolve("affected-records-per-event.json"),
                "[\n" + body + ",\n" + later + ",\n" + body + "\n]\n", StandardCharsets.UTF_8);

        ClusterChanges once = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, file, batch).run();
        ClusterChanges repeated = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, perEvent, batch).run();

        assertThat(repeated.counts()).isEqualTo(once.counts());
        assertThat(repeated.counts().records()).isEqualTo(13);
        assertThat(repeated.merged()).isEqualTo(once.merged());
        assertThat(repeated.split()).isEqualTo(once.split());
        assertThat(repeated.emptied()).isEqualTo(once.emptied());
        assertThat(SanityPackQuery.of(replica, repeated, perEvent, batch).run().records())
                .isEqualTo(SanityPackQuery.of(replica, once, file, batch).run().records());
    }

    @Test
    void namesEachMergedSplitAndEmptiedClusterLargestMergeFirst() throws SQLException {
        ClusterChanges changes = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, file, 3).run();

        // Both hold three exported records; N3 joined three earlier clusters, E1 two.
        assertThat(changes.merged()).containsExactly(
                new MergedCluster(N3, "NEEDS_ATTENTION", "OVERRIDE_CONFLICT", 3, List.of(E6, E7, E8)),
                new MergedCluster(E1, "ACTIVE", null, 3, List.of(E1, E2)));
        assertThat(changes.split()).containsExactly(new SplitCluster(E3, 3, List.of(E3, N2)));
        // E6 lost R11 but still holds R14, which is not in the file: not emptied.
        assertThat(changes.emptied()).containsExactly(E2, E5, E7, E8);
    }

    @Test
    void aFileThatIsNotTheRunbooksFormatIsNamedInTheFailure() throws IOException {
        Path bad = Files.writeString(folder.resolve("bad.json"), "{\"not\": \"a list\"}");

        assertThatThrownBy(() -> ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, bad, 10).run())
                .satisfies(e -> assertThat(ClusterChangesQuery.cause(e)).isInstanceOf(IOException.class)
                        .hasMessageContaining("bad.json"));
    }

    @Test
    void aCancelledPassStopsWithNothingReturned() {
        ReplicaQuery<ClusterChanges> q = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, file, 1);
        q.cancel();

        assertThatThrownBy(q::run).isInstanceOf(CancellationException.class);
    }
}
