package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Which step is current and where the user may go. A step can be entered only when every step before it is
 * valid, so the runbook is walked in order; going back is always allowed unless the current step is busy.
 */
public final class WizardViewModel {

    private final List<WizardStep> steps;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper canGoNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper currentBusy = new ReadOnlyBooleanWrapper();
    private final List<BooleanBinding> reachable;
    private final ReadOnlyIntegerWrapper resumeTarget = new ReadOnlyIntegerWrapper(this, "resumeTarget", -1);
    private boolean advancing;

    public WizardViewModel(List<WizardStep> steps) {
        if (steps.isEmpty() || !steps.get(0).implemented()) {
            throw new IllegalArgumentException("the first step must exist");
        }
        this.steps = List.copyOf(steps);
        // One binding per step, kept: a binding that nobody holds and reads stops passing on changes.
        this.reachable = new java.util.ArrayList<>();
        for (int index = 0; index < this.steps.size(); index++) {
            boolean exists = this.steps.get(index).implemented();
            BooleanBinding earlierDone = Bindings.createBooleanBinding(() -> true);
            for (int i = 0; i < index; i++) {
                earlierDone = earlierDone.and(this.steps.get(i).validProperty());
            }
            reachable.add(Bindings.createBooleanBinding(() -> exists)
                    .and(earlierDone.or(this.steps.get(index).enterableOnItsOwn())));
        }
        current.addListener((obs, was, now) -> rebind());
        rebind();
        // A resumed incident carries on by itself once the user has done what only they can (the password).
        for (WizardStep step : this.steps) {
            step.validProperty().addListener((obs, was, now) -> advanceTowardsResumeTarget());
            step.busyProperty().addListener((obs, was, now) -> advanceTowardsResumeTarget());
        }
        for (BooleanBinding r : reachable) {
            r.addListener((obs, was, now) -> advanceTowardsResumeTarget());
        }
    }

    /**
     * Lands a resumed incident on step {@code target}, where it stopped: now, if every step before it is done
     * (or it can be entered on its own); otherwise on the furthest step that can be entered, and then on to the
     * target by itself, step by step, as the steps before it become done (after the user connects). Moving by
     * hand gives up the target.
     */
    public void resumeAt(int target) {
        if (target < 0 || target >= steps.size()) {
            throw new IllegalArgumentException("no step " + target);
        }
        resumeTarget.set(target);
        int furthest = 0;
        for (int i = target; i > 0; i--) {
            if (reachable(i).get()) {
                furthest = i;
                break;
            }
        }
        if (furthest != current.get()) {
            move(furthest);
        }
        advanceTowardsResumeTarget();
    }

    /** The step a resumed incident is still on its way to; -1 when none. */
    public ReadOnlyIntegerProperty resumeTargetProperty() {
        return resumeTarget.getReadOnlyProperty();
    }

    private void advanceTowardsResumeTarget() {
        if (advancing) {
            return;
        }
        advancing = true;
        try {
            while (true) {
                int target = resumeTarget.get();
                if (target < 0) {
                    return;
                }
                int at = current.get();
                if (at >= target) {
                    resumeTarget.set(-1);
                    return;
                }
                boolean moved = reachable(target).get() ? move(target)
                        : currentStep().validProperty().get() && !currentBusy.get() && reachable(at + 1).get()
                        && move(at + 1);
                if (!moved) {
                    return;
                }
            }
        } finally {
            advancing = false;
        }
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public WizardStep currentStep() {
        return steps.get(current.get());
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoNextProperty() {
        return canGoNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty currentBusyProperty() {
        return currentBusy.getReadOnlyProperty();
    }

    /** True when every step before {@code index} is valid and the step itself exists. */
    public ObservableBooleanValue reachable(int index) {
        return reachable.get(index);
    }

    public void next() {
        if (canGoNext.get()) {
            goTo(current.get() + 1);
        }
    }

    /**
     * Goes to the nearest earlier step that can be entered: a resumed incident that landed on a step by itself
     * (Outcome, with no run in this window) steps back over those it skipped. The first step always can be.
     */
    public void back() {
        if (canGoBack.get()) {
            for (int i = current.get() - 1; i >= 0; i--) {
                if (reachable(i).get()) {
                    goTo(i);
                    return;
                }
            }
        }
    }

    public boolean goTo(int index) {
        resumeTarget.set(-1);
        return move(index);
    }

    private boolean move(int index) {
        if (index < 0 || index >= steps.size() || index == current.get() || currentBusy.get()) {
            return false;
        }
        if (!reachable(index).get()) {
            return false;
        }
        currentStep().onLeave();
        current.set(index);
        currentStep().onEnter();
        return true;
    }

    /** Enters the first step; the shell calls this once its view is in place. */
    public void start() {
        currentStep().onEnter();
    }

    private void rebind() {
        int i = current.get();
        WizardStep step = steps.get(i);
        currentBusy.bind(step.busyProperty());
        boolean nextExists = i + 1 < steps.size() && steps.get(i + 1).implemented();
        canGoNext.bind(step.validProperty().and(step.busyProperty().not()).and(Bindings.createBooleanBinding(() -> nextExists)));
        canGoBack.bind(step.busyProperty().not().and(Bindings.createBooleanBinding(() -> i > 0)));
    }
}
