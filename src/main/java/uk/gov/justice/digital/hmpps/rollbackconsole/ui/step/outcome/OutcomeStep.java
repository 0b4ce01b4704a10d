package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class OutcomeStep extends ViewModelStep {

    private final OutcomeStepViewModel model;

    public OutcomeStep(OutcomeStepViewModel model) {
        super("Outcome", model.validProperty(), model.busyProperty(), () -> new OutcomeStepView(model, null).root());
        this.model = model;
        this.enterable = model.resumedFinishedProperty().and(model.availableProperty());
    }

    // Kept: a binding nobody holds stops passing on changes.
    private final javafx.beans.binding.BooleanBinding enterable;

    /**
     * A resumed incident whose every batch is settled comes here without a run in this window, once a preview on a
     * live connection gives the window to compare over.
     */
    @Override
    public javafx.beans.value.ObservableBooleanValue enterableOnItsOwn() {
        return enterable;
    }

    public OutcomeStepViewModel model() {
        return model;
    }

    @Override
    public void onEnter() {
        model.enter();
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
