package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison.Row;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents.IncidentsViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.HeldTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/** Step 7 without a window: the same window queried again after statuses change, the clusters left, the report. */
class OutcomeStepViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<String> journalFailures = new ArrayList<>();
    private IncidentRecorder recorder;
    private WizardSession session;
    private Replica replica;
    private ClusterStatistics before;

    @BeforeEach
    void connectAndPreview() throws Exception {
        TestReplica.reseed();
        recorder = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"), CLOCK), "test", journalFailures::add);
        session = new WizardSession(recorder);
        replica = Replica.connect(TestReplica.settings());
        session.environmentProperty().set(Environment.LOCAL);
        session.replicaProperty().set(replica);
        before = replica.clusterStatistics(TestReplica.BST_WINDOW).run();
        session.previewProperty().set(new PreviewSnapshot(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS,
                TestReplica.BST_DISTINCT_RECORDS, AffectedSummary.EMPTY, before));
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        TestReplica.reseed();
    }

    private OutcomeStepViewModel model() {
        return new OutcomeStepViewModel(session, new DirectTaskRunner(), dialogs, CLOCK);
    }

    @Test
    void comparesTheBeforeStatisticsWithTheSameWindowTakenAgainAfterStatusesChanged() throws Exception {
        OutcomeStepViewModel model = model();
        assertThat(model.availableProperty().get()).isTrue();
        assertThat(model.beforeProperty().get()).isEqualTo(before);
        assertThat(model.comparisonRows()).isEmpty();
        // what a recluster does: the broken cluster is resolved, the override conflict merged away
        admin("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id in (3, 5)",
                "update personrecordservice.person_key set status = 'RECLUSTER_MERGE' where id = 4");

        model.takeAfter();

        assertThat(model.comparisonRows()).containsExactly(
                new Row("ACTIVE", 2, 4), new Row("MERGED", 1, 0), new Row("NEEDS_ATTENTION", 2, 0),
                new Row("RECLUSTER_MERGE", 0, 1));
        assertThat(model.statisticsMessageProperty().get().kind()).isEqualTo(Message.Kind.OK);
        assertThat(model.statisticsMessageProperty().get().text()).contains("0 clusters need attention, 2 before (-2)");
        assertThat(model.busyProperty().get()).isFalse();
        IncidentState state = recorder.state();
        assertThat(state.statisticsBefore()).as("the comparison's before, journalled as nothing earlier did")
                .hasValueSatisfying(b -> assertThat(b.clustersByStatus()).isEqualTo(before.clustersByStatus()));
        assertThat(state.statisticsAfter()).hasValueSatisfying(after ->
                assertThat(after.clustersByStatus()).isEqualTo(model.afterProperty().get().clustersByStatus()));
        assertThat(state.step()).isEqualTo(IncidentStep.OUTCOME);
        assertThat(journalFailures).isEmpty();
        // Taken again: the journal already has the before statistics, so only another "after" is added.
        model.takeAfter();
        assertThat(recorder.state().lines()).extracting(l -> l.entry().getClass().getSimpleName())
                .containsExactly("IncidentStarted", "StatisticsTaken", "StatisticsTaken", "StatisticsTaken");

        // Another preview is another window: the after statistics no longer apply.
        session.previewProperty().set(null);
        assertThat(model.afterProperty().get()).isNull();
        assertThat(model.comparisonRows()).isEmpty();
        assertThat(model.availableProperty().get()).isFalse();
    }

    @Test
    void aCancelledTakeLeavesNothingHalfShown() {
        HeldTaskRunner held = new HeldTaskRunner();
        OutcomeStepViewModel model = new OutcomeStepViewModel(session, held, dialogs, CLOCK);
        model.takeAfter();
        assertThat(model.busyProperty().get()).isTrue();
        model.cancel();
        // the query was not registered yet; cancelling it before it runs must still stop it
        session.previewProperty().set(null);
        held.runAll();
        assertThat(model.afterProperty().get()).isNull();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void listsTheOutstandingClustersWithBothReasonsFiltersThemAndSavesThemAsAskedBeforeReplacing() throws Exception {
        OutcomeStepViewModel model = model();
        model.enter();

        assertThat(model.clusters()).extracting(OutstandingCluster::personUuid, OutstandingCluster::statusReason)
                .containsExactly(tuple(TestReplica.CLUSTER_3_BROKEN, "BROKEN_CLUSTER"),
                        tuple(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT, "OVERRIDE_CONFLICT"));
        assertThat(model.outstandingProperty().get().needsAttentionInReplica()).isEqualTo(2);
        assertThat(model.outstandingMessageProperty().get().text())
                .startsWith("2 of the affected clusters need attention: 1 BROKEN_CLUSTER, 1 OVERRIDE_CONFLICT");

        model.filterProperty().set("override");
        assertThat(model.clusters().filtered(model.filterPredicateProperty().get()))
                .extracting(OutstandingCluster::personUuid).containsExactly(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
        model.filterProperty().set("x100005");
        assertThat(model.clusters().filtered(model.filterPredicateProperty().get()))
                .extracting(OutstandingCluster::personUuid).containsExactly(TestReplica.CLUSTER_3_BROKEN);
        model.filterProperty().set("");
        assertThat(model.filterPredicateProperty().get()).isNull();

        Path csv = dir.resolve("outstanding.csv");
        dialogs.saveFile = csv;
        model.saveCsv();
        assertThat(Files.readString(csv)).startsWith("person_uuid,status_reason,records")
                .contains(TestReplica.CLUSTER_3_BROKEN.toString()).contains("OVERRIDE_CONFLICT");
        Path json = dir.resolve("outstanding.json");
        dialogs.saveFile = json;
        model.saveJson();
        assertThat(Files.readString(json)).contains(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT.toString());
        assertThat(recorder.state().files()).extracting(JournalEntry.FileWritten::purpose, JournalEntry.FileWritten::path,
                JournalEntry.FileWritten::sha256).containsExactly(
                tuple(OutcomeStepViewModel.CSV_PURPOSE, csv, Sha256.of(csv)),
                tuple(OutcomeStepViewModel.JSON_PURPOSE, json, Sha256.of(json)));

        // Saving over the CSV asks first; declining leaves it as it was.
        Files.writeString(csv, "kept");
        dialogs.saveFile = csv;
        dialogs.confirmAnswer = false;
        model.saveCsv();
        assertThat(dialogs.asked).anyMatch(q -> q.startsWith("Replace outstanding.csv?"));
        assertThat(Files.readString(csv)).isEqualTo("kept");
        assertThat(model.outstandingMessageProperty().get().text()).contains("was left as it is");
        dialogs.confirmAnswer = true;
        model.saveCsv();
        assertThat(Files.readString(csv)).startsWith("person_uuid,");
    }

    @Test
    void writesTheReportIntoTheIncidentFolderWithIdentifiersOnlyAndTheRecentListShowsIt() throws Exception {
        OutcomeStepViewModel model = model();
        model.enter();
        admin("update personrecordservice.person_key set status = 'ACTIVE', status_reason = null where id = 3");
        model.takeAfter();
        model.refreshOutstanding();
        assertThat(model.clusters()).extracting(OutstandingCluster::statusReason).containsExactly("OVERRIDE_CONFLICT");

        model.writeReport();

        assertThat(model.reportMessageProperty().get().kind()).as(model.reportMessageProperty().get().text())
                .isEqualTo(Message.Kind.OK);
        assertThat(model.validProperty().get()).isTrue();
        Path folder = recorder.folder().orElseThrow();
        Path markdown = folder.resolve(ReportWriter.MARKDOWN_NAME);
        Path html = folder.resolve(ReportWriter.HTML_NAME);
        assertThat(model.reportPathsProperty().get()).isEqualTo(markdown + "\n" + html);
        assertThat(Files.readString(markdown)).contains("| NEEDS\\_ATTENTION | 2 | 1 | -1 |")
                .contains(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT.toString());
        assertThat(Files.readString(html)).contains("<svg");
        IncidentState state = recorder.state();
        assertThat(state.finished()).isTrue();
        assertThat(state.reports()).extracting(JournalEntry.ReportWritten::path).containsExactly(markdown, html);
        assertThat(state.reports().get(0).sha256()).isEqualTo(Sha256.of(markdown));
        assertNoPersonalData(folder);

        List<String> copied = new ArrayList<>();
        model.copySummary(copied::add);
        assertThat(copied).singleElement().asString().contains("finished")
                .contains("NEEDS_ATTENTION clusters: 2 before, 1 after (-1).")
                .contains("Outstanding for manual resolution: 1 (1 NEEDS_ATTENTION in the replica).");

        IncidentsViewModel incidents = new IncidentsViewModel(new IncidentStore(dir.resolve("incidents"), CLOCK),
                new DirectTaskRunner());
        incidents.load();
        assertThat(incidents.incidents()).singleElement().satisfies(s -> {
            assertThat(s.folder()).isEqualTo(folder);
            assertThat(s.finished()).isTrue();
            assertThat(s.step()).isEqualTo(IncidentStep.OUTCOME);
            assertThat(s.environment()).isEqualTo(Environment.LOCAL);
        });
        incidents.open(incidents.incidents().get(0));
        assertThat(incidents.openedProperty().get().reportPath()).contains(markdown);
        assertThat(incidents.openedProperty().get().reportText()).contains(Files.readString(markdown));
        assertThat(incidents.openedProperty().get().state().statisticsAfter()).isPresent();
    }

    @Test
    void aSessionWithoutAJournalSaysSoInsteadOfWritingAReport() throws Exception {
        WizardSession bare = new WizardSession();
        bare.replicaProperty().set(Replica.connect(TestReplica.settings()));
        bare.previewProperty().set(new PreviewSnapshot(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS,
                TestReplica.BST_DISTINCT_RECORDS, AffectedSummary.EMPTY, before));
        try {
            OutcomeStepViewModel model = new OutcomeStepViewModel(bare, new DirectTaskRunner(), dialogs, CLOCK);
            model.writeReport();
            assertThat(model.reportMessageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
            assertThat(model.validProperty().get()).isFalse();
        } finally {
            bare.close();
        }
    }

    static void assertNoPersonalData(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                for (String personal : TestReplica.PERSONAL_VALUES) {
                    assertThat(text).as("personal data never reaches " + f.getFileName()).doesNotContain(personal);
                }
            }
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
