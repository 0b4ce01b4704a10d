package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunStatusTest {

    private static RunStatus.Facts going() {
        return new RunStatus.Facts(false, false, null, RunStatus.Waiting.NONE, false, false, false, 0, 0, List.of());
    }

    private static RunStatus.Facts ended(ReclusterRun.Ending ending, boolean offered, boolean undecided) {
        return new RunStatus.Facts(false, false, ending, RunStatus.Waiting.NONE, false, offered, undecided, 0, 0,
                List.of());
    }

    @Test
    void aGoingRunIsRunningUntilItWaitsIsPausedOrItsPodIsGone() {
        assertThat(RunStatus.of(going()).kind()).isEqualTo(RunStatus.Kind.RUNNING);
        assertThat(RunStatus.of(going()).tone()).isEqualTo(RunStatus.Tone.GOING);
        RunStatus forward = RunStatus.of(new RunStatus.Facts(false, false, null, RunStatus.Waiting.FORWARD, false,
                false, false, 0, 0, List.of()));
        assertThat(forward.headline()).isEqualTo("Waiting for the port-forward");
        assertThat(forward.tone()).isEqualTo(RunStatus.Tone.DECISION);
        RunStatus paused = RunStatus.of(new RunStatus.Facts(true, false, null, RunStatus.Waiting.NONE, false, false,
                false, 0, 0, List.of()));
        assertThat(paused.kind()).isEqualTo(RunStatus.Kind.PAUSED);
        assertThat(paused.action(false, false)).isEqualTo(RunStatus.Action.RESUME);
        // The pod gone outranks what the engine has not yet noticed: never "Running" beside "POD ... IS GONE".
        RunStatus gone = RunStatus.of(new RunStatus.Facts(false, false, null, RunStatus.Waiting.NONE, true, false,
                false, 0, 0, List.of()));
        assertThat(gone.headline()).isEqualTo("Pod died");
        assertThat(gone.tone()).isEqualTo(RunStatus.Tone.DANGER);
        assertThat(gone.kind().going()).isFalse();
    }

    @Test
    void dangerIsRedDecisionsAmberAndTheRecoveryLeads() {
        RunStatus died = RunStatus.of(ended(ReclusterRun.Ending.DIED, true, false));
        assertThat(died.headline()).isEqualTo("Run died");
        assertThat(died.tone()).isEqualTo(RunStatus.Tone.DANGER);
        assertThat(died.action(true, false)).isEqualTo(RunStatus.Action.SEND_THE_REST);
        assertThat(died.kind().recordsLeft()).isTrue();
        assertThat(RunStatus.of(ended(ReclusterRun.Ending.LOG_ENDED, true, false)).kind())
                .isEqualTo(RunStatus.Kind.POD_DIED);
        RunStatus unknown = RunStatus.of(ended(ReclusterRun.Ending.OUTCOME_UNKNOWN, false, true));
        assertThat(unknown.tone()).isEqualTo(RunStatus.Tone.DECISION);
        assertThat(unknown.action(false, true)).isEqualTo(RunStatus.Action.DECIDE);
        assertThat(RunStatus.of(ended(ReclusterRun.Ending.STOPPED, false, false)).kind().recordsLeft()).isTrue();
        for (ReclusterRun.Ending e : List.of(ReclusterRun.Ending.REJECTED,
                ReclusterRun.Ending.STALLED, ReclusterRun.Ending.FORWARD_LOST, ReclusterRun.Ending.FAILED)) {
            assertThat(RunStatus.of(ended(e, false, false)).tone()).as(e.name()).isEqualTo(RunStatus.Tone.DANGER);
        }
    }

    @Test
    void completeIsGreenOnlyWhenNothingWasSkippedNotFoundOrTakenOnTrust() {
        RunStatus complete = RunStatus.of(ended(ReclusterRun.Ending.COMPLETE, false, false));
        assertThat(complete.line()).isEqualTo("Complete");
        assertThat(complete.tone()).isEqualTo(RunStatus.Tone.SUCCESS);
        assertThat(complete.kind().recordsLeft()).isFalse();
        RunStatus exceptions = RunStatus.of(new RunStatus.Facts(false, false, ReclusterRun.Ending.COMPLETE,
                RunStatus.Waiting.NONE, false, false, false, 2, 1_234, List.of(2, 5)));
        assertThat(exceptions.kind()).isEqualTo(RunStatus.Kind.COMPLETE_WITH_EXCEPTIONS);
        assertThat(exceptions.tone()).isEqualTo(RunStatus.Tone.DECISION);
        assertThat(exceptions.detail()).isEqualTo("2 skipped (merged); 1,234 not found; batches 2, 5 counted as done "
                + "without their run seen");
        assertThat(exceptions.kind().recordsLeft()).isFalse();
    }
}
