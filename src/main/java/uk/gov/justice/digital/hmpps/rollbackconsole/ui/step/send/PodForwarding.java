package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.PodLink;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * The one port-forward the Send step keeps up (health-probed, through {@link PodLink}), what it says about it, and
 * a run's wait for a new one to come up before the run carries on on that forward's pod. Its state is the UI
 * thread's; the forward reports from its own thread and is heard on the UI thread.
 */
final class PodForwarding implements AutoCloseable {

    private final WizardSession session;
    private final TaskRunner tasks;
    private final ReclusterClient client;
    private final Clock clock;
    private final Consumer<String> podChosen;

    private final ReadOnlyObjectWrapper<List<String>> command = new ReadOnlyObjectWrapper<>(this, "forwardCommand");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "forwardMessage");
    private final ReadOnlyObjectWrapper<PortForward.State> state = new ReadOnlyObjectWrapper<>(this, "forwardState");
    private final ReadOnlyBooleanWrapper up = new ReadOnlyBooleanWrapper(this, "forwardUp");

    private PortForward forward;
    // A run waiting for a forward to come up before it carries on on that forward's pod.
    private PortForward awaited;
    private Runnable onAwaitedUp;
    private Consumer<String> onAwaitedFailed;

    /** @param podChosen told the pod a run's new forward goes to, so the step shows it as the chosen pod */
    PodForwarding(WizardSession session, TaskRunner tasks, ReclusterClient client, Clock clock,
                  Consumer<String> podChosen) {
        this.session = session;
        this.tasks = tasks;
        this.client = client;
        this.clock = clock;
        this.podChosen = podChosen;
        up.bind(Bindings.createBooleanBinding(() -> state.get() != null
                && state.get().status() == PortForward.Status.UP, state));
    }

    /** The forward kept up now; null before one is started. */
    PortForward current() {
        return forward;
    }

    /** A run is waiting for a new forward to come up. */
    boolean awaiting() {
        return awaited != null;
    }

    /** Forgets the forward (the pods are being found again) and returns it, for the caller to close off the UI thread. */
    PortForward forget() {
        PortForward previous = forward;
        forward = null;
        session.forwardPodProperty().set("");
        state.set(null);
        command.set(null);
        message.set(null);
        return previous;
    }

    /** Starts a managed port-forward to the pod, replacing any earlier one. */
    PortForward start(Kubectl k, String pod) {
        closeInBackground(forward);
        PortForward[] started = new PortForward[1];
        forward = PodLink.forward(k, pod, client,
                s -> tasks.uiExecutor().execute(() -> changed(started[0], pod, s)), clock);
        started[0] = forward;
        changed(forward, pod, forward.state());
        return forward;
    }

    /** Starts a port-forward to the pod, and runs {@code onUp} once it is up and GET /health answers UP. */
    PortForward startThen(Kubectl k, String pod, Runnable onUp, Consumer<String> failed) {
        closeInBackground(forward);
        PortForward[] started = new PortForward[1];
        forward = PodLink.forward(k, pod, client,
                s -> tasks.uiExecutor().execute(() -> changed(started[0], pod, s)), clock);
        started[0] = forward;
        awaited = forward;
        onAwaitedUp = onUp;
        onAwaitedFailed = failed;
        podChosen.accept(pod);
        changed(forward, pod, forward.state());
        return started[0];
    }

    PortForward awaitedOrCurrent(String pod) {
        return forward != null && forward.pod().equals(pod) ? forward : null;
    }

    void message(Message m) {
        message.set(m);
    }

    private void closeInBackground(PortForward previous) {
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return null;
            }, ok -> { }, error -> { });
        }
    }

    private void clearAwaited() {
        awaited = null;
        onAwaitedUp = null;
        onAwaitedFailed = null;
    }

    private void changed(PortForward source, String pod, PortForward.State s) {
        if (source != null && source != forward) {
            return;
        }
        if (source != null) {
            command.set(source.command());
        }
        state.set(s);
        if (source != null && source == awaited) {
            if (s.status() == PortForward.Status.UP) {
                Runnable go = onAwaitedUp;
                clearAwaited();
                go.run();
            } else if (s.status() == PortForward.Status.DOWN || s.status() == PortForward.Status.POD_GONE) {
                Consumer<String> failed = onAwaitedFailed;
                clearAwaited();
                failed.accept("the port-forward to pod " + pod + " did not come up: " + s.lastError());
            }
        }
        Message m = switch (s.status()) {
            case STARTING -> Message.info("Starting the port-forward to pod " + pod + "\u2026");
            case UP -> Message.ok("Port-forward up: 127.0.0.1:" + s.localPort() + " \u2192 pod " + pod
                    + ":8080. GET /health answers UP.");
            case RECONNECTING -> Message.warning("The port-forward to pod " + pod + " dropped; reconnecting (attempt "
                    + s.attempt() + " of " + PortForward.Options.DEFAULT.maxAttempts() + "). Last error: "
                    + s.lastError());
            case DOWN -> Message.error("The port-forward to pod " + pod + " is down: " + s.lastError());
            case POD_GONE -> Message.error("POD " + pod + " IS GONE. The port-forward has ended; whatever the pod was"
                    + " doing has stopped with it. Find the pods again and pick another.");
        };
        message.set(m);
        switch (s.status()) {
            case UP -> session.forwardPodProperty().set(pod);
            case DOWN, POD_GONE -> session.forwardPodProperty().set("");
            // A forward to another pod starting: the old one is closed, so the banner no longer names it.
            case STARTING -> {
                if (!pod.equals(session.forwardPodProperty().get())) {
                    session.forwardPodProperty().set("");
                }
            }
            default -> { }
        }
        ReclusterMonitor run = session.reclusterProperty().get();
        if (run != null && run.plan().pod().equals(pod)) {
            run.showConnection(m.kind() == Message.Kind.OK ? null : m);
        }
    }

    @Override
    public void close() {
        if (forward != null) {
            forward.close();
        }
    }

    ReadOnlyObjectProperty<List<String>> commandProperty() { return command.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<PortForward.State> stateProperty() { return state.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty upProperty() { return up.getReadOnlyProperty(); }
}
