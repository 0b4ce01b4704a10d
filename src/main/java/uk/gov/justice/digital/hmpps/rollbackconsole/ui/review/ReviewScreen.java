package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.nio.file.Path;
import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;

/**
 * The offline review as a screen of its own beside the runbook: the ways in (File menu, recent files, a dropped
 * file, the command line) and the way back. The screen replaces the steps in the window while it is shown; the
 * steps, and their connection, stay as they were underneath.
 */
public final class ReviewScreen {

    static final String BANNER = "OFFLINE REVIEW  \u2022  no connection is used";

    private final ReviewViewModel model;
    private final WizardShellView shell;
    private ReviewView view;

    private final Runnable toSendStep;

    /** @param toSendStep shows the Send step, which takes the reviewed file when nothing was exported here */
    public ReviewScreen(ReviewViewModel model, WizardShellView shell, Runnable toSendStep) {
        this.model = model;
        this.shell = shell;
        this.toSendStep = toSendStep;
    }

    /** Leaves the review for the Send step with the file just found safe to send. */
    public void send() {
        if (model.reviewedFileProperty().get() != null) {
            shell.showWizard();
            toSendStep.run();
        }
    }

    /** Shows the screen and reviews {@code file}. */
    public void open(Path file) {
        show();
        model.open(file);
    }

    /** Asks for a file; shows the screen only when one was chosen. */
    public void chooseAndOpen() {
        if (model.chooseAndOpen()) {
            show();
        }
    }

    /** The window's drop handler: reviews one dropped {@code .json} file; false, doing nothing, for anything else. */
    public boolean drop(List<Path> files) {
        return ReviewDrop.reviewable(files).map(file -> {
            open(file);
            return true;
        }).orElse(false);
    }

    /** Stops whatever the review is doing and shows the runbook's steps again. */
    public void back() {
        model.cancel();
        shell.showWizard();
    }

    public boolean showing() {
        return view != null && shell.asideShowingProperty().get() && shell.getCenter() == view.root();
    }

    public ReviewViewModel model() {
        return model;
    }

    /** File > Open for review… (Ctrl+O) and File > Open recent. */
    public List<MenuItem> menuItems() {
        MenuItem open = new MenuItem("Open for review\u2026");
        open.setId("menu-open-for-review");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseAndOpen());
        Menu recent = new Menu("Open recent");
        recent.setId("menu-open-recent");
        model.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent));
        fillRecent(recent);
        return List.of(open, recent);
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path file : model.recentFiles()) {
            MenuItem item = new MenuItem(file.toString());
            // File names are full of underscores; none of them is a keyboard shortcut.
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(file));
            menu.getItems().add(item);
        }
        if (model.recentFiles().isEmpty()) {
            MenuItem none = new MenuItem("No files reviewed yet");
            none.setDisable(true);
            menu.getItems().add(none);
        } else {
            MenuItem clear = new MenuItem("Clear the list");
            clear.setOnAction(e -> model.clearRecent());
            menu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
    }

    /** Makes {@code target} review a {@code .json} file dropped on it. */
    public void installDrop(Node target) {
        ReviewDrop.install(target, this::drop);
    }

    private void show() {
        if (view == null) {
            view = new ReviewView(model, this::back, this::send);
        }
        shell.showAside(view.root(), BANNER);
    }
}
