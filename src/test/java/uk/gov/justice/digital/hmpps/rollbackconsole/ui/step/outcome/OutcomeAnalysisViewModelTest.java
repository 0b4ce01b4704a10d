package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.MergedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ManageUiAddress;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewSnapshot;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/** The Outcome step's analysis without a window, against the recluster scenario on a real PostgreSQL. */
class OutcomeAnalysisViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final List<String> journalFailures = new ArrayList<>();
    private IncidentRecorder recorder;
    private WizardSession session;
    private Replica replica;
    private Path file;
    private OutcomeStepViewModel step;
    private OutcomeAnalysisViewModel model;

    @BeforeEach
    void connectPreviewAndExport() throws Exception {
        TestReplica.reseed();
        TestReplica.seedReclusterOutcome();
        recorder = new IncidentRecorder(new IncidentStore(dir.resolve("incidents"), CLOCK), "test", journalFailures::add);
        session = new WizardSession(recorder);
        replica = Replica.connect(TestReplica.settings());
        session.environmentProperty().set(Environment.LOCAL);
        session.replicaProperty().set(replica);
        session.previewProperty().set(new PreviewSnapshot(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS,
                TestReplica.BST_DISTINCT_RECORDS, AffectedSummary.EMPTY, null));
        file = Files.writeString(dir.resolve("affected-records.json"), TestReplica.RECLUSTER_FILE, StandardCharsets.UTF_8);
        session.exportProperty().set(new ExportResult(file, 13, Files.size(file), Sha256.of(file), Duration.ZERO));
        step = new OutcomeStepViewModel(session, new DirectTaskRunner(), new FakeDialogs(), CLOCK);
        model = step.analysis();
    }

    @AfterEach
    void close() throws Exception {
        session.close();
        TestReplica.reseed();
    }

    @Test
    void readsWhatChangedJournalsItAndWritesTheSanityCheckIntoTheIncident() throws Exception {
        model.readChanges();

        assertThat(model.changesMessageProperty().get())
                .isEqualTo(Message.ok("6 of 13 records moved; clusters: 2 merged, 1 split, 4 emptied."));
        assertThat(model.merged()).extracting(MergedCluster::personUuid)
                .containsExactly(TestReplica.N3, TestReplica.E1);
        IncidentState state = recorder.state();
        assertThat(state.changes()).hasValueSatisfying(c -> {
            assertThat(c.counts().split()).isEqualTo(1);
            assertThat(c.window()).isEqualTo(TestReplica.BST_WINDOW);
        });

        model.writePack();

        assertThat(model.packMessageProperty().get())
                .isEqualTo(Message.ok("2 merged clusters, 6 records, written for data science."));
        Path folder = recorder.folder().orElseThrow();
        assertThat(folder.resolve("sanity-check-merged-clusters.csv")).exists();
        assertThat(folder.resolve("sanity-check-merged-clusters.json")).exists();
        assertThat(recorder.state().files()).extracting(JournalEntry.FileWritten::path).containsExactly(
                folder.resolve("sanity-check-merged-clusters.csv"), folder.resolve("sanity-check-merged-clusters.json"));
        assertThat(step.analysis().findings().pack()).isPresent();
        assertThat(journalFailures).isEmpty();
    }

    @Test
    void givesEachClusterLeftItsPathWithTheManageUiLink() {
        model.manageUiBaseProperty().set("https://manage.example");

        model.readPaths();

        assertThat(model.pathRows()).extracting(ClusterPath::personUuid)
                .containsExactly(TestReplica.CLUSTER_4_OVERRIDE_CONFLICT, TestReplica.CLUSTER_3_BROKEN);
        assertThat(model.pathRows().get(0).link())
                .contains("https://manage.example/cluster/" + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
        assertThat(model.pathsMessageProperty().get().text()).isEqualTo("2 clusters left: 1 need a person, 0 another"
                + " reason, 1 may heal by the daily job; 1 in the review queue.");
    }

    @Test
    void theManageUiAddressIsKeptInTheSettingsFileAndUsedForTheLinks() throws Exception {
        Path settingsFile = dir.resolve("settings.properties");
        SettingsStore settings = new SettingsStore(settingsFile);
        settings.put(ManageUiAddress.KEY, "https://manage.example");
        settings.save();
        OutcomeAnalysisViewModel kept = new OutcomeStepViewModel(session, new DirectTaskRunner(), new FakeDialogs(),
                CLOCK, new ManageUiAddress(new SettingsStore(settingsFile))).analysis();
        assertThat(kept.manageUiBaseProperty().get()).as("typed once, on an earlier day").isEqualTo("https://manage.example");

        kept.manageUiBaseProperty().set(" https://people.example/manage/ ");
        kept.readPaths();

        assertThat(kept.pathRows().get(0).link())
                .contains("https://people.example/manage/cluster/" + TestReplica.CLUSTER_4_OVERRIDE_CONFLICT);
        assertThat(new SettingsStore(settingsFile).get(ManageUiAddress.KEY)).contains("https://people.example/manage/");

        // Not an address: refused, and the one kept stays.
        kept.manageUiBaseProperty().set("people.example");
        kept.readPaths();
        assertThat(kept.pathsMessageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(new SettingsStore(settingsFile).get(ManageUiAddress.KEY)).contains("https://people.example/manage/");

        // Emptied: no links, and nothing kept.
        kept.manageUiBaseProperty().set("");
        kept.readPaths();
        assertThat(kept.pathRows().get(0).link()).isEmpty();
        assertThat(new SettingsStore(settingsFile).get(ManageUiAddress.KEY)).isEmpty();
    }

    @Test
    void saysWhatIsMissingAndForgetsWhatWasReadForAnotherWindow() throws Exception {
        model.manageUiBaseProperty().set("manage.example");
        model.readPaths();
        assertThat(model.pathsMessageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(model.pathsMessageProperty().get().text()).contains("manage.example").contains("not an http(s) address");

        model.writePack();
        assertThat(model.packMessageProperty().get().text()).contains("Read what the recluster changed first");

        model.readChanges();
        assertThat(model.changesProperty().get()).isNotNull();
        Files.delete(file);
        model.readChanges();
        assertThat(model.changesMessageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(model.changesMessageProperty().get().text()).contains(file.toString()).contains("is not there");

        session.previewProperty().set(new PreviewSnapshot(TestReplica.GMT_WINDOW, RecordMode.DISTINCT_RECORDS,
                TestReplica.GMT_DISTINCT_RECORDS, AffectedSummary.EMPTY, null));
        assertThat(model.changesProperty().get()).isNull();
        assertThat(model.merged()).isEmpty();
        assertThat(model.changesMessageProperty().get()).isNull();
    }
}
