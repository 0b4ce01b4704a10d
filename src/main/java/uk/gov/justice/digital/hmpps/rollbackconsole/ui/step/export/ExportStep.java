package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class ExportStep implements WizardStep {

    private final ExportStepViewModel model;
    private ExportStepView view;

    public ExportStep(ExportStepViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Export";
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
            view = new ExportStepView(model);
        }
        return view.root();
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
