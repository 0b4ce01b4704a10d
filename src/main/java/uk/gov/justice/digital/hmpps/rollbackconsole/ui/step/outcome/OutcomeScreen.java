package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import javafx.scene.control.MenuItem;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * The Outcome step reached before the steps between Export and Outcome are done in the console: once a preview
 * exists, "Check the outcome now" shows the step's screen in place of the runbook (the recluster may have been run
 * by hand). It shares the step's view-model, so what is read here is what the step shows later.
 */
public final class OutcomeScreen {

    private final OutcomeStepViewModel model;
    private final WizardShellView shell;
    private OutcomeStepView view;

    public OutcomeScreen(OutcomeStepViewModel model, WizardShellView shell) {
        this.model = model;
        this.shell = shell;
    }

    /** File > Check the outcome now: enabled once there is a preview on a live connection. */
    public MenuItem menuItem() {
        MenuItem item = new MenuItem("Check the outcome now\u2026");
        item.setId("menu-check-outcome");
        item.disableProperty().bind(model.availableProperty().not());
        item.setOnAction(e -> open());
        return item;
    }

    public void open() {
        if (!model.availableProperty().get()) {
            return;
        }
        if (view == null) {
            view = new OutcomeStepView(model, this::back);
        }
        // No banner text of its own: the live connection's environment stays in the banner.
        shell.showAside(view.root(), null);
        model.enter();
    }

    /** Stops what the step is reading and shows the runbook again; what was read stays for the step. */
    public void back() {
        model.cancel();
        shell.showWizard();
    }

    public boolean showing() {
        return view != null && shell.asideShowingProperty().get() && shell.getCenter() == view.root();
    }
}
