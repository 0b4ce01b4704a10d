package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.COMMON_PLATFORM;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.LIBRA;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.NOMIS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E1;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E2;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E6;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E7;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.E8;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.N2;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.N3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.SanityPackFiles;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class SanityPackAndPathsTest {

    private static Replica replica;
    @TempDir
    static Path folder;
    private static Path file;
    private static ClusterChanges changes;

    @BeforeAll
    static void seed() throws ConnectFailure, IOException, SQLException {
        TestReplica.reseed();
        TestReplica.seedReclusterOutcome();
        replica = Replica.connect(TestReplica.settings());
        file = Files.writeString(folder.resolve("affected-records.json"), TestReplica.RECLUSTER_FILE,
                StandardCharsets.UTF_8);
        changes = ClusterChangesQuery.of(replica, TestReplica.BST_WINDOW, file, 2).run();
    }

    @AfterAll
    static void close() {
        replica.close();
        TestReplica.reseed();
    }

    @Test
    void thePackHoldsEachMergedClustersRecordsEarlierClustersAndMergeEventsLargestFirst() throws SQLException {
        SanityPack pack = SanityPackQuery.of(replica, changes, file, 2).run();

        assertThat(pack.clusters()).extracting(SanityPack.Cluster::personUuid).containsExactly(N3, E1);
        SanityPack.Cluster n3 = pack.clusters().get(0);
        assertThat(n3.statusReason()).isEqualTo("OVERRIDE_CONFLICT");
        assertThat(n3.earlierClusters()).containsExactly(E6, E7, E8);
        // The NOMIS event with DELIUS X200012's id is another record's: left out.
        assertThat(n3.records()).containsExactly(
                member(COMMON_PLATFORM, "cf200000-0000-4000-8000-000000000013", E8, "2025-12-02T10:04"),
                member(DELIUS, "X200012", E7, "2025-12-02T10:03"),
                member(NOMIS, "A2011AA", E6, "2025-06-10T08:00", "2025-12-02T10:02"));
        assertThat(pack.clusters().get(1).records()).containsExactly(
                member(DELIUS, "X200002", E1),
                member(LIBRA, "2000003", E2, "2025-12-02T10:00"),
                member(NOMIS, "A2001AA", E1));
        assertThat(pack.fileSha256()).isEqualTo(changes.fileSha256());
    }

    @Test
    void thePackFilesSayHowTheyWereChosenTheirWindowAndTheFilesDigest() throws Exception {
        SanityPack pack = SanityPackQuery.of(replica, changes, file, 100).run();
        Path out = Files.createDirectories(folder.resolve("incident"));

        SanityPackFiles.Written written = new SanityPackFiles().write(out, false, pack, Environment.REHEARSAL);

        assertThat(written.csv().path().getFileName()).hasToString("REHEARSAL-sanity-check-merged-clusters.csv");
        List<String> csv = Files.readAllLines(written.csv().path());
        assertThat(csv.get(0)).startsWith("# REHEARSAL");
        String sha256 = Sha256.of(file);
        assertThat(csv).anyMatch(l -> l.equals("# Exported file SHA-256: " + sha256));
        assertThat(csv).anyMatch(l -> l.startsWith("# Window: events from 2025-06-09T12:21:55Z up to 2025-12-01T00:00:00Z"));
        List<String> rows = csv.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows.get(0)).isEqualTo(String.join(",", SanityPackFiles.CSV_COLUMNS));
        assertThat(rows).hasSize(1 + 6);
        assertThat(rows.get(3)).isEqualTo(N3 + ",1,NEEDS_ATTENTION,OVERRIDE_CONFLICT," + E6 + " " + E7 + " " + E8
                + ",NOMIS,A2011AA,true," + E6 + ",2025-06-10T08:00 2025-12-02T10:02");
        JsonNode json = new ObjectMapper().readTree(written.json().path().toFile());
        assertThat(json.get("exported_file_sha256").asText()).isEqualTo(Sha256.of(file));
        assertThat(json.get("clusters")).hasSize(2);
        assertThat(json.get("clusters").get(1).get("records").get(1).get("earlier_cluster").asText())
                .isEqualTo(E2.toString());
        assertThat(json.get("readme").get(1).asText()).contains("two or more");
        assertThat(Files.readString(written.json().path()) + String.join("\n", csv))
                .doesNotContain(TestReplica.PERSONAL_VALUES);
    }

    @Test
    void aFileChangedSinceTheChangesWereReadIsRefused() throws IOException {
        Path other = Files.writeString(folder.resolve("other.json"), "[]");

        assertThatThrownBy(() -> SanityPackQuery.of(replica, changes, other, 10).run())
                .satisfies(e -> assertThat(ClusterChangesQuery.cause(e)).hasMessageContaining("has changed"));
    }

    @Test
    void everyOutstandingClusterGetsItsPathWhatOnlyAPersonCanResolveFirst() throws SQLException {
        OutstandingClusters outstanding = new OutstandingClusters(TestReplica.BST_WINDOW, List.of(
                cluster(N2, "BROKEN_CLUSTER", 1),
                cluster(TestReplica.CLUSTER_3_BROKEN, "BROKEN_CLUSTER", 3),
                cluster(N3, "OVERRIDE_CONFLICT", 3),
                cluster(UUID.fromString("c0000000-0000-4000-8000-000000000001"), null, 1)), 4,
                java.time.Instant.now());

        ClusterPaths paths = ClusterPathsQuery.of(replica, outstanding, "https://manage.example/").run();

        assertThat(paths.reviewQueue()).isTrue();
        assertThat(paths.paths()).extracting(ClusterPath::personUuid, ClusterPath::path, ClusterPath::inReviewQueue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(N3, ClusterPath.Path.PERSON_MUST_ACT, true),
                        org.assertj.core.groups.Tuple.tuple(UUID.fromString("c0000000-0000-4000-8000-000000000001"),
                                ClusterPath.Path.PERSON_SHOULD_LOOK, false),
                        org.assertj.core.groups.Tuple.tuple(TestReplica.CLUSTER_3_BROKEN, ClusterPath.Path.MAY_HEAL, false),
                        org.assertj.core.groups.Tuple.tuple(N2, ClusterPath.Path.MAY_HEAL, false));
        ClusterPath first = paths.paths().get(0);
        assertThat(first.clusterType()).isEqualTo("PRIMARY");
        assertThat(first.raisedAt()).contains(LocalDateTime.parse("2025-12-02T10:10:00"));
        assertThat(first.waited()).contains(Duration.between(LocalDateTime.parse("2025-12-02T10:10:00"),
                LocalDateTime.ofInstant(paths.takenAt(), ZoneId.of("Europe/London"))));
        assertThat(first.link()).contains("https://manage.example/cluster/" + N3);
        assertThat(paths.paths().get(3).raisedAt()).isEmpty();
        assertThat(paths.inQueue()).isEqualTo(1);
    }

    @Test
    void aReplicaWithoutTheReviewQueueStillGivesEveryClusterItsPath() throws SQLException {
        OutstandingClusters outstanding = new OutstandingClusters(TestReplica.BST_WINDOW,
                List.of(cluster(N3, "OVERRIDE_CONFLICT", 3)), 1, java.time.Instant.now());
        rename("review", "review_elsewhere");
        try {
            ClusterPaths paths = ClusterPathsQuery.of(replica, outstanding, null).run();

            assertThat(paths.reviewQueue()).isFalse();
            assertThat(paths.paths()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo(ClusterPath.Path.PERSON_MUST_ACT);
                assertThat(p.inReviewQueue()).isFalse();
                assertThat(p.link()).isEmpty();
            });
        } finally {
            rename("review_elsewhere", "review");
        }
    }

    private static void rename(String from, String to) throws SQLException {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table personrecordservice." + from + " rename to " + to);
        }
    }

    private static OutstandingCluster cluster(UUID uuid, String reason, int records) {
        return new OutstandingCluster(uuid, reason, Map.of(SourceSystem.NOMIS,
                java.util.stream.IntStream.range(0, records).mapToObj(i -> "A" + i).toList()), 0);
    }

    private static SanityPack.Member member(SourceSystem system, String id, UUID earlier, String... events) {
        return new SanityPack.Member(new RecordKey(system, id), true, earlier,
                java.util.Arrays.stream(events).map(LocalDateTime::parse).toList());
    }
}
