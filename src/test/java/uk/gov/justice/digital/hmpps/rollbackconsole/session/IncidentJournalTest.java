package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

class IncidentJournalTest {

    @TempDir
    Path folder;

    private final StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(5));

    @Test
    void everyEntryReadsBackAsWrittenWithItsTimeAndLineNumber() throws IOException {
        SampleIncident.write(folder, clock);

        JournalContents contents = new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME));

        List<JournalEntry> expected = SampleIncident.entries().stream().map(SampleIncident.Step::entry).toList();
        assertThat(contents.lines()).extracting(JournalLine::entry).containsExactlyElementsOf(expected);
        assertThat(contents.lines().get(0).at()).isEqualTo(SampleIncident.START);
        assertThat(contents.lines().get(3).at()).isEqualTo(SampleIncident.START.plusSeconds(15));
        assertThat(contents.lines()).extracting(JournalLine::number).startsWith(1L, 2L, 3L);
        assertThat(contents.note()).isEmpty();
        assertThat(contents.intactBytes()).isEqualTo(Files.size(folder.resolve(IncidentJournal.FILE_NAME)));
    }

    @Test
    void eachEntryIsOneJsonLineOnDiskWhenAppendReturns() throws IOException {
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            journal.append(new JournalEntry.IncidentStarted("0.1.0", Environment.PROD));
            // read by another handle while the journal is still open: nothing is left in a buffer
            assertThat(Files.readString(journal.file())).isEqualTo(
                    "{\"at\":\"2025-06-10T14:02:00Z\",\"type\":\"incident_started\",\"app_version\":\"0.1.0\","
                            + "\"environment\":\"PROD\"}\n");
            journal.append(new JournalEntry.Decision(DecisionKind.NOTE, null, "two lines\nof text"));
            assertThat(Files.readAllLines(journal.file())).hasSize(2);
        }
        assertThat(new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)).lines().get(1).entry())
                .isEqualTo(new JournalEntry.Decision(DecisionKind.NOTE, null, "two lines\nof text"));
    }

    @Test
    void aJournalIsNeverStartedOverAnother() throws IOException {
        IncidentJournal.create(folder, clock).close();

        assertThatThrownBy(() -> IncidentJournal.create(folder, clock)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void aPasswordInTheConnectionSettingsNeverReachesTheJournal() throws IOException {
        ConnectionSettings settings = new ConnectionSettings("replica.example", 5432, "personrecord", "reader",
                SampleIncident.PASSWORD.toCharArray(), Environment.PROD, SslMode.VERIFY_FULL, null, null);

        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            journal.append(JournalEntry.Connected.of(settings));
        }

        byte[] bytes = Files.readAllBytes(folder.resolve(IncidentJournal.FILE_NAME));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain(SampleIncident.PASSWORD).doesNotContainIgnoringCase("password")
                .contains("\"host\":\"replica.example\"", "\"port\":5432", "\"database\":\"personrecord\"",
                        "\"user\":\"reader\"", "\"sslmode\":\"verify-full\"");
        assertThat(new String(bytes, StandardCharsets.UTF_16LE)).doesNotContain(SampleIncident.PASSWORD);
    }

    @Test
    void killedMidLineAtAnyStepReopensAtThatStepAndSaysTheLastLineWasIgnored() throws IOException {
        SampleIncident.write(folder, clock);
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        List<Integer> lineEnds = lineEnds(whole);
        List<SampleIncident.Step> steps = SampleIncident.entries();
        JournalReader reader = new JournalReader();

        for (int complete = 0; complete < steps.size(); complete++) {
            int from = complete == 0 ? 0 : lineEnds.get(complete - 1) + 1;
            int nextLineLength = lineEnds.get(complete) - from + 1;
            // one byte in, half way, and everything but the newline
            for (int torn : new int[] {1, nextLineLength / 2, nextLineLength - 1}) {
                Path copy = folder.resolve("killed-" + complete + "-" + torn);
                Files.createDirectories(copy);
                Files.write(copy.resolve(IncidentJournal.FILE_NAME), java.util.Arrays.copyOf(whole, from + torn));

                JournalContents contents = reader.read(copy.resolve(IncidentJournal.FILE_NAME));
                IncidentState state = IncidentState.of(copy, contents);

                assertThat(contents.lines()).hasSize(complete);
                assertThat(contents.note()).contains("the last line was incomplete (" + torn
                        + " bytes) and was ignored");
                IncidentStep expected = complete == 0 ? IncidentStep.CONNECT : steps.get(complete - 1).step();
                assertThat(state.step()).as("stopped after %d entries", complete).isEqualTo(expected);
                assertBatchesAsJournalled(state, steps.subList(0, complete));
            }
        }
    }

    @Test
    void aBatchWhosePodDiedAndWhoseRestWentToAnotherPodCountsEveryRecordOnceAndTheDeadRunsNotFound()
            throws IOException {
        RecordKey first = new RecordKey(SourceSystem.DELIUS, "B1");
        RecordKey restFirst = new RecordKey(SourceSystem.DELIUS, "B126");
        RecordKey last = new RecordKey(SourceSystem.DELIUS, "B250");
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            journal.append(new JournalEntry.BatchesPlanned(2, 500, 250));
            journal.append(new JournalEntry.BatchSending(1, new RecordKey(SourceSystem.NOMIS, "A1"),
                    new RecordKey(SourceSystem.NOMIS, "A250"), 250));
            journal.append(new JournalEntry.BatchAnswered(1, 200, "accepted"));
            journal.append(new JournalEntry.LogMilestone(1, "ADMIN RECLUSTER: Complete."));
            journal.append(new JournalEntry.RunCounted(1, 250, 1, 0));
            journal.append(new JournalEntry.NotFoundIds(1, List.of("A7")));
            // batch 2's pod dies at recluster item 126: 125 proven done, one of them not found
            journal.append(new JournalEntry.BatchSending(2, first, last, 250));
            journal.append(new JournalEntry.BatchAnswered(2, 200, "accepted"));
            journal.append(new JournalEntry.NotFoundIds(2, List.of("B9")));
            journal.append(new JournalEntry.RunObserved(2, "LOG_ENDED", 125, "the pod's log ended"));
            // the rest, #126 to #250, to another pod
            journal.append(new JournalEntry.BatchSending(2, restFirst, last, 125));
            journal.append(new JournalEntry.BatchAnswered(2, 200, "accepted"));
            journal.append(new JournalEntry.LogMilestone(2, "ADMIN RECLUSTER: Complete."));
            journal.append(new JournalEntry.RunCounted(2, 125, 1, 0));
            journal.append(new JournalEntry.NotFoundIds(2, List.of("B200")));
        }

        IncidentState state = IncidentState.of(folder,
                new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));

        assertThat(state.sent()).extracting(BatchState::index).containsExactly(1, 2);
        assertThat(state.batch(2).orElseThrow().records()).as("the latest send holds the rest only").isEqualTo(125);
        assertThat(state.recordsSent()).as("250 + 125 proven on the dead pod + the 125 of the rest").isEqualTo(500);
        assertThat(state.notFound()).as("A7, B9 (the dead run's) and B200").isEqualTo(3);
    }

    @Test
    void aBatchSentWholeAgainAfterADecisionCountsItsRecordsOnce() throws IOException {
        RecordKey first = new RecordKey(SourceSystem.LIBRA, "L1");
        RecordKey last = new RecordKey(SourceSystem.LIBRA, "L4");
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            journal.append(new JournalEntry.BatchesPlanned(1, 4, 4));
            journal.append(new JournalEntry.BatchSending(1, first, last, 4));
            journal.append(new JournalEntry.BatchAnswered(1, null, "outcome unknown: read timed out"));
            journal.append(new JournalEntry.Decision(DecisionKind.RESEND_BATCH, 1, "the log shows no Triggered line"));
            journal.append(new JournalEntry.BatchSending(1, first, last, 4));
            journal.append(new JournalEntry.BatchAnswered(1, 200, "accepted"));
        }

        IncidentState state = IncidentState.of(folder,
                new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));

        assertThat(state.recordsSent()).isEqualTo(4);
    }

    @Test
    void aCompleteJournalOfTheSampleHasEveryBatchSentAndItsCounts() throws IOException {
        SampleIncident.write(folder, clock);

        IncidentState state = IncidentState.of(folder,
                new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));

        assertThat(state.sent()).extracting(BatchState::index).containsExactly(1, 2, 3);
        assertThat(state.batch(2).orElseThrow().attempts()).isEqualTo(2);
        assertThat(state.batch(3).orElseThrow().attempts()).isEqualTo(2);
        assertThat(state.notSent()).isEmpty();
        assertThat(state.outcomeUnknown()).isEmpty();
        assertThat(state.recordsSent()).isEqualTo(16);
        assertThat(state.notFound()).isEqualTo(1);
        assertThat(state.skipped()).isEqualTo(1);
        assertThat(state.step()).isEqualTo(IncidentStep.OUTCOME);
        assertThat(state.finished()).isFalse();
        assertThat(state.environment()).isEqualTo(Environment.PREPROD);
        assertThat(state.started()).isEqualTo(SampleIncident.START);
        assertThat(state.statisticsBefore()).isPresent();
        assertThat(state.statisticsAfter()).isPresent();
    }

    @Test
    void aBatchStartedWithoutAnAnswerIsOfUnknownOutcomeAndNotSentAgainWithoutADecision() throws IOException {
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            for (SampleIncident.Step step : SampleIncident.entries().subList(0, 11)) {
                journal.append(step.entry()); // up to batch 1 about to be sent
            }
        }
        IncidentState killed = read();
        BatchState one = killed.batch(1).orElseThrow();
        assertThat(one.outcome()).isEqualTo(BatchOutcome.OUTCOME_UNKNOWN);
        assertThat(one.mayBeSent()).isFalse();
        assertThat(one.mayHaveRun()).isTrue();
        assertThat(killed.notSent()).extracting(BatchState::index).containsExactly(2, 3);
        assertThat(killed.batch(2).orElseThrow().mayBeSent()).isTrue();

        try (IncidentJournal journal = IncidentJournal.resume(folder, clock)) {
            journal.append(new JournalEntry.Decision(DecisionKind.RESEND_BATCH, 1, "no run in the pod's log"));
        }
        assertThat(read().batch(1).orElseThrow().mayBeSent()).isTrue();
        assertThat(read().batch(1).orElseThrow().outcome()).isEqualTo(BatchOutcome.OUTCOME_UNKNOWN);
    }

    @Test
    void aRefusedBatchMayBeSentAgainButATakenOneNever() {
        assertThat(BatchOutcome.ofStatus(200)).isEqualTo(BatchOutcome.SENT);
        assertThat(BatchOutcome.ofStatus(204)).isEqualTo(BatchOutcome.SENT);
        assertThat(BatchOutcome.ofStatus(400)).isEqualTo(BatchOutcome.REJECTED);
        // a server error may come after the run was started
        assertThat(BatchOutcome.ofStatus(500)).isEqualTo(BatchOutcome.OUTCOME_UNKNOWN);
        assertThat(BatchOutcome.ofStatus(null)).isEqualTo(BatchOutcome.OUTCOME_UNKNOWN);
    }

    @Test
    void resumingCutsOffATornLineAndRecordsThatItDid() throws IOException {
        SampleIncident.write(folder, clock);
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        byte[] whole = Files.readAllBytes(file);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(c.size() - 10);
        }
        int lastLineStart = lineEnds(whole).get(SampleIncident.entries().size() - 2) + 1;
        byte[] torn = java.util.Arrays.copyOfRange(whole, lastLineStart, whole.length - 10);

        try (IncidentJournal journal = IncidentJournal.resume(folder, clock)) {
            journal.append(new JournalEntry.Decision(DecisionKind.NOTE, null, "carrying on"));
        }

        JournalContents contents = new JournalReader().read(file);
        assertThat(contents.note()).isEmpty();
        int n = contents.lines().size();
        assertThat(n).isEqualTo(SampleIncident.entries().size() - 1 + 2);
        assertThat(contents.lines().get(n - 2).entry()).isInstanceOfSatisfying(JournalEntry.Resumed.class,
                r -> assertThat(r.note()).isEqualTo("the last line was incomplete (" + torn.length
                        + " bytes) and was removed; its bytes are kept in journal-torn-1.part"));
        assertThat(contents.lines().get(n - 1).entry()).isEqualTo(new JournalEntry.Decision(DecisionKind.NOTE, null,
                "carrying on"));
        // Nothing the torn line held is lost: its bytes are beside the journal, exactly.
        assertThat(Files.readAllBytes(folder.resolve("journal-torn-1.part"))).isEqualTo(torn);
        // Every entry before it is still there, unchanged.
        assertThat(contents.lines().subList(0, n - 2)).extracting(JournalLine::entry).containsExactlyElementsOf(
                SampleIncident.entries().subList(0, SampleIncident.entries().size() - 1).stream()
                        .map(SampleIncident.Step::entry).toList());
    }

    @Test
    void resumingTwiceAfterTwoTornLinesKeepsBothTails() throws IOException {
        SampleIncident.write(folder, clock);
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        for (int round = 1; round <= 2; round++) {
            Files.write(file, "{\"at\":\"2025-06-10T15:00:00Z\",\"type\":\"dec".getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.APPEND);
            IncidentJournal.resume(folder, clock).close();
        }

        assertThat(folder.resolve("journal-torn-1.part")).hasContent("{\"at\":\"2025-06-10T15:00:00Z\",\"type\":\"dec");
        assertThat(folder.resolve("journal-torn-2.part")).hasContent("{\"at\":\"2025-06-10T15:00:00Z\",\"type\":\"dec");
        JournalContents contents = new JournalReader().read(file);
        assertThat(contents.note()).isEmpty();
        assertThat(contents.lines()).hasSize(SampleIncident.entries().size() + 2);
    }

    @Test
    void aDamagedLineOtherThanATornLastOneIsAnErrorNamingItsLine() throws IOException {
        SampleIncident.write(folder, clock);
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));

        lines.set(4, lines.get(4).substring(0, 20));
        Files.write(file, lines);
        assertThatThrownBy(() -> new JournalReader().read(file)).isInstanceOfSatisfying(JournalFormatException.class,
                e -> {
                    assertThat(e.lineNumber()).isEqualTo(5);
                    assertThat(e.getMessage()).contains("line 5 is not a journal entry");
                });

        // a complete last line that is not an entry was not torn by a kill: it is damage too
        lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4, "{\"at\":\"2025-06-10T14:02:20Z\",\"type\":\"preview\"}");
        Files.write(file, lines);
        assertThatThrownBy(() -> new JournalReader().read(file)).isInstanceOfSatisfying(JournalFormatException.class,
                e -> assertThat(e.lineNumber()).isEqualTo(5));

        Files.writeString(file, "{\"at\":\"2025-06-10T14:02:00Z\",\"type\":\"mystery\"}\n\n");
        assertThatThrownBy(() -> new JournalReader().read(file)).isInstanceOfSatisfying(JournalFormatException.class,
                e -> assertThat(e).hasMessageContaining("line 1").hasMessageContaining("unknown entry type 'mystery'"));
    }

    @Test
    void anEmptyJournalHasNoEntriesAndStopsAtConnect() throws IOException {
        IncidentJournal.create(folder, clock).close();

        IncidentState state = read();

        assertThat(state.lines()).isEmpty();
        assertThat(state.step()).isEqualTo(IncidentStep.CONNECT);
        assertThat(state.started()).isNull();
    }

    private IncidentState read() throws IOException {
        return IncidentState.of(folder, new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));
    }

    /**
     * Whatever the journal holds: a batch the service took is reported as sent, and one whose latest send has no
     * answer as of unknown outcome; neither is ever reported as unsent, nor offered for sending.
     */
    private static void assertBatchesAsJournalled(IncidentState state, List<SampleIncident.Step> written) {
        java.util.Map<Integer, JournalEntry> latest = new java.util.HashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (SampleIncident.Step step : written) {
            if (step.entry() instanceof JournalEntry.BatchSending s) {
                latest.put(s.index(), s);
            } else if (step.entry() instanceof JournalEntry.BatchAnswered a) {
                latest.put(a.index(), a);
                if (a.httpStatus() != null && a.httpStatus() == 200) {
                    taken.add(a.index());
                }
            }
        }
        latest.forEach((index, entry) -> {
            BatchState b = state.batch(index).orElseThrow();
            if (entry instanceof JournalEntry.BatchSending) {
                assertThat(b.outcome()).as("batch %d, started", index).isEqualTo(BatchOutcome.OUTCOME_UNKNOWN);
                assertThat(state.notSent()).doesNotContain(b);
            }
            if (taken.contains(index)) {
                assertThat(b.outcome()).as("batch %d, taken", index).isEqualTo(BatchOutcome.SENT);
            }
            if (b.mayHaveRun()) {
                assertThat(b.mayBeSent()).as("batch %d", index).isEqualTo(b.resendAllowed());
            }
        });
        assertThat(state.sent()).extracting(BatchState::index).containsExactlyInAnyOrderElementsOf(taken);
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
