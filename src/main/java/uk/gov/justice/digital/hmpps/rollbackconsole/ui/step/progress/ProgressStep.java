package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class ProgressStep implements WizardStep {

    private final ProgressStepViewModel model;
    private ProgressStepView view;

    // Kept: a binding nobody holds stops passing on changes.
    private javafx.beans.binding.BooleanBinding enterable;

    @Override
    public javafx.beans.value.ObservableBooleanValue enterableOnItsOwn() {
        if (enterable == null) {
            enterable = model.runStarted();
        }
        return enterable;
    }

    public ProgressStep(ProgressStepViewModel model) {
        this.model = model;
    }

    @Override
    public String title() {
        return "Progress";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return model.validProperty();
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue doneProperty() {
        return model.doneProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue nextIsPrimary() {
        return model.nextIsPrimaryProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ProgressStepView(model);
        }
        return view.root();
    }

    @Override
    public void cancel() {
        model.stop();
    }
}
