package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.Objects;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;

/** A step whose validity and busyness are its view-model's, and whose view is built on first entry. */
public abstract class ViewModelStep implements WizardStep {

    private final String title;
    private final ReadOnlyBooleanProperty valid;
    private final ReadOnlyBooleanProperty busy;
    private final Supplier<Node> viewFactory;
    private Node view;

    protected ViewModelStep(String title, ReadOnlyBooleanProperty valid, ReadOnlyBooleanProperty busy,
                            Supplier<Node> viewFactory) {
        this.title = Objects.requireNonNull(title, "title");
        this.valid = Objects.requireNonNull(valid, "valid");
        this.busy = Objects.requireNonNull(busy, "busy");
        this.viewFactory = Objects.requireNonNull(viewFactory, "viewFactory");
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    @Override
    public final ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = viewFactory.get();
        }
        return view;
    }
}
