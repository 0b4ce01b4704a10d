package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ChangeListener;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;

/**
 * Step 6: the run started in step 5, followed batch by batch. Busy while the run is going, so the wizard cannot be
 * left in the middle of it (Cancel stops it between batches); done once it has ended, however it ended.
 */
public final class ProgressStepViewModel {

    private final WizardSession session;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ChangeListener<Boolean> activeChanged = (obs, was, now) -> update();

    /** A run that has started is always followable, however the Send step was reached (a reviewed file, say). */
    public javafx.beans.binding.BooleanBinding runStarted() {
        return session.reclusterProperty().isNotNull();
    }

    public ProgressStepViewModel(WizardSession session) {
        this.session = session;
        session.reclusterProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.activeProperty().removeListener(activeChanged);
            }
            if (now != null) {
                now.activeProperty().addListener(activeChanged);
            }
            update();
        });
        if (session.reclusterProperty().get() != null) {
            session.reclusterProperty().get().activeProperty().addListener(activeChanged);
        }
        update();
    }

    private void update() {
        ReclusterMonitor m = session.reclusterProperty().get();
        busy.set(m != null && m.activeProperty().get());
        valid.set(m != null && !m.activeProperty().get());
        if (m != null) {
            session.statusProperty().set(m.activeProperty().get()
                    ? "Recluster running on pod " + m.plan().pod() + "."
                    : "Recluster run on pod " + m.plan().pod() + " ended: "
                    + m.endingProperty().get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
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
}
