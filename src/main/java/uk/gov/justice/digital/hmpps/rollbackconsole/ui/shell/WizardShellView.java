package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window's frame: banner, runbook steps in a sidebar, the current step, Back / Cancel / Next and a status bar. */
public final class WizardShellView extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private final WizardViewModel wizard;
    private final StackPane content = new StackPane();
    private final List<Button> stepButtons = new ArrayList<>();
    private final EnvironmentBanner banner;
    private final VBox sidebar = new VBox();
    private final HBox nav;
    private final VBox bottom;
    private final ReadOnlyBooleanWrapper asideShowing = new ReadOnlyBooleanWrapper(this, "asideShowing");
    private Menu fileMenu;
    private final Menu helpMenu = new Menu("_Help");

    public WizardShellView(WizardViewModel wizard, WizardSession session, Runnable quit) {
        this.wizard = wizard;

        MenuBar menus = menus(quit);
        banner = new EnvironmentBanner(session.environmentProperty(), session.connectionDetailProperty());
        setTop(new VBox(menus, banner));

        sidebar.getStyleClass().add(Styles.SIDEBAR);
        for (int i = 0; i < wizard.steps().size(); i++) {
            WizardStep step = wizard.steps().get(i);
            int index = i;
            Button b = new Button((i + 1) + ".  " + step.title());
            b.setId("step-" + (i + 1));
            b.getStyleClass().setAll(Styles.SIDEBAR_STEP);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(true);
            if (!step.implemented()) {
                b.setDisable(true);
                b.setTooltip(new Tooltip("Not in the console yet: follow the runbook by hand for this step."));
            } else {
                b.disableProperty().bind(Bindings.not(wizard.reachable(index)));
                b.setOnAction(e -> wizard.goTo(index));
            }
            stepButtons.add(b);
            sidebar.getChildren().add(b);
        }
        setLeft(sidebar);

        content.setPadding(new Insets(0));
        // A tall step is squeezed (its table shrinks) rather than pushing Back / Next off the bottom of the window.
        content.setMinSize(0, 0);
        content.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(content.widthProperty());
        clip.heightProperty().bind(content.heightProperty());
        content.setClip(clip);
        setCenter(content);

        Button back = new Button("_Back");
        back.setId("back");
        back.disableProperty().bind(wizard.canGoBackProperty().not());
        back.setOnAction(e -> wizard.back());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(wizard.currentBusyProperty().not());
        cancel.setOnAction(e -> wizard.currentStep().cancel());
        Button next = new Button("_Next");
        next.setId("next");
        next.getStyleClass().add(Styles.PRIMARY);
        next.disableProperty().bind(wizard.canGoNextProperty().not());
        next.setOnAction(e -> wizard.next());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        nav = new HBox(back, spacer, cancel, next);
        nav.getStyleClass().add(Styles.NAV_BAR);

        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(session.statusProperty());
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.setPrefWidth(120);
        busy.visibleProperty().bind(wizard.currentBusyProperty());
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        Label readOnly = new Label("Read-only: the console never writes to the replica");
        HBox statusBar = new HBox(status, statusSpacer, busy, readOnly);
        statusBar.getStyleClass().add(Styles.STATUS_BAR);

        bottom = new VBox(nav, statusBar);
        setBottom(bottom);

        wizard.currentIndexProperty().addListener((obs, was, now) -> show(now.intValue()));
        show(wizard.currentIndexProperty().get());
    }

    private MenuBar menus(Runnable quit) {
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu("_File", null, quitItem);
        fileMenu = file;

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.selectedProperty().addListener((obs, was, now) -> pseudoClassStateChanged(DARK, now));
        MenuItem nextItem = new MenuItem("Next step");
        nextItem.setAccelerator(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN));
        nextItem.setOnAction(e -> wizard.next());
        nextItem.disableProperty().bind(asideShowing);
        MenuItem backItem = new MenuItem("Previous step");
        backItem.setAccelerator(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN));
        backItem.setOnAction(e -> wizard.back());
        backItem.disableProperty().bind(asideShowing);
        Menu view = new Menu("_View", null, nextItem, backItem, dark);
        return new MenuBar(file, view, helpMenu);
    }

    /** Puts {@code items} at the top of the File menu, above Quit. */
    public void addFileMenuItems(MenuItem... items) {
        List<MenuItem> added = new ArrayList<>(List.of(items));
        added.add(new SeparatorMenuItem());
        fileMenu.getItems().addAll(0, added);
    }

    /** Adds {@code items} to the end of the Help menu. */
    public void addHelpMenuItems(MenuItem... items) {
        helpMenu.getItems().addAll(items);
    }

    /**
     * Shows a screen that is not a runbook step (the offline review) in place of the steps, the sidebar and the
     * step buttons, with {@code bannerText} in the banner. The steps keep their state, and any work they are doing,
     * underneath; {@link #showWizard()} puts them back as they were.
     */
    public void showAside(Node screen, String bannerText) {
        setLeft(null);
        bottom.getChildren().remove(nav);
        setCenter(screen);
        banner.showOffline(bannerText);
        asideShowing.set(true);
    }

    public void showWizard() {
        setLeft(sidebar);
        if (!bottom.getChildren().contains(nav)) {
            bottom.getChildren().add(0, nav);
        }
        setCenter(content);
        banner.showOffline(null);
        asideShowing.set(false);
    }

    /** True while {@link #showAside} has replaced the steps. */
    public ReadOnlyBooleanProperty asideShowingProperty() {
        return asideShowing.getReadOnlyProperty();
    }

    private void show(int index) {
        for (int i = 0; i < stepButtons.size(); i++) {
            stepButtons.get(i).pseudoClassStateChanged(CURRENT, i == index);
        }
        Node view = wizard.steps().get(index).view();
        content.getChildren().setAll(view);
    }
}
