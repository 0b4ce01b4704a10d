package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One step of the runbook as the shell sees it: a title, a view, and whether the user may move on. */
public interface WizardStep {

    /** Short name for the sidebar, in the runbook's words. */
    String title();

    /** Whether this step exists yet; planned steps are listed but cannot be entered. */
    default boolean implemented() {
        return true;
    }

    ReadOnlyBooleanProperty validProperty();

    /**
     * Whether the step is done, for the sidebar's tick. By default, once the user may move on; a step that lets the
     * user move on with work left (a run that ended with records unsent) is not done.
     */
    default ObservableBooleanValue doneProperty() {
        return validProperty();
    }

    /**
     * True when the step may be entered although the steps before it are not done: the Send step, with a file
     * that was reviewed offline instead of exported here.
     */
    default ObservableBooleanValue enterableOnItsOwn() {
        return new SimpleBooleanProperty(false);
    }

    ReadOnlyBooleanProperty busyProperty();

    /**
     * Whether Next is the primary button: not while the step's own action comes first (a run that ended with
     * records left to send leads with its recovery).
     */
    default ObservableBooleanValue nextIsPrimary() {
        return new SimpleBooleanProperty(true);
    }

    /** Created once, on first entry. */
    Node view();

    /** Called each time the step becomes current: bindings are made here. */
    default void onEnter() {
    }

    /** Called each time the step stops being current: bindings are disposed here. */
    default void onLeave() {
    }

    /** Stops whatever slow work the step is doing. */
    default void cancel() {
    }
}
