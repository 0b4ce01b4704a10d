package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalContents;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedPersonRecordService;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/**
 * An incident killed at each step, resumed in a new window. The journal is the one a real run writes: the steps
 * up to the export are walked in a window over the embedded replica, the send's entries are those the Send step
 * journals for each batch. It is then cut after each step, whole and with its next line torn.
 */
class ResumeWindowTest extends ConsoleWindowTest {

    /** A place to cut the journal: after the last line {@code cutAfter} accepts; where the window should land. */
    private record Cut(String name, Predicate<JournalEntry> cutAfter, int landsBeforeConnecting,
                       int landsAfterConnecting) {
    }

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";

    private static final List<Cut> CUTS = List.of(
            new Cut("connected", e -> e instanceof JournalEntry.Connected, 0, 0),
            new Cut("deployment time set", e -> e instanceof JournalEntry.CutoffSet, 0, 1),
            new Cut("previewed", e -> e instanceof JournalEntry.StatisticsTaken, 0, 2),
            new Cut("exported", e -> e instanceof JournalEntry.Exported, 0, 3),
            new Cut("batch 1 sent", e -> e instanceof JournalEntry.BatchAnswered, 4, -1),
            new Cut("batch 1 run", e -> e instanceof JournalEntry.RunCounted, 4, -1));

