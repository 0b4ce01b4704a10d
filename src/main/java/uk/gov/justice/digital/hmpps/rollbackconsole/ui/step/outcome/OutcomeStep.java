package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class OutcomeStep extends ViewModelStep {

    private final OutcomeStepViewModel model;

    public OutcomeStep(OutcomeStepViewModel model) {
        super("Outcome", model.validProperty(), model.busyProperty(), () -> new OutcomeStepView(model, null).root());
        this.model = model;
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
