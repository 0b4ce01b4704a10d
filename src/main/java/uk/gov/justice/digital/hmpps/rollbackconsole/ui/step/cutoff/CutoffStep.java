package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import javafx.beans.property.ReadOnlyBooleanWrapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class CutoffStep extends ViewModelStep {

    private final CutoffStepViewModel model;

    public CutoffStep(CutoffStepViewModel model) {
        // Counting is a courtesy, not a gate: it never holds the user on this step.
        super("Deployment time", model.validProperty(), new ReadOnlyBooleanWrapper(false).getReadOnlyProperty(),
                () -> new CutoffStepView(model).root());
        this.model = model;
    }

    @Override
    public void onLeave() {
        model.cancel();
        model.commit();
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
