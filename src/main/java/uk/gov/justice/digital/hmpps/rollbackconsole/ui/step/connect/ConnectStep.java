package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class ConnectStep extends ViewModelStep {

    private final ConnectStepViewModel model;

    public ConnectStep(ConnectStepViewModel model, DialogService dialogs) {
        super("Connect", model.validProperty(), model.busyProperty(), () -> new ConnectStepView(model, dialogs).root());
        this.model = model;
    }

    public ConnectStepViewModel model() {
        return model;
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
