package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;

/**
 * What a run that ended part way offers, on the UI thread: the rest of its records to a pod (another after a pod
 * died; the same or another after a run died or stalled), or a decision about a batch of unknown outcome. The
 * choices themselves are the step's that started the run ({@link RunContinuation}); nothing is sent from here.
 */
final class RunRecovery {

    private final ReclusterMonitor monitor;
    private final Consumer<Message> say;
    private final Executor uiExecutor;
    private final ReadOnlyObjectWrapper<ResendOffer> offer = new ReadOnlyObjectWrapper<>(this, "offer");
    private final ObservableList<String> offerPods = FXCollections.observableArrayList();
    private final ObservableList<String> offerPodsView = FXCollections.unmodifiableObservableList(offerPods);
    private final ObjectProperty<String> offerPod = new SimpleObjectProperty<>(this, "offerPod");
    private final ReadOnlyObjectWrapper<ReclusterRun.Unfinished> undecided = new ReadOnlyObjectWrapper<>(this, "undecided");
    private RunContinuation continuation;

    RunRecovery(ReclusterMonitor monitor, Consumer<Message> say, Executor uiExecutor) {
        this.monitor = monitor;
        this.say = say;
        this.uiExecutor = uiExecutor;
    }

    void continuedBy(RunContinuation continuation) {
        this.continuation = continuation;
    }

    /** A new run carries on: nothing is offered any more. */
    void clear() {
        offer.set(null);
        offerPods.clear();
        offerPod.set(null);
        undecided.set(null);
    }

    /** The batch of unknown outcome was decided about. */
    void decided() {
        undecided.set(null);
    }

    /** Offers what the run's ending leaves: the rest to a pod, or the question about a batch of unknown outcome. */
    void ended(ReclusterRun.Result r, String pod) {
        if (r.ending() == ReclusterRun.Ending.LOG_ENDED && r.unfinished().isPresent()) {
            offerTheRest(r.unfinished().get(), pod, false, "POD " + pod + " DIED");
        } else if ((r.ending() == ReclusterRun.Ending.DIED || r.ending() == ReclusterRun.Ending.STALLED)
                && r.unfinished().isPresent()) {
            offerTheRest(r.unfinished().get(), pod, true, "THE RUN " + (r.ending() == ReclusterRun.Ending.DIED
                    ? "DIED" : "STALLED") + " on pod " + pod);
        }
        if (r.ending() == ReclusterRun.Ending.OUTCOME_UNKNOWN && r.unfinished().isPresent()) {
            undecided.set(r.unfinished().get());
            if (continuation != null) {
                // Asked after this report is applied, so the screen already says what happened behind the question.
                ReclusterRun.Unfinished u = r.unfinished().get();
                uiExecutor.execute(() -> {
                    if (undecided.get() == u) {
                        continuation.decideUnknown(monitor, u);
                    }
                });
            }
        }
    }

    private void offerTheRest(ReclusterRun.Unfinished u, String deadPod, boolean podAlive, String what) {
        ReclusterPlan plan = monitor.plan();
        int later = plan.batches() - u.batch().number();
        long laterRecords = plan.records() - (u.batch().firstRecord() + u.batch().size());
        ResendOffer o = new ResendOffer(deadPod, u, Math.max(0, later), Math.max(0, laterRecords), podAlive);
        if (o.records() == 0) {
            return;
        }
        offer.set(o);
        say.accept(RunEndWording.restOffered(what, o, plan));
        findOtherPods();
    }

    void resendRest() {
        ResendOffer o = offer.get();
        String pod = offerPod.get();
        if (o == null || continuation == null) {
            return;
        }
        if (pod == null || pod.isBlank()) {
            say.accept(Message.error("Choose the pod to send the rest to: there is no other Running and Ready pod "
                    + "of the deployment yet. Look for pods again in a moment."));
            return;
        }
        continuation.resendRest(monitor, o, pod);
    }

    void findOtherPods() {
        ResendOffer o = offer.get();
        if (o == null || continuation == null) {
            return;
        }
        continuation.otherReadyPods(o.podAlive() ? "" : o.deadPod(), found -> {
            if (offer.get() != o) {
                return;
            }
            String keep = offerPod.get();
            offerPods.setAll(found);
            offerPod.set(keep != null && found.contains(keep) ? keep : found.isEmpty() ? null : found.get(0));
        }, problem -> {
            if (offer.get() == o) {
                say.accept(Message.error("The other pods could not be read: " + problem));
            }
        });
    }

    void decideUnknown() {
        ReclusterRun.Unfinished u = undecided.get();
        if (u != null && continuation != null) {
            continuation.decideUnknown(monitor, u);
        }
    }

    ReadOnlyObjectProperty<ResendOffer> offerProperty() { return offer.getReadOnlyProperty(); }
    ObservableList<String> offerPods() { return offerPodsView; }
    ObjectProperty<String> offerPodProperty() { return offerPod; }
    ReadOnlyObjectProperty<ReclusterRun.Unfinished> undecidedProperty() { return undecided.getReadOnlyProperty(); }
}