    @Test
    void killedAtEachStepAndResumedTheWindowLandsThereWithWhatWasChosen(FxRobot robot) throws Exception {
        Path exported = walkToExport(robot);
        byte[] journal = realJournalWithBatchOneSentAndTwoStarted(exported);
        List<JournalLine> lines = new JournalReader().read(write(dir.resolve("whole"), journal)).lines();
        List<Integer> ends = lineEnds(journal);
        // Only one window at a time: the screen's lookups would otherwise find either window's fields.
        closeThisWindow();

        for (Cut cut : CUTS) {
            int last = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (cut.cutAfter().test(lines.get(i).entry())) {
                    last = i;
                    break;
                }
            }
            assertThat(last).as(cut.name()).isNotNegative();
            int length = ends.get(last) + 1;
            int nextLength = ends.get(last + 1) - length + 1;
            for (int torn : new int[] {0, nextLength / 2}) {
                String name = cut.name() + (torn > 0 ? ", torn" : "");
                Path folder = incidents.resolve("2025-06-10T09-00-00Z-local-" + name.replace(' ', '-').replace(",", ""));
                write(folder, Arrays.copyOf(journal, length + torn));
                List<JournalEntry> kept = lines.subList(0, last + 1).stream().map(JournalLine::entry).toList();

                openAnotherWindow();
                try {
                    dialogs.confirmAnswer = true;
                    robot.interact(() -> console.resume(folder));
                    waitUntil(() -> console.session().resumedProperty().get() != null);

                    assertThat(console.wizard().currentIndexProperty().get()).as(name).isEqualTo(cut.landsBeforeConnecting());
                    assertThat(text(robot, "#status")).as(name).startsWith("Resumed the incident started ");
                    if (torn > 0) {
                        assertThat(text(robot, "#status")).contains("the last line was incomplete (" + torn
                                + " bytes) and was removed; its bytes are kept in journal-torn-1.part");
                        assertThat(Files.readAllBytes(folder.resolve("journal-torn-1.part")))
                                .isEqualTo(Arrays.copyOfRange(journal, length, length + torn));
                    }
                    if (cut.landsAfterConnecting() >= 0) {
                        assertConnectionRestored(robot, name);
                        if (cut.name().equals("connected") && torn == 0) {
                            screenshot("63-resumed-connect");
                        }
                        robot.clickOn("#connect");
                        waitUntil(() -> text(robot, "#server-version").startsWith("PostgreSQL"));
                        robot.clickOn("#acknowledge-primary");
                        waitUntil(() -> console.wizard().currentIndexProperty().get() == cut.landsAfterConnecting()
                                && !console.wizard().currentBusyProperty().get());
                        if (cut.landsAfterConnecting() >= 1) {
                            assertThat(console.session().cutoffProperty().get().typed()).isEqualTo(TestReplica.CUTOFF_BST_LOCAL);
                            assertThat(console.session().cutoffProperty().get().instant()).isEqualTo(TestReplica.CUTOFF_BST);
                        }
                        if (cut.landsAfterConnecting() == 1) {
                            assertThat(text(robot, "#cutoff-text")).isEqualTo(TestReplica.CUTOFF_BST_LOCAL);
                            assertThat(text(robot, "#cutoff-utc")).contains("2025-06-09 12:21:55 UTC");
                            assertThat(text(robot, "#cutoff-message")).startsWith("Resumed: the deployment time as this incident typed it");
                        }
                        if (cut.landsAfterConnecting() >= 2) {
                            // The preview is taken again over the window the incident previewed, not up to now.
                            AffectedWindow previewed = kept.stream().filter(JournalEntry.PreviewTaken.class::isInstance)
                                    .map(e -> ((JournalEntry.PreviewTaken) e).window()).findFirst().orElseThrow();
                            waitUntil(() -> console.session().previewProperty().get() != null);
                            assertThat(console.session().previewProperty().get().window()).as(name).isEqualTo(previewed);
                        }
                        if (cut.landsAfterConnecting() == 2) {
                            assertThat(rows(robot, "#records-table")).isEqualTo(
                                    (int) TestReplica.BST_TO_NOW_COUNTS.distinctRecords());
                        }
                        if (cut.landsAfterConnecting() == 3) {
                            assertThat(text(robot, "#export-message")).contains(exported.toString())
                                    .contains("It is still there, unchanged");
                            assertThat(text(robot, "#export-file-name")).isEqualTo(exported.getFileName().toString());
                            if (torn == 0) {
                                screenshot("64-resumed-export");
                            }
                        }
                    } else {
                        // The exported file, checked again, goes to the Send step as it is: no connection needed.
                        assertThat(text(robot, "#send-records")).isEqualTo(Long.toString(
                                TestReplica.BST_TO_NOW_COUNTS.distinctRecords()));
                        // The Send step carries on with the batches never sent: batch 1 is left out.
                        assertThat(text(robot, "#send-message")).as(name).contains("Carrying on incident")
                                .contains("Batches 1 are not sent again")
                                .startsWith("This incident stopped during the recluster run.");
                        // The status bar says so too, and what the run left.
                        assertThat(text(robot, "#status")).as(name).startsWith("Resumed the incident started ").contains(", stopped during the recluster run; left: "
                                + (cut.name().equals("batch 1 run") ? "" : "batch 1 taken by the service but never seen "
                                + "complete (its pod's log settles it before anything is sent); ") + "batches 2, 3, 4 not sent."
                                + " The Send step carries on with "
                                + "what is left. Batches: 1 sent, 0 of unknown outcome, 3 not sent.");
                        if (cut.name().equals("batch 1 run") && torn == 0) {
                            screenshot("65a-resumed-during-run");
                        }
                        assertThat(console.session().incident().orElseThrow().batchesRefused()).isEmpty();
                    }

                    // The same incident's journal, carried on: everything kept, no torn line, new entries after it.
                    console.session().incident().orElseThrow().flush();
                    JournalContents after = new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME));
                    assertThat(after.note()).as(name).isEmpty();
                    assertThat(after.lines().subList(0, kept.size())).extracting(JournalLine::entry)
                            .containsExactlyElementsOf(kept);
                    assertThat(after.lines().get(kept.size()).entry()).isInstanceOf(JournalEntry.Resumed.class);
                    if (cut.landsAfterConnecting() >= 0) {
                        assertThat(after.lines().subList(kept.size() + 1, after.lines().size()))
                                .extracting(JournalLine::entry).anySatisfy(e ->
                                        assertThat(e).isInstanceOf(JournalEntry.Connected.class));
                    }
                    if (cut.landsAfterConnecting() >= 2) {
                        // The preview taken again over the journalled window is no second "before".
                        assertThat(after.lines().subList(kept.size() + 1, after.lines().size()))
                                .extracting(JournalLine::entry).as(name).noneMatch(e ->
                                        e instanceof JournalEntry.StatisticsTaken t && t.phase() == JournalEntry.Phase.BEFORE);
                    }
                    assertThat(console.session().incident().orElseThrow().folder()).contains(folder);
                } finally {
                    closeThisWindow();
                }
            }
        }
        openAnotherWindow(); // for the test's own closing
        // One folder per incident: the first walk's, and one per resumed copy; resuming never made another.
        try (var folders = Files.list(incidents)) {
            assertThat(folders.count()).isEqualTo(1 + CUTS.size() * 2L);
        }
    }

    @Test
    void aResumedIncidentSendsOnlyTheBatchesNeverSentAndNeverTheOneTheServiceTook(FxRobot robot) throws Exception {
        Path exported = walkToExport(robot);
        byte[] journal = realJournalWithBatchOneSentAndTwoStarted(exported);
        List<Batch> batches = batchesOfFive(exported);
        closeThisWindow();
        List<JournalLine> lines = new JournalReader().read(write(dir.resolve("whole"), journal)).lines();
        int answered = 0;
        while (!(lines.get(answered).entry() instanceof JournalEntry.BatchAnswered)) {
            answered++;
        }
        Path folder = incidents.resolve("2025-06-10T09-00-00Z-local-2");
        write(folder, Arrays.copyOf(journal, lineEnds(journal).get(answered) + 1));
        SimulatedPersonRecordService service = SimulatedPersonRecordService.start(dir.resolve("pod.log"))
                .perRecord(Duration.ofMillis(10));
        try {
            SimulatedCluster cluster = SimulatedCluster.create(dir.resolve("cluster")).deployment()
                    .servicePod(POD).forwardTo(service.port()).podLog(POD, service.logFile());
            // What pod's log holds of batch 1: the service took it and finished it after the console went.
            service.logOther("ADMIN RECLUSTER:  Triggered. Number of records: 5.");
            service.logOther("ADMIN RECLUSTER:  Complete.");
            openAnotherWindow();
            dialogs.confirmAnswer = true;
            robot.interact(() -> console.resume(folder));
            waitUntil(() -> console.wizard().currentIndexProperty().get() == 4);
            assertThat(text(robot, "#status")).contains("stopped during the recluster run; left: batch 1 taken by the "
                    + "service but never seen complete").contains("Batches: 1 sent, 0 of unknown outcome")
                    .doesNotContain("Nothing more is sent from this window");
            assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).startsWith("Resume this incident?"));
            assertThat(text(robot, "#send-message")).contains("Carrying on incident")
                    .contains("Batches 1 are not sent again");

            forwardToTheFirstPod(robot, cluster, 1);
            // The file is cut as the first run cut it: the journal's batch size, not one to choose.
            assertThat(text(robot, "#batch-size")).isEqualTo("5");
            assertThat(robot.lookup("#batch-size").query().isDisabled()).isTrue();
            screenshot("65-resumed-send");
            // Batch 1 was taken and never seen complete: on Send, its pod's log is read first and settles it.
            robot.interact(() -> robot.lookup("#send").queryButton().fire());
            try {
                waitUntil(() -> text(robot, "#send-message").contains("Batch 1: pod " + POD + "'s log shows batch 1's"
                        + " run complete"));
            } catch (AssertionError e) {
                throw new AssertionError("the Send step says: " + text(robot, "#send-message"), e);
            }
            assertThat(service.reclusterRequests()).isZero();
            robot.interact(() -> robot.lookup("#send").queryButton().fire());
            waitUntil(() -> dialogs.asked.stream().anyMatch(q -> q.startsWith("Send ")));
            assertThat(dialogs.asked).anySatisfy(q -> assertThat(q).contains("only batches 2, 3, 4 of 4 are sent")
                    .contains("batches 1 were sent before and are not sent again"));
            waitUntil(() -> console.wizard().currentIndexProperty().get() == 5
                    && text(robot, "#progress-message").contains("Complete"));
            screenshot("66-resumed-send-carried-on");

            // The service saw batches 2 to 4 once each, and never a record of batch 1.
            assertThat(service.reclusterRequests()).isEqualTo(batches.size() - 1);
            List<String> received = new ArrayList<>();
            service.acceptedBodies().forEach(body -> body.forEach(r -> received.add(r.get("source_system_id").asText())));
            List<String> expected = new ArrayList<>();
            batches.subList(1, batches.size()).forEach(b -> b.records().forEach(k -> expected.add(k.sourceSystemId())));
            assertThat(received).containsExactlyElementsOf(expected);
            console.session().incident().orElseThrow().flush();
            List<JournalLine> after = new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)).lines();
            assertThat(after.subList(answered + 1, after.size())).extracting(JournalLine::entry)
                    .filteredOn(e -> e instanceof JournalEntry.BatchSending)
                    .extracting(e -> ((JournalEntry.BatchSending) e).index()).containsExactly(2, 3, 4);
            var state = console.session().incident().orElseThrow().state();
            assertThat(state.sent()).hasSize(batches.size());
            assertThat(state.batch(1).orElseThrow().attempts()).isEqualTo(1);
        } finally {
            service.close();
        }
    }

    @Test
    void anExportedFileChangedSinceIsNotOfferedToTheSendStep(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("affected-records-local-2025-06-09T12-21-55Z.json"),
                "[{\"source_system\":\"DELIUS\",\"source_system_id\":\"X100012\"}]\n");
        String sha = uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256.of(file);
        Path folder = incidents.resolve("2025-06-10T09-00-00Z-local");
        var s = TestReplica.settings();
        try (IncidentJournal j = IncidentJournal.create(folder, new StepClock(Instant.parse("2025-06-10T09:00:00Z"),
                Duration.ofSeconds(5)))) {
            j.append(new JournalEntry.IncidentStarted("0.1.0", uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.LOCAL));
            j.append(JournalEntry.Connected.of(s));
            j.append(new JournalEntry.CutoffSet(TestReplica.CUTOFF_BST_LOCAL, "Europe/London",
                    java.time.LocalDateTime.parse("2025-06-09T13:21:55"), TestReplica.CUTOFF_BST));
            j.append(new JournalEntry.Exported(file, sha, 1));
            j.append(new JournalEntry.PodChosen(SimulatedCluster.NAMESPACE, POD));
        }
        Files.writeString(file, "[{\"source_system\":\"DELIUS\",\"source_system_id\":\"X100013\"}]\n");

        dialogs.confirmAnswer = true;
        robot.interact(() -> console.resume(folder));
        waitUntil(() -> console.session().resumedProperty().get() != null);

        assertThat(text(robot, "#status")).contains("stopped at Send").contains("The exported file " + file
                + " has changed since it was exported.");
        assertThat(console.session().reviewedFileProperty().get()).isNull();
        assertThat(console.wizard().currentIndexProperty().get()).as("connect first, then export again").isZero();
        assertThat(robot.lookup("#step-5").queryButton().isDisabled()).isTrue();
        assertThat(console.session().incident().orElseThrow().batchesRefused()).as("no batch may have run").isEmpty();
    }

    @Test
    void anIncidentWhoseEveryBatchRanLandsOnOutcomeAfterConnectingAndItsReportListsTheJournalledBatches(FxRobot robot)
            throws Exception {
        Path exported = walkToExport(robot);
        List<Batch> batches = batchesOfFive(exported);
        byte[] journal = realJournalWithEveryBatchRun(exported, batches);
        closeThisWindow();
        Path folder = incidents.resolve("2025-06-10T09-00-00Z-local-run-over");
        write(folder, journal);
        List<JournalEntry> kept = new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)).lines().stream()
                .map(JournalLine::entry).toList();
        AffectedWindow previewed = kept.stream().filter(JournalEntry.PreviewTaken.class::isInstance)
                .map(e -> ((JournalEntry.PreviewTaken) e).window()).findFirst().orElseThrow();
        var before = kept.stream().filter(JournalEntry.StatisticsTaken.class::isInstance)
                .map(e -> (JournalEntry.StatisticsTaken) e).filter(e -> e.phase() == JournalEntry.Phase.BEFORE)
                .findFirst().orElseThrow().statistics();

        openAnotherWindow();
        try {
            dialogs.confirmAnswer = true;
            robot.interact(() -> console.resume(folder));
            waitUntil(() -> console.session().resumedProperty().get() != null);
            // Nothing is left to send: the file is not offered to the Send step, the password is asked for first.
            assertThat(console.wizard().currentIndexProperty().get()).isZero();
            assertThat(text(robot, "#status")).contains("stopped at Progress. Batches: " + batches.size() + " sent")
                    .contains("The recluster run was over: every batch is settled.")
                    .contains("goes on to Outcome");
            assertThat(console.session().reviewedFileProperty().get()).isNull();

            robot.clickOn("#connect");
            waitUntil(() -> text(robot, "#server-version").startsWith("PostgreSQL"));
            robot.clickOn("#acknowledge-primary");
            waitUntil(() -> console.wizard().currentIndexProperty().get() == 6
                    && text(robot, "#statistics-message").startsWith("Taken at"));
            assertThat(text(robot, "#status")).startsWith("After statistics taken over the window the resumed incident");

            // The preview was taken again over the journalled window, and the after statistics over the same one.
            assertThat(console.session().previewProperty().get().window()).isEqualTo(previewed);
            assertThat(text(robot, "#outcome-window")).contains("2025-06-09 12:21:55 UTC")
                    .contains(OUTCOME_TIME.format(previewed.asOf()));
            assertThat(text(robot, "#statistics-message")).contains("clusters need attention");
            assertThat(rows(robot, "#comparison-table")).isPositive();
            assertThat(text(robot, "#report-message")).contains("all " + batches.size() + " batches are settled");
            screenshot("67-resumed-outcome");
            console.session().incident().orElseThrow().flush();
            var journalled = new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)).lines().stream()
                    .map(JournalLine::entry).filter(JournalEntry.StatisticsTaken.class::isInstance)
                    .map(e -> (JournalEntry.StatisticsTaken) e).toList();
            assertThat(journalled).last().satisfies(e -> assertThat(e.phase()).isEqualTo(JournalEntry.Phase.AFTER));
            // Compared with the statistics the incident took before any batch went, as its journal has them.
            var outcome = console.outcome();
            assertThat(console.wizard().currentStep().title()).isEqualTo("Outcome");
            assertThat(((uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeStep) console.wizard()
                    .currentStep()).model().beforeProperty().get()).isEqualTo(before);
            assertThat(outcome.showing()).isFalse();

            robot.interact(() -> robot.lookup("#outcome-tabs").queryAs(javafx.scene.control.TabPane.class)
                    .getSelectionModel().select(2));
            robot.clickOn("#write-report");
            waitUntil(() -> text(robot, "#report-message").startsWith("Report written to "));
            String markdown = Files.readString(folder.resolve(
                    uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter.MARKDOWN_NAME));
            for (Batch b : batches) {
                assertThat(markdown).as("batch " + b.number()).contains("| " + b.number() + " | ")
                        .contains(b.records().get(0).sourceSystemId());
            }
            assertThat(markdown).contains("Batches: " + batches.size() + " of " + batches.size() + " sent");

            // Back goes to a step that can be entered (no run in this window: Progress cannot), not nowhere.
            robot.clickOn("#back");
            assertThat(console.wizard().currentIndexProperty().get()).isLessThan(5);
        } finally {
            closeThisWindow();
        }
        openAnotherWindow(); // for the test's own closing
    }

    private static final java.time.format.DateTimeFormatter OUTCOME_TIME = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", java.util.Locale.UK).withZone(java.time.ZoneOffset.UTC);

    /** The walked journal, then every batch of the file sent, answered, seen complete and counted. */
    private byte[] realJournalWithEveryBatchRun(Path exported, List<Batch> batches) throws Exception {
        Path walked = console.session().incident().orElseThrow().folder().orElseThrow();
        byte[] before = Files.readAllBytes(walked.resolve(IncidentJournal.FILE_NAME));
        Path scratch = dir.resolve("send-entries-all");
        try (IncidentJournal j = IncidentJournal.create(scratch, new StepClock(Instant.parse("2025-06-10T09:20:00Z"),
                Duration.ofSeconds(3)))) {
            j.append(new JournalEntry.PodChosen(SimulatedCluster.NAMESPACE, POD));
            j.append(new JournalEntry.BatchesPlanned(batches.size(), TestReplica.BST_TO_NOW_COUNTS.distinctRecords(), 5));
            for (Batch b : batches) {
                j.append(sending(b));
                j.append(new JournalEntry.BatchAnswered(b.number(), 200, "accepted"));
                j.append(new JournalEntry.LogMilestone(b.number(), "ADMIN RECLUSTER: Complete."));
                j.append(new JournalEntry.RunCounted(b.number(), b.size(), 0, 0));
            }
        }
        byte[] send = Files.readAllBytes(scratch.resolve(IncidentJournal.FILE_NAME));
        byte[] all = Arrays.copyOf(before, before.length + send.length);
        System.arraycopy(send, 0, all, before.length, send.length);
        assertThat(exported).exists();
        return all;
    }

    private void assertConnectionRestored(FxRobot robot, String name) {
        var s = TestReplica.settings();
        assertThat(text(robot, "#host")).as(name).isEqualTo(s.host());
        assertThat(text(robot, "#port")).isEqualTo(Integer.toString(s.port()));
        assertThat(text(robot, "#database")).isEqualTo(s.database());
        assertThat(text(robot, "#user")).isEqualTo(s.user());
        assertThat(robot.lookup("#password").queryAs(TextInputControl.class).getText()).isEmpty();
        assertThat(text(robot, "#connect-message")).contains("The password is never kept: type it again");
    }

    /** Connect, deployment time, preview and export, in the window, as the incident lead does them. */
    private Path walkToExport(FxRobot robot) throws Exception {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));
        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        robot.clickOn("#export");
        waitUntil(() -> text(robot, "#export-message").contains("verified"));
        console.session().incident().orElseThrow().flush();
        return console.session().exportProperty().get().file();
    }

    /**
     * The walked journal, then what the Send step journals for the exported file cut into batches of 5: the pod,
     * batch 1 sent and run, batch 2 started.
     */
    private byte[] realJournalWithBatchOneSentAndTwoStarted(Path exported) throws Exception {
        Path walked = console.session().incident().orElseThrow().folder().orElseThrow();
        byte[] before = Files.readAllBytes(walked.resolve(IncidentJournal.FILE_NAME));
        List<Batch> batches = batchesOfFive(exported);
        Path scratch = dir.resolve("send-entries");
        try (IncidentJournal j = IncidentJournal.create(scratch, new StepClock(Instant.parse("2025-06-10T09:20:00Z"),
                Duration.ofSeconds(3)))) {
            j.append(new JournalEntry.PodChosen(SimulatedCluster.NAMESPACE, POD));
            j.append(new JournalEntry.BatchesPlanned(batches.size(), TestReplica.BST_TO_NOW_COUNTS.distinctRecords(), 5));
            j.append(sending(batches.get(0)));
            j.append(new JournalEntry.BatchAnswered(1, 200, "accepted"));
            j.append(new JournalEntry.LogMilestone(1, "ADMIN RECLUSTER: Complete."));
            j.append(new JournalEntry.RunCounted(1, 5, 0, 0));
            j.append(sending(batches.get(1)));
        }
        byte[] send = Files.readAllBytes(scratch.resolve(IncidentJournal.FILE_NAME));
        byte[] all = Arrays.copyOf(before, before.length + send.length);
        System.arraycopy(send, 0, all, before.length, send.length);
        assertThat(exported).exists();
        return all;
    }

    private static List<Batch> batchesOfFive(Path file) throws Exception {
        List<Batch> batches = new ArrayList<>();
        try (ReclusterBatches b = ReclusterBatches.open(file, 5, ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (var next = b.next(); next.isPresent(); next = b.next()) {
                batches.add(next.get());
            }
        }
        return batches;
    }

    private static JournalEntry.BatchSending sending(Batch batch) {
        return new JournalEntry.BatchSending(batch.number(), batch.records().get(0),
                batch.records().get(batch.size() - 1), batch.size());
    }

    private void openAnotherWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            SettingsStore settings = new SettingsStore(dir.resolve("settings-" + System.nanoTime() + ".properties"));
            settings.put("incidents.root", incidents.toString());
            settings.put("processes.root", dir.resolve(".processes").toString());
            console = App.Console.open(stage, settings, DAY_AFTER_DEPLOYMENT, dialogs);
            stage.show();
            stage.toFront();
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void closeThisWindow() throws Exception {
        App.Console c = console;
        Stage s = stage;
        WaitForAsyncUtils.asyncFx(() -> {
            c.close();
            s.close();
        }).get(10, TimeUnit.SECONDS);
    }

    private static Path write(Path folder, byte[] journal) throws Exception {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(IncidentJournal.FILE_NAME), journal);
    }

    private static List<Integer> lineEnds(byte[] bytes) {
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                ends.add(i);
            }
        }
        return ends;
    }
}
