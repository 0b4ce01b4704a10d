package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.util.List;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;

/**
 * The one question asked about a batch whose outcome is unknown, during a run or when carrying an incident on:
 * resend it, skip it (treat it as done), or stop. The caller words why it is asked and journals the answer.
 */
final class UnknownOutcomeQuestion {

    static final String RESEND = "Resend batch";
    static final String SKIP = "Skip batch";
    static final String STOP = "Stop";

    private UnknownOutcomeQuestion() {
    }

    /** Asks about batch {@code batch}; empty when the user decides later. */
    static Optional<DecisionKind> ask(DialogService dialogs, int batch, String question) {
        return dialogs.choose("Batch " + batch + ": outcome unknown", question,
                        List.of(RESEND + " " + batch, SKIP + " " + batch, STOP))
                .map(answer -> answer.startsWith(RESEND) ? DecisionKind.RESEND_BATCH
                        : answer.startsWith(SKIP) ? DecisionKind.SKIP_BATCH : DecisionKind.STOP);
    }
}
