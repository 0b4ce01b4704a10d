package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class ConnectStep implements WizardStep {

    private final ConnectStepViewModel model;
    private final DialogService dialogs;
    private ConnectStepView view;

    public ConnectStep(ConnectStepViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;
    }

    @Override
    public String title() {
        return "Connect";
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
            view = new ConnectStepView(model, dialogs);
        }
        return view.root();
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
