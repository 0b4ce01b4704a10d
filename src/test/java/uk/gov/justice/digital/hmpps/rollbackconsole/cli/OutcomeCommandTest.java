package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class OutcomeCommandTest {

    @TempDir
    Path root;
    private Path folder;
    private Path file;

    @AfterAll
    static void reseed() {
        TestReplica.reseed();
    }

    @BeforeEach
    void incident() throws IOException {
        // Each test from the same data: one of them resolves a cluster.
        TestReplica.reseed();
        TestReplica.seedReclusterOutcome();
        file = Files.writeString(root.resolve("affected-records.json"), TestReplica.RECLUSTER_FILE, StandardCharsets.UTF_8);
        IncidentStore store = new IncidentStore(root.resolve("incidents"), Clock.systemUTC());
        try (IncidentJournal journal = store.start(Environment.LOCAL, "test")) {
            folder = journal.folder();
            journal.append(new JournalEntry.Connected("localhost", TestReplica.port(), TestReplica.DATABASE,
                    TestReplica.CONSOLE_USER, "disable"));
            journal.append(new JournalEntry.CutoffSet(TestReplica.CUTOFF_BST_LOCAL, "Europe/London",
                    LocalDateTime.parse("2025-06-09T13:21:55"), TestReplica.CUTOFF_BST));
            journal.append(new JournalEntry.PreviewTaken(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS, 13, 13,
                    Map.of(SourceSystem.NOMIS, 5L, SourceSystem.DELIUS, 4L, SourceSystem.COMMON_PLATFORM, 3L,
                            SourceSystem.LIBRA, 1L), 8, 1));
            journal.append(new JournalEntry.StatisticsTaken(JournalEntry.Phase.BEFORE, new ClusterStatistics(
                    Map.of("ACTIVE", 3L, "NEEDS_ATTENTION", 3L), TestReplica.AS_OF)));
            journal.append(new JournalEntry.Exported(file, Sha256.of(file), 13));
        }
    }

    @Test
    void printsJournalsAndWritesWhatTheReclusterChangedFromTheIncidentsJournal() throws IOException {
        Console run = Console.run("outcome", folder.toString(), "--manage-ui", "https://manage.example/");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(
                "  unchanged 5, moved 6 (in no cluster now 1), without a cluster in the file 1, no longer on the replica 1",
                "  moved by source system: NOMIS=2 DELIUS=2 COMMON_PLATFORM=1 LIBRA=1",
                "  clusters: 8 in the file, 5 now; merged 2, split 1, emptied 4; needing attention now 2");
        assertThat(run.out()).anyMatch(l -> l.startsWith("Sanity check for data science: 2 merged clusters, 6 records: "));
        // Over the BST window the seed's two NEEDS_ATTENTION clusters are left: the override conflict first.
        int first = run.out().indexOf("Clusters left (2), first to look at first:");
        assertThat(run.out().get(first + 1)).startsWith("  " + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT
                + "  OVERRIDE_CONFLICT  in the review queue for ").endsWith("  https://manage.example/cluster/"
                + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
        assertThat(run.out().get(first + 2)).isEqualTo("  " + TestReplica.CLUSTER_3_BROKEN
                + "  BROKEN_CLUSTER  not in the review queue  https://manage.example/cluster/"
                + TestReplica.CLUSTER_3_BROKEN);
        List<String> organisation = run.out().subList(run.out().indexOf("For the wider organisation:"), run.out().size());
        assertThat(String.join("\n", organisation)).contains("6 of 13 records moved to a different person group")
                .contains("2 groups now bring together").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");

        IncidentState state = new IncidentStore(root.resolve("incidents"), Clock.systemUTC()).open(folder);
        assertThat(state.changes()).hasValueSatisfying(c -> {
            assertThat(c.counts().moved()).isEqualTo(6);
            assertThat(c.counts().merged()).isEqualTo(2);
            assertThat(c.fileSha256()).isEqualTo(sha256(file));
            assertThat(c.window()).isEqualTo(TestReplica.BST_WINDOW);
        });
        assertThat(state.statisticsAfter()).isPresent();
        assertThat(state.files()).extracting(JournalEntry.FileWritten::purpose)
                .containsExactly("sanity check for data science (CSV)", "sanity check for data science (JSON)");
        assertThat(folder.resolve("sanity-check-merged-clusters.csv")).exists();
        String html = Files.readString(folder.resolve(ReportWriter.HTML_NAME));
        assertThat(html).contains("<h2>Business impact</h2>", "<h2>What the recluster changed</h2>",
                "<h2>Sanity check for data science</h2>", "<h2>A path for every cluster left</h2>",
                "Records first affected each").contains(TestReplica.N3.toString());
        assertThat(html.split("<svg", -1)).hasSize(3); // the statuses' chart and the records over time
        String md = Files.readString(folder.resolve(ReportWriter.MARKDOWN_NAME));
        assertThat(md).contains("| Clusters merged (records of 2 or more earlier clusters now in one) | 2 |",
                "| NOMIS | 2 |", "2 merged clusters holding 6 records are handed to data science");
        assertThat(html + md).doesNotContain(TestReplica.PERSONAL_VALUES);
        assertThat(state.finished()).isTrue();
    }

    @Test
    void runAgainOnALaterDayTheReportShowsTheQueueDraining() throws Exception {
        assertThat(Console.run("outcome", folder.toString()).exitCode()).isZero();
        // A person resolves the override conflict: it leaves NEEDS_ATTENTION and the review queue.
        try (java.sql.Connection c = TestReplica.admin().getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id = 4");
            s.execute("update personrecordservice.review set resolved_at = now() where id = 3");
        }

        Console again = Console.run("outcome", folder.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Clusters left (1), first to look at first:");
        IncidentState state = new IncidentStore(root.resolve("incidents"), Clock.systemUTC()).open(folder);
        assertThat(state.pathsTaken()).extracting(JournalEntry.PathsTaken::clusters,
                JournalEntry.PathsTaken::personMustAct, JournalEntry.PathsTaken::mayHeal,
                JournalEntry.PathsTaken::inReviewQueue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, 1L, 1L, 1L), org.assertj.core.groups.Tuple.tuple(1L, 0L, 1L, 0L));
        String md = Files.readString(folder.resolve(ReportWriter.MARKDOWN_NAME));
        assertThat(md).contains("The clusters left, each time they were read:")
                .containsPattern("\\| [0-9-]+ [0-9:.]+ UTC \\| 2 \\| 1 \\| 1 \\| 1 \\|")
                .containsPattern("\\| [0-9-]+ [0-9:.]+ UTC \\| 1 \\| 0 \\| 1 \\| 0 \\|");
    }

    @Test
    void anExportedFileChangedSinceTheExportIsRefused() throws IOException {
        Files.writeString(file, "[]");

        Console run = Console.run("outcome", folder.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).singleElement().asString().contains("has changed since it was exported");
    }

    @Test
    void aFolderWithoutAJournalIsNamed() {
        Console run = Console.run("outcome", root.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).singleElement().asString().contains(root.toString()).contains("no incident journal");
    }

    private static String sha256(Path file) {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
