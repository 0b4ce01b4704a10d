package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/** Whether a journal says the recluster run is over: where a resumed incident lands, Send or Outcome. */
class IncidentStateSettledTest {

    private final List<JournalEntry> entries = new ArrayList<>(List.of(
            new JournalEntry.IncidentStarted("0.1.0", Environment.LOCAL),
            new JournalEntry.BatchesPlanned(3, 12, 5)));

    @Test
    void everyBatchSentAndSeenCompleteIsARunThatIsOver() {
        for (int i = 1; i <= 3; i++) {
            sentAndComplete(i);
        }
        IncidentState state = state();
        assertThat(state.sendFinished()).isTrue();
        assertThat(state.stoppedDuringRun()).isFalse();
        assertThat(state.unsettled()).isEmpty();
    }

    @Test
    void aBatchTheServiceTookButNeverSeenCompleteLeavesTheRunUnfinished() {
        sentAndComplete(1);
        sentAndComplete(2);
        entries.add(sending(3));
        entries.add(new JournalEntry.BatchAnswered(3, 200, "accepted"));
        IncidentState state = state();
        assertThat(state.sendFinished()).isFalse();
        assertThat(state.stoppedDuringRun()).isTrue();
        assertThat(state.unsettled()).extracting(BatchState::index).containsExactly(3);
    }

    @Test
    void aBatchOfUnknownOutcomeIsSettledOnlyByADecisionToSkipIt() {
        sentAndComplete(1);
        sentAndComplete(2);
        entries.add(sending(3));
        assertThat(state().sendFinished()).isFalse();
        entries.add(new JournalEntry.Decision(DecisionKind.SKIP_BATCH, 3, "treated as done"));
        assertThat(state().sendFinished()).isTrue();
        entries.add(new JournalEntry.Decision(DecisionKind.RESEND_BATCH, 3, "to be sent again"));
        assertThat(state().sendFinished()).as("decided again: to be sent").isFalse();
    }

    @Test
    void batchesNeverSentOrACompleteBeforeALaterSendDoNotSettleIt() {
        sentAndComplete(1);
        sentAndComplete(2);
        assertThat(state().sendFinished()).as("batch 3 of the plan never sent").isFalse();
        assertThat(state().unsettled()).extracting(BatchState::index).containsExactly(3);
        sentAndComplete(3);
        entries.add(sending(3)); // sent again: the earlier Complete says nothing of this attempt
        entries.add(new JournalEntry.BatchAnswered(3, 200, "accepted"));
        assertThat(state().sendFinished()).isFalse();
    }

    @Test
    void noPlanNoBatchesIsNotARunThatIsOver() {
        entries.remove(1);
        assertThat(state().sendFinished()).isFalse();
        assertThat(state().stoppedDuringRun()).isFalse();
    }

    private void sentAndComplete(int index) {
        entries.add(sending(index));
        entries.add(new JournalEntry.BatchAnswered(index, 200, "accepted"));
        entries.add(new JournalEntry.LogMilestone(index, "ADMIN RECLUSTER: Records Upsert Complete."));
        entries.add(new JournalEntry.LogMilestone(index, "ADMIN RECLUSTER: Complete."));
        entries.add(new JournalEntry.RunCounted(index, 4, 0, 0));
    }

    private static JournalEntry.BatchSending sending(int index) {
        return new JournalEntry.BatchSending(index, new RecordKey(SourceSystem.DELIUS, "X" + index + "00"),
                new RecordKey(SourceSystem.DELIUS, "X" + index + "03"), 4);
    }

    private IncidentState state() {
        List<JournalLine> lines = new ArrayList<>();
        Instant at = Instant.parse("2025-06-10T09:00:00Z");
        for (JournalEntry e : entries) {
            lines.add(new JournalLine(lines.size() + 1, at = at.plusSeconds(1), e));
        }
        return IncidentState.of(Path.of("incident"), new JournalContents(Path.of("incident/journal.jsonl"), lines, 0,
                0));
    }
}
