package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.export;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ViewModelStep;

public final class ExportStep extends ViewModelStep {

    private final ExportStepViewModel model;

    public ExportStep(ExportStepViewModel model) {
        super("Export", model.validProperty(), model.busyProperty(), () -> new ExportStepView(model).root());
        this.model = model;
    }

    @Override
    public void cancel() {
        model.cancel();
    }
}
