package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff.CutoffStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export.ExportStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview.PreviewStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.DirectTaskRunner;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;

/** The step view-models against the embedded replica, with work run synchronously and no toolkit. */
class StepViewModelsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final WizardSession session = new WizardSession();
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final FakeDialogs dialogs = new FakeDialogs();
    private SettingsStore settings;
    private CutoffStepViewModel cutoff;
    private PreviewStepViewModel preview;
    private ExportStepViewModel export;

    @BeforeEach
    void connect() throws Exception {
        settings = new SettingsStore(dir.resolve("settings.properties"));
        cutoff = new CutoffStepViewModel(session, tasks, CLOCK, settings);
        preview = new PreviewStepViewModel(session, tasks);
        export = new ExportStepViewModel(session, tasks, dialogs, settings);
        session.replicaProperty().set(Replica.connect(TestReplica.settings()));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aValidCutoffIsCountedOnTheReplica() {
        cutoff.textProperty().set(TestReplica.CUTOFF_BST_LOCAL);
        assertThat(cutoff.validProperty().get()).isTrue();
        assertThat(cutoff.countsProperty().get()).isEqualTo(TestReplica.BST_TO_NOW_COUNTS);
        assertThat(session.cutoffProperty().get().instant()).isEqualTo(TestReplica.CUTOFF_BST);
    }

    @Test
    void theNightTheClocksGoBackIsPutToTheUserAndTheirAnswerIsUsed() {
        cutoff.textProperty().set("2025-10-26 01:30:00");
        assertThat(cutoff.inputProperty().get()).isInstanceOf(CutoffInput.Ambiguous.class);
        assertThat(cutoff.validProperty().get()).isFalse();
        assertThat(cutoff.messageProperty().get().kind()).isEqualTo(Message.Kind.WARNING);

        cutoff.chooseAmbiguous(false);
        assertThat(cutoff.validProperty().get()).isTrue();
        assertThat(session.cutoffProperty().get().instant()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
    }

    @Test
    void aTimeAfterTodayIsAcceptedWithAWarning() {
        cutoff.textProperty().set("2025-07-01 10:00:00");
        assertThat(cutoff.validProperty().get()).isTrue();
        assertThat(cutoff.warnings()).anyMatch(w -> w.contains("future"));
        cutoff.textProperty().set(TestReplica.CUTOFF_BST_LOCAL);
        assertThat(cutoff.warnings()).isEmpty();
    }

    @Test
    void pickingADateAndTimeWritesTheRunbooksForm() {
        cutoff.pick(java.time.LocalDate.of(2025, 6, 9), java.time.LocalTime.of(13, 21, 55));
        assertThat(cutoff.textProperty().get()).isEqualTo("2025-06-09 13:21:55");
        assertThat(cutoff.utcLineProperty().get()).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC,"
                        + " so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
        assertThat(session.cutoffProperty().get().instant()).isEqualTo(TestReplica.CUTOFF_BST);
    }

    @Test
    void aTimeTheClocksSkippedIsRefused() {
        cutoff.textProperty().set("2025-03-30 01:30:00");
        assertThat(cutoff.validProperty().get()).isFalse();
        assertThat(cutoff.messageProperty().get().kind()).isEqualTo(Message.Kind.ERROR);
        assertThat(cutoff.messageProperty().get().text()).contains("01:00").contains("02:00");
        assertThat(session.cutoffProperty().get()).isNull();
    }

    @Test
    void previewHoldsTheSetOfItsWindowAndTheBeforeStatistics() throws Exception {
        Instant before = session.replicaProperty().get().now();
        cutoff.textProperty().set(TestReplica.CUTOFF_BST_LOCAL);
        preview.enter();

        AffectedWindow window = preview.windowProperty().get();
        assertThat(window.cutoff()).isEqualTo(TestReplica.CUTOFF_BST);
        assertThat(window.asOf()).as("the replica's clock when the preview started").isAfterOrEqualTo(before);
        assertThat(preview.stateProperty().get()).isEqualTo(PreviewStepViewModel.State.DONE);
        assertThat(preview.rows()).hasSize((int) TestReplica.BST_TO_NOW_COUNTS.distinctRecords())
                .containsExactlyElementsOf(recordsOf(window, RecordMode.DISTINCT_RECORDS));
        assertThat(preview.summaryProperty().get().events()).isEqualTo(TestReplica.BST_TO_NOW_COUNTS.events());
        assertThat(preview.statisticsProperty().get().clustersByStatus())
                .isEqualTo(session.replicaProperty().get().clusterStatistics(window).run().clustersByStatus());
        assertThat(preview.validProperty().get()).isTrue();

        preview.modeProperty().set(RecordMode.ONE_ROW_PER_EVENT);
        assertThat(preview.rows()).hasSize((int) TestReplica.BST_TO_NOW_COUNTS.events())
                .containsExactlyElementsOf(recordsOf(preview.windowProperty().get(), RecordMode.ONE_ROW_PER_EVENT));
        // The rows are events; how many records they hold is still known, and the form is warned about.
        assertThat(preview.distinctRecordsProperty().get()).isEqualTo(TestReplica.BST_TO_NOW_COUNTS.distinctRecords());
        assertThat(preview.messageProperty().get().kind()).isEqualTo(Message.Kind.WARNING);
    }

    @Test
    void previewOfTheSeededWindowMatchesTheRunbooksAnswer() throws Exception {
        // Through the same query the preview runs, bounded at the seeded as-of: the exact rows the runbook selects.
        assertThat(recordsOf(TestReplica.BST_WINDOW, RecordMode.DISTINCT_RECORDS))
                .containsExactlyElementsOf(TestReplica.BST_DISTINCT_RECORDS);
    }

    private List<AffectedRecord> recordsOf(AffectedWindow window, RecordMode mode) throws Exception {
        List<AffectedRecord> rows = new ArrayList<>();
        session.replicaProperty().get().affectedRecords(window, mode, rows::add).run();
        return rows;
    }

    @Test
    void aNewCutoffThrowsAwayThePreviewAndTheExport() {
        cutoff.textProperty().set(TestReplica.CUTOFF_BST_LOCAL);
        preview.enter();
        export.folderProperty().set(dir.toString());
        export.export();
        assertThat(export.validProperty().get()).isTrue();

        cutoff.textProperty().set(TestReplica.CUTOFF_GMT_LOCAL);
        assertThat(preview.validProperty().get()).isFalse();
        assertThat(preview.rows()).isEmpty();
        assertThat(export.validProperty().get()).isFalse();
    }

    @Test
    void exportRefusesWhenTheReplicaNoLongerAgreesWithThePreview() throws Exception {
        cutoff.textProperty().set(TestReplica.CUTOFF_BST_LOCAL);
        preview.enter();
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            // An event inside the previewed window that was not there when the preview ran (replication lag).
            s.executeUpdate("insert into personrecordservice.event_log (source_system_id, source_system, event_type, event_timestamp)"
                    + " values ('LATE-ARRIVAL', 'NOMIS', 'CPR_RECORD_UPDATED', timestamp '2025-06-09 14:00:00')");
        }
        try {
            export.folderProperty().set(dir.toString());
            export.export();

            assertThat(export.validProperty().get()).isFalse();
            assertThat(export.messageProperty().get().text())
                    .contains("the preview had " + TestReplica.BST_TO_NOW_COUNTS.distinctRecords() + " rows from "
                            + TestReplica.BST_TO_NOW_COUNTS.events() + " events")
                    .contains("the replica now has " + (TestReplica.BST_TO_NOW_COUNTS.distinctRecords() + 1) + " rows from "
                            + (TestReplica.BST_TO_NOW_COUNTS.events() + 1) + " events")
                    .contains("Nothing was written");
            try (var listing = Files.list(dir)) {
                assertThat(listing).as("no file, no temporary file").isEmpty();
            }
        } finally {
            TestReplica.reseed();
        }
    }
}
