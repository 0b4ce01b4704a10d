package uk.gov.justice.digital.hmpps.rollbackconsole.ui.start;

import javafx.application.Platform;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * The screen the console opens on, in place of the steps: recent incidents and the ways to start. Another way to
 * start is added with {@link #addAction}; it appears as one more button with its description.
 */
public final class StartScreen {

    static final String BANNER = "ROLLBACK CONSOLE  \u2022  start";

    private final StartViewModel model;
    private final WizardShellView shell;
    private StartView view;

    public StartScreen(StartViewModel model, WizardShellView shell) {
        this.model = model;
        this.shell = shell;
    }

    /**
     * Adds a way to start: a button titled {@code title} (an underscore marks its mnemonic, e.g. "Re_hearsal"),
     * with {@code description} under it, that runs {@code action} on the UI thread.
     */
    public void addAction(String id, String title, String description, Runnable action) {
        model.addAction(id, title, description, action);
    }

    /** Shows the screen, with the list read afresh. */
    public void show() {
        if (view == null) {
            view = new StartView(model);
        }
        shell.showAside(view.root(), BANNER);
        model.load();
        Platform.runLater(view::focus);
    }

    /** Puts the runbook's steps back in its place. */
    public void leave() {
        shell.showWizard();
    }

    /** Whether the start screen is what the window shows. */
    public boolean showing() {
        return view != null && shell.getCenter() == view.root();
    }

    public StartViewModel model() {
        return model;
    }
}
