package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.LogSettling;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The Send step's side of carrying an incident on: before anything is sent, the batches its journal saw sent but
 * never complete are settled from their pinned pod's log, in the background, and written to the journal; then the
 * carrying on is prepared again from the journal as it now stands (asking only about what the log could not tell).
 */
final class SettleBeforeSend {

    /** What was found, said in a few sentences, then the incident as it now stands. */
    record Settled(String found, IncidentState state) {
    }

    private SettleBeforeSend() {
    }

    static void run(TaskRunner tasks, WizardSession session, Kubectl kubectl, ReclusterRun.Settings settings,
                    Clock clock, Consumer<Message> message, Consumer<Settled> then) {
        if (kubectl == null) {
            message.accept(Message.error("Find the pods first: the pod's log of the batches sent but never seen"
                    + " complete is read through kubectl before anything is sent."));
            return;
        }
        IncidentRecorder incident = session.incident().orElse(null);
        if (incident == null) {
            message.accept(Message.error("This window keeps no journal: nothing can be carried on."));
            return;
        }
        message.accept(Message.info("Reading the pod's log of the batches sent but never seen complete, before"
                + " anything is sent\u2026"));
        tasks.run(() -> {
            List<String> said = new ArrayList<>();
            LogSettling.settle(incident.state(), kubectl, settings, clock, incident, said::add);
            return new Settled(String.join(" ", said), incident.state());
        }, then, error -> message.accept(Message.error("Nothing was sent: the pod's log could not be read ("
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()) + ").")));
    }
}
