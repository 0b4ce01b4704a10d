package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class PreviewStep extends ViewModelStep {

    private final PreviewStepViewModel model;

    public PreviewStep(PreviewStepViewModel model) {
        super("Preview", model.validProperty(), model.busyProperty(), () -> new PreviewStepView(model).root());
        this.model = model;
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
