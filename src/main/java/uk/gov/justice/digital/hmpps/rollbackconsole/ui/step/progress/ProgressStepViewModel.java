package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.InvalidationListener;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;

/**
 * Step 6: the run started in step 5, followed batch by batch. Busy while the run is going, so the wizard cannot be
 * left in the middle of it (Cancel stops it between batches); done once it has ended, however it ended.
 */
public final class ProgressStepViewModel {

    private final WizardSession session;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper nextIsPrimary = new ReadOnlyBooleanWrapper(this, "nextIsPrimary", true);
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final InvalidationListener changed = o -> update();

    /** A run that has started is always followable, however the Send step was reached (a reviewed file, say). */
    public javafx.beans.binding.BooleanBinding runStarted() {
        return session.reclusterProperty().isNotNull();
    }

    public ProgressStepViewModel(WizardSession session) {
        this.session = session;
        session.reclusterProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.activeProperty().removeListener(changed);
                was.statusProperty().removeListener(changed);
            }
            if (now != null) {
                now.activeProperty().addListener(changed);
                now.statusProperty().addListener(changed);
            }
            update();
        });
        if (session.reclusterProperty().get() != null) {
            session.reclusterProperty().get().activeProperty().addListener(changed);
            session.reclusterProperty().get().statusProperty().addListener(changed);
        }
        update();
    }

    /**
     * Busy while the run goes (a pod that is gone is not going, whatever the engine still winds down), done once it
     * has ended; the status bar says its state as the headline does; Next leads only when no record is left.
     */
    private void update() {
        ReclusterMonitor m = session.reclusterProperty().get();
        RunStatus status = m == null ? null : m.statusProperty().get();
        busy.set(m != null && m.activeProperty().get() && status.kind().going());
        valid.set(m != null && !m.activeProperty().get());
        nextIsPrimary.set(status == null || !status.kind().recordsLeft());
        done.set(valid.get() && status != null && !status.kind().recordsLeft());
        if (m != null) {
            session.statusProperty().set("Recluster on pod " + m.plan().pod() + ": " + status.line() + ".");
        }
    }

    public ReadOnlyObjectProperty<ReclusterMonitor> monitorProperty() {
        return session.reclusterProperty();
    }

    public void pause() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.pause();
        }
    }

    public void resume() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.resume();
        }
    }

    /** Sends what a pod that died left undone to the pod chosen in the offer, once the user confirms. */
    public void resendRest() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.resendRest();
        }
    }

    public void findOtherPods() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.findOtherPods();
        }
    }

    /** Asks again what to do with a batch of unknown outcome. */
    public void decideUnknown() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.decideUnknown();
        }
    }

    /** Cancel: no further batch is sent. */
    public void stop() {
        ReclusterMonitor m = session.reclusterProperty().get();
        if (m != null) {
            m.stop();
        }
    }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** The run has ended with no record left to send: the sidebar ticks Progress only then. */
    public ReadOnlyBooleanProperty doneProperty() { return done.getReadOnlyProperty(); }
    /** False while a run has ended with records left: its recovery, not Next, is the primary button. */
    public ReadOnlyBooleanProperty nextIsPrimaryProperty() { return nextIsPrimary.getReadOnlyProperty(); }
}
