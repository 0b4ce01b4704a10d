package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.SampleIncident;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.StepClock;

/** Carrying an incident on: its own journal, appended to, never a new one; and no batch sent when told not to. */
class IncidentRecorderResumeTest {

    @TempDir
    Path root;

    private final StepClock clock = new StepClock(SampleIncident.START, Duration.ofSeconds(7));
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aResumedIncidentsEntriesGoIntoItsOwnJournalAfterATornLine() throws IOException {
        Path folder = root.resolve("2025-06-10T14-02-00Z-preprod");
        List<SampleIncident.Step> steps = SampleIncident.entries();
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            for (SampleIncident.Step step : steps.subList(0, 9)) {
                journal.append(step.entry());
            }
        }
        Path file = folder.resolve(IncidentJournal.FILE_NAME);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(c.size() - 5); // killed while writing the pod chosen
        }

        IncidentStore store = new IncidentStore(root, clock);
        try (IncidentRecorder recorder = new IncidentRecorder(store, "0.2.0", failures::add)) {
            IncidentState state = recorder.resume(folder);
            assertThat(state.step()).isEqualTo(IncidentStep.EXPORT);
            assertThat(state.lines().get(state.lines().size() - 1).entry()).isInstanceOf(JournalEntry.Resumed.class);
            // A connection after resuming joins the same incident: no second folder.
            recorder.start(Environment.PREPROD);
            recorder.record(steps.get(8).entry());
            recorder.recordNow(steps.get(9).entry());
            assertThat(recorder.folder()).contains(folder);
        }

        try (var folders = Files.list(root)) {
            assertThat(folders.toList()).containsExactly(folder);
        }
        JournalContents contents = new JournalReader().read(file);
        assertThat(contents.note()).as("no torn line left").isEmpty();
        List<JournalEntry> expected = new ArrayList<>(steps.subList(0, 8).stream().map(SampleIncident.Step::entry).toList());
        assertThat(contents.lines().subList(0, 8)).extracting(JournalLine::entry).containsExactlyElementsOf(expected);
        assertThat(contents.lines().get(8).entry()).isInstanceOf(JournalEntry.Resumed.class);
        assertThat(contents.lines().subList(9, 11)).extracting(JournalLine::entry)
                .containsExactly(steps.get(8).entry(), steps.get(9).entry());
        assertThat(folder.resolve("journal-torn-1.part")).exists();
        assertThat(failures).isEmpty();
    }

    @Test
    void anEntryRecordedAfterTheWindowClosedTheIncidentIsSaidNotThrownIntoTheReadingThatFinishedLate()
            throws IOException {
        IncidentStore store = new IncidentStore(root, clock);
        IncidentRecorder recorder = new IncidentRecorder(store, "0.2.0", failures::add);
        recorder.start(Environment.DEV);
        recorder.close();

        recorder.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "the needs-attention job did not run"));

        assertThat(failures).containsExactly("The incident journal was already closed; decision was not recorded.");
    }

    @Test
    void noBatchIsRecordedAsAboutToBeSentWhileBatchesAreRefused() throws IOException {
        Path folder = root.resolve("incident");
        SampleIncident.write(folder, clock);
        long before = Files.size(folder.resolve(IncidentJournal.FILE_NAME));
        try (IncidentRecorder recorder = new IncidentRecorder(new IncidentStore(root, clock), "0.2.0", failures::add)) {
            recorder.resume(folder);
            recorder.refuseBatches("batches were sent before this incident was resumed");
            JournalEntry.BatchSending batch = new JournalEntry.BatchSending(1,
                    new RecordKey(SourceSystem.NOMIS, "A1001AA"), new RecordKey(SourceSystem.NOMIS, "A1020AA"), 4);

            assertThatThrownBy(() -> recorder.recordNow(batch)).isInstanceOf(IOException.class)
                    .hasMessage("batches were sent before this incident was resumed");
            // Other entries are still recorded.
            recorder.recordNow(new JournalEntry.Decision(DecisionKind.NOTE, null, "carrying on"));

            IncidentState state = recorder.state();
            assertThat(state.batches()).hasSize(3).allSatisfy(b -> assertThat(b.attempts()).isEqualTo(2 - (b.index() == 1 ? 1 : 0)));
            assertThat(state.lines().get(state.lines().size() - 1).entry())
                    .isEqualTo(new JournalEntry.Decision(DecisionKind.NOTE, null, "carrying on"));
        }
        assertThat(Files.size(folder.resolve(IncidentJournal.FILE_NAME))).isGreaterThan(before);
    }

    @Test
    void aWindowThatHasAnIncidentDoesNotTakeOnAnother() throws IOException {
        Path earlier = root.resolve("earlier");
        SampleIncident.write(earlier, clock);
        byte[] journal = Files.readAllBytes(earlier.resolve(IncidentJournal.FILE_NAME));
        try (IncidentRecorder recorder = new IncidentRecorder(new IncidentStore(root, clock), "0.2.0", failures::add)) {
            recorder.start(Environment.DEV);
            recorder.flush();

            assertThatThrownBy(() -> recorder.resume(earlier)).isInstanceOf(IOException.class)
                    .hasMessageContaining("this window has an incident already");
        }
        assertThat(Files.readAllBytes(earlier.resolve(IncidentJournal.FILE_NAME))).isEqualTo(journal);
    }

    @Test
    void theListSaysHowManyBatchesWereSentOfUnknownOutcomeAndNotSent() throws IOException {
        Path folder = root.resolve("2025-06-10T14-02-00Z-preprod");
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            // batch 1 taken, batch 2 refused, then batch 3 about to be sent: 1 sent, 1 not sent, 1 unknown
            for (SampleIncident.Step step : SampleIncident.entries().subList(0, 18)) {
                journal.append(step.entry());
            }
            journal.append(SampleIncident.entries().get(21).entry());
        }

        IncidentSummary s = new IncidentStore(root, clock).recent(5).get(0);

        assertThat(s.sent()).isEqualTo(1);
        assertThat(s.unknown()).isEqualTo(1);
        assertThat(s.notSent()).isEqualTo(1);
        assertThat(s.batchesText()).isEqualTo("1 sent, 1 unknown, 1 not sent");
        assertThat(s.resumable()).isTrue();
    }
}
