package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RunAlertTest {

    private static final String POD = "hmpps-person-record-5d8f7c9b4-abcde";

    private static RunStatus going(boolean paused, boolean podGone) {
        return RunStatus.of(new RunStatus.Facts(paused, false, null, RunStatus.Waiting.NONE, podGone, false, false, 0,
                0, List.of()));
    }

    private static RunStatus ended(ReclusterRun.Ending ending, boolean undecided, long notFound) {
        return RunStatus.of(new RunStatus.Facts(false, false, ending, RunStatus.Waiting.NONE, false, false, undecided,
                0, notFound, List.of()));
    }

    @Test
    void aRunThatCompletesAlertsOnceWithItsCountsAndPod() {
        RunAlert alert = RunAlert.on(going(false, false), ended(ReclusterRun.Ending.COMPLETE, false, 0), 1_000, 1_000,
                POD).orElseThrow();
        assertThat(alert.kind()).isEqualTo(RunAlert.Kind.COMPLETE);
        assertThat(alert.title()).isEqualTo("Recluster run complete");
        assertThat(alert.text()).isEqualTo("Complete. 1,000 of 1,000 records done, on pod " + POD + ".");
        // Still complete: no second alert.
        assertThat(RunAlert.on(ended(ReclusterRun.Ending.COMPLETE, false, 0), ended(ReclusterRun.Ending.COMPLETE,
                false, 0), 1_000, 1_000, POD)).isEmpty();
    }

    @Test
    void completeWithExceptionsIsACompletionThatSaysWhat() {
        RunAlert alert = RunAlert.on(going(false, false), ended(ReclusterRun.Ending.COMPLETE, false, 3), 10, 10, POD)
                .orElseThrow();
        assertThat(alert.kind()).isEqualTo(RunAlert.Kind.COMPLETE);
        assertThat(alert.text()).startsWith("Complete, with exceptions: 3 not found. 10 of 10 records done");
    }

    @Test
    void everyFailureOfTheRunAlertsAsAFailure() {
        for (ReclusterRun.Ending ending : List.of(ReclusterRun.Ending.DIED, ReclusterRun.Ending.STALLED,
                ReclusterRun.Ending.FORWARD_LOST, ReclusterRun.Ending.REJECTED,
                ReclusterRun.Ending.FAILED)) {
            RunAlert alert = RunAlert.on(going(false, false), ended(ending, false, 0), 4, 10, POD).orElseThrow();
            assertThat(alert.kind()).as(ending.name()).isEqualTo(RunAlert.Kind.FAILED);
            assertThat(alert.title()).isEqualTo("Recluster run failed");
            assertThat(alert.text()).as(ending.name()).contains("4 of 10 records done, on pod " + POD);
        }
        assertThat(RunAlert.on(going(false, false), ended(ReclusterRun.Ending.DIED, false, 0), 4, 10, POD)
                .orElseThrow().text()).startsWith("Run died: the service's run ended with an exception.");
    }

    @Test
    void aPodThatDiesOrABatchOfUnknownOutcomeAsksForADecisionOnce() {
        RunStatus died = going(false, true);
        RunAlert alert = RunAlert.on(going(false, false), died, 1, 10, POD).orElseThrow();
        assertThat(alert.kind()).isEqualTo(RunAlert.Kind.DECISION);
        assertThat(alert.title()).isEqualTo("Recluster run needs a decision");
        assertThat(alert.text()).startsWith("Pod died: its log has ended.");
        // The engine notices the log's end after the pod's loss is seen: the same state, no second alert.
        assertThat(RunAlert.on(died, ended(ReclusterRun.Ending.LOG_ENDED, false, 0), 1, 10, POD)).isEmpty();
        assertThat(RunAlert.on(going(false, false), ended(ReclusterRun.Ending.OUTCOME_UNKNOWN, true, 0), 4, 10, POD)
                .orElseThrow().kind()).isEqualTo(RunAlert.Kind.DECISION);
    }

    @Test
    void theLeadsOwnPauseOrStopAndAFirstStateSeenAreNotNews() {
        assertThat(RunAlert.on(going(false, false), going(true, false), 1, 10, POD)).isEmpty();
        assertThat(RunAlert.on(going(false, false), ended(ReclusterRun.Ending.STOPPED, false, 0), 1, 10, POD))
                .isEmpty();
        assertThat(RunAlert.on(null, ended(ReclusterRun.Ending.DIED, false, 0), 1, 10, POD)).isEmpty();
        // Resumed and ended: news again.
        assertThat(RunAlert.on(going(true, false), ended(ReclusterRun.Ending.COMPLETE, false, 0), 10, 10, ""))
                .hasValueSatisfying(a -> assertThat(a.text()).isEqualTo("Complete. 10 of 10 records done."));
    }
}
