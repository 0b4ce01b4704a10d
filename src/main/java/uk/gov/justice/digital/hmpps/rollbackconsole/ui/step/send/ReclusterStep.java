package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardStep;

public final class ReclusterStep implements WizardStep {

    private final ReclusterStepViewModel model;
    private ReclusterStepView view;
    // Kept: a binding nobody holds stops passing on changes.
    private final javafx.beans.binding.BooleanBinding enterable;

    private final RollbackLiveViewModel live;

    public ReclusterStep(ReclusterStepViewModel model) {
        this(model, null);
    }

    public ReclusterStep(ReclusterStepViewModel model, RollbackLiveViewModel live) {
        this.model = model;
        this.live = live;
        this.enterable = model.reviewedFileReady();
    }

    @Override
    public String title() {
        return "Port-forward and recluster";
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return model.validProperty();
    }

    @Override
    public javafx.beans.value.ObservableBooleanValue enterableOnItsOwn() {
        return enterable;
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busyProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new ReclusterStepView(model, live);
        }
        return view.root();
    }

    @Override
    public void onEnter() {
        model.enter();
    }
}
