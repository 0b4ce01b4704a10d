package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class CutoffStep implements WizardStep {

    private final CutoffStepViewModel model;
    // Counting is a courtesy, not a gate: it never holds the user on this step.
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private CutoffStepView view;

    public CutoffStep(CutoffStepViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Deployment time";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return model.validProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new CutoffStepView(model);
        }
        return view.root();
    }

    @Override
    public void onLeave() {
        model.cancel();
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
