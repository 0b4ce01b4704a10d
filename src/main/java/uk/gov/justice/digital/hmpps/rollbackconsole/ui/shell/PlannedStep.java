package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Node;

/** A runbook step that the console does not do yet. It is shown, disabled, so the user sees the whole runbook. */
public final class PlannedStep implements WizardStep {

    private final String title;
    private final ReadOnlyBooleanWrapper never = new ReadOnlyBooleanWrapper(false);

    public PlannedStep(String title) {
        this.title = title;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public boolean implemented() {
        return false;
    }

    @Override
    public ReadOnlyBooleanProperty validProperty() {
        return never.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return never.getReadOnlyProperty();
    }

    @Override
    public Node view() {
        throw new IllegalStateException(title + " is not available yet");
    }
}
