package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class PreviewStep implements WizardStep {

    private final PreviewStepViewModel model;
    private PreviewStepView view;

    public PreviewStep(PreviewStepViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Preview";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return model.validProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new PreviewStepView(model);
        }
        return view.root();
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
