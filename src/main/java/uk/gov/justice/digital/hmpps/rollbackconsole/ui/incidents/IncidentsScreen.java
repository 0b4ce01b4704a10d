package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import javafx.scene.control.MenuItem;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * The recent incidents as a screen of their own beside the runbook, reached from File > Recent incidents. Read-only:
 * carrying an unfinished incident on in the wizard is not offered here.
 */
public final class IncidentsScreen {

    static final String BANNER = "RECENT INCIDENTS  \u2022  read-only";

    private final IncidentsViewModel model;
    private final WizardShellView shell;
    private IncidentsView view;

    public IncidentsScreen(IncidentsViewModel model, WizardShellView shell) {
        this.model = model;
        this.shell = shell;
    }

    public MenuItem menuItem() {
        MenuItem item = new MenuItem("Recent incidents\u2026");
        item.setId("menu-recent-incidents");
        item.setOnAction(e -> open());
        return item;
    }

    /** Shows the list, read afresh. */
    public void open() {
        if (view == null) {
            view = new IncidentsView(model, this::back);
        }
        shell.showAside(view.root(), BANNER);
        model.load();
    }

    /** Shows the list, read afresh, with the incident in {@code folder} selected and opened. */
    public void open(java.nio.file.Path folder) {
        if (view == null) {
            view = new IncidentsView(model, this::back);
        }
        shell.showAside(view.root(), BANNER);
        model.load(folder);
    }

    public void back() {
        shell.showWizard();
    }

    public IncidentsViewModel model() {
        return model;
    }
}
