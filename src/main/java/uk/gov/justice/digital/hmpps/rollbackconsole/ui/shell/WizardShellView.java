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
import javafx.scene.control.Labeled;
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
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final PseudoClass HIGH_CONTRAST = PseudoClass.getPseudoClass("high-contrast");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    private final WizardViewModel wizard;
    private final StackPane content = new StackPane();
    private final List<Button> stepButtons = new ArrayList<>();
    private final EnvironmentBanner banner;
    // Held: whether the current step lets Next be the primary button.
    private final javafx.beans.value.ObservableValue<Boolean> nextLeads;
    private final VBox sidebar = new VBox();
    // At 200 % with a two-line banner the seven steps can be taller than the room left: they scroll, never clip.
    private final javafx.scene.control.ScrollPane sidebarScroll = new javafx.scene.control.ScrollPane(sidebar);
    private final HBox nav;
    private final VBox bottom;
    private final ReadOnlyBooleanWrapper asideShowing = new ReadOnlyBooleanWrapper(this, "asideShowing");
    private Menu fileMenu;
    private Menu viewMenu;
    private AudienceCard audience;
    private HBox statusBar;
    private final Menu helpMenu = new Menu("_Help");
    private final Presenter presenter;
    private final StatusLine statusLine;
    // Menus and lists take the window's font size from their owner, tooltips do not: each tooltip shown from this
    // window is given it as it opens. Held here, and listened to weakly, so that a closed window is not kept.
    private final javafx.collections.ListChangeListener<javafx.stage.Window> tooltipsFollowZoom = change -> {
        while (change.next()) {
            for (javafx.stage.Window w : change.getAddedSubList()) {
                if (w instanceof Tooltip tip && tip.getOwnerNode() != null && tip.getOwnerNode().getScene() != null
                        && tip.getOwnerNode().getScene().getRoot() == this) {
                    tip.setStyle("-fx-font-size: " + Presenter.emFor(this) + "px;");
                }
            }
        }
    };

    public WizardShellView(WizardViewModel wizard, WizardSession session, Runnable quit) {
        this(wizard, session, new Presenter(null), quit);
    }

    public WizardShellView(WizardViewModel wizard, WizardSession session, Presenter presenter, Runnable quit) {
        this.wizard = wizard;
        this.presenter = presenter;
        presenter.install(this);
        javafx.stage.Window.getWindows().addListener(new javafx.collections.WeakListChangeListener<>(tooltipsFollowZoom));

        MenuBar menus = menus(quit);
        banner = new EnvironmentBanner(session.environmentProperty(), session.connectionDetailProperty());
        banner.follow(session.clusterTarget(), runPod(session));
        // A screen shown beside the runbook (the offline review, Outcome from File) is not the step: the card waits.
        audience = new AudienceCard(presenter.onProperty().and(asideShowing.not()));
        setTop(new VBox(menus, banner, banner.mismatchWarning(), audience));

        sidebar.getStyleClass().add(Styles.SIDEBAR);
        sidebarScroll.getStyleClass().add(Styles.SIDEBAR_SCROLL);
        sidebarScroll.setFitToWidth(true);
        sidebarScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sidebarScroll.setMinWidth(Region.USE_PREF_SIZE);
        for (int i = 0; i < wizard.steps().size(); i++) {
            WizardStep step = wizard.steps().get(i);
            int index = i;
            Button b = new Button((i + 1) + ".  " + step.title());
            b.setId("step-" + (i + 1));
            b.getStyleClass().setAll(Styles.SIDEBAR_STEP);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(true);
            tick(b, step, i + 1);
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
        setLeft(sidebarScroll);

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
        nextLeads = wizard.currentIndexProperty().flatMap(i -> wizard.steps().get(i.intValue()).nextIsPrimary());
        nextLeads.addListener((obs, was, now) -> lead(next, now));
        lead(next, nextLeads.getValue());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        nav = new HBox(back, spacer, cancel, next);
        nav.getStyleClass().add(Styles.NAV_BAR);

        Label status = new Label();
        status.setId("status");
        // A long status (an export's SHA-256 at 200 %) takes a second line rather than end in "...".
        status.setWrapText(true);
        statusLine = new StatusLine(session.statusProperty(), wizard.currentIndexProperty().get(),
                stepName(wizard.currentIndexProperty().get()) + ".");
        Masked.bind(status, statusLine.shownProperty());
        // Zoomed in, a run's state ("Recluster on pod ...: Paused: no further batch is sent ...") wraps onto a
        // second line rather than losing its end to "...".
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        Em.prefWidth(busy, 9);
        busy.visibleProperty().bind(wizard.currentBusyProperty());
        Label readOnly = new Label("Read-only: the console never writes to the replica") {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // Whole or not at all: a reminder cut to "Read-only: th..." reads as a fault on a shared screen.
                boolean cut = lookupAll(".text").stream().anyMatch(t -> t instanceof javafx.scene.text.Text x
                        && x.getText() != null && !x.getText().equals(getText()) && x.getText().endsWith(getEllipsisString()));
                if (isVisible() == cut) {
                    setVisible(!cut);
                }
            }
        };
        // Zoomed in, the status is what must stay readable; this reminder gives way first.
        readOnly.setMinWidth(0);
        readOnly.setPrefWidth(0);
        readOnly.setMaxWidth(Double.MAX_VALUE);
        readOnly.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        HBox.setHgrow(readOnly, Priority.ALWAYS);
        statusBar = new HBox(status, busy, readOnly);
        statusBar.getStyleClass().add(Styles.STATUS_BAR);

        bottom = new VBox(nav, statusBar);
        setBottom(bottom);

        wizard.currentIndexProperty().addListener((obs, was, now) -> show(now.intValue()));
        show(wizard.currentIndexProperty().get());
        followPresenter();
    }

    /**
     * A tick after the name of each step that is complete, the Outcome's included (its report written), so that
     * everyone sees how far the runbook has come. Only a step that is done gives it room, so that zoomed in, with the
     * names wrapped in a narrow sidebar, the others keep their whole width.
     */
    private static void tick(Button button, WizardStep step, int number) {
        Label tick = new Label("\u2713");
        tick.setId("step-" + number + "-tick");
        tick.getStyleClass().add(Styles.SIDEBAR_TICK);
        tick.setMinWidth(Region.USE_PREF_SIZE);
        button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        Runnable show = () -> {
            boolean done = step.doneProperty().get();
            // The button's graphic only while the step is done. (A graphic set while unmanaged is never drawn: the
            // button's skin leaves it out of its children, and does not look again when it becomes managed.)
            button.setGraphic(done ? tick : null);
            button.pseudoClassStateChanged(DONE, done);
            button.setAccessibleText(button.getText() + (done ? ", done" : ""));
        };
        step.doneProperty().addListener(o -> show.run());
        show.run();
    }

    /**
     * The pod the recluster run sends to now (after a resend, the new one); before a run, the pod the Send step's
     * port-forward is up to; blank before either.
     */
    private static javafx.beans.value.ObservableValue<String> runPod(WizardSession session) {
        javafx.beans.property.StringProperty pod = new javafx.beans.property.SimpleStringProperty("");
        javafx.beans.value.ChangeListener<uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan>
                plan = (o, was, now) -> pod.set(now == null ? session.forwardPodProperty().get() : now.pod());
        Runnable follow = () -> {
            var run = session.reclusterProperty().get();
            pod.set(run != null && run.plan() != null ? run.plan().pod() : session.forwardPodProperty().get());
        };
        session.forwardPodProperty().addListener(o -> follow.run());
        session.reclusterProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.planProperty().removeListener(plan);
            }
            if (now != null) {
                now.planProperty().addListener(plan);
            }
            follow.run();
        });
        follow.run();
        return pod;
    }

    /** The root font size is the zoom; every size in app.css, and those set in code through {@link Em}, follow it. */
    private void followPresenter() {
        Runnable look = () -> {
            setStyle("-fx-font-size: " + presenter.fontSizeProperty().get() + "px;");
            pseudoClassStateChanged(DARK, presenter.darkProperty().get());
            pseudoClassStateChanged(HIGH_CONTRAST, presenter.highContrastProperty().get());
            pseudoClassStateChanged(PRESENTER, presenter.onProperty().get());
            banner.setPresenter(presenter.onProperty().get());
        };
        presenter.fontSizeProperty().addListener(o -> look.run());
        presenter.darkProperty().addListener(o -> look.run());
        presenter.highContrastProperty().addListener(o -> look.run());
        presenter.onProperty().addListener(o -> look.run());
        look.run();
    }

    public Presenter presenter() {
        return presenter;
    }

    private MenuBar menus(Runnable quit) {
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());
        Menu file = new Menu("_File", null, quitItem);
        fileMenu = file;

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.setAccelerator(Shortcuts.DARK);
        dark.selectedProperty().bindBidirectional(presenter.darkProperty());
        MenuItem nextItem = new MenuItem("Next step");
        nextItem.setAccelerator(new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN));
        nextItem.setOnAction(e -> wizard.next());
        nextItem.disableProperty().bind(asideShowing);
        MenuItem backItem = new MenuItem("Previous step");
        backItem.setAccelerator(new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN));
        backItem.setOnAction(e -> wizard.back());
        backItem.disableProperty().bind(asideShowing);
        Menu view = new Menu("_View", null, nextItem, backItem, new SeparatorMenuItem(), dark);
        viewMenu = view;
        view.getItems().addAll(presenterItems());
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setAccelerator(Shortcuts.HELP);
        shortcuts.setOnAction(e -> new ShortcutsWindow(getScene().getWindow(), getScene()).show());
        helpMenu.getItems().add(0, shortcuts);
        return new MenuBar(file, view, helpMenu);
    }

    private List<MenuItem> presenterItems() {
        CheckMenuItem on = new CheckMenuItem("Presenter mode");
        on.setId("presenter-mode");
        on.setAccelerator(Shortcuts.PRESENTER);
        on.selectedProperty().bindBidirectional(presenter.onProperty());
        CheckMenuItem contrast = new CheckMenuItem("High contrast");
        contrast.setAccelerator(Shortcuts.HIGH_CONTRAST);
        contrast.selectedProperty().bindBidirectional(presenter.highContrastProperty());
        MenuItem zoomIn = new MenuItem("Zoom in");
        zoomIn.setAccelerator(Shortcuts.ZOOM_IN);
        zoomIn.setOnAction(e -> presenter.zoomIn());
        zoomIn.disableProperty().bind(presenter.zoomProperty().greaterThanOrEqualTo(Presenter.MAX_ZOOM));
        MenuItem zoomOut = new MenuItem("Zoom out");
        zoomOut.setAccelerator(Shortcuts.ZOOM_OUT);
        zoomOut.setOnAction(e -> presenter.zoomOut());
        zoomOut.disableProperty().bind(presenter.zoomProperty().lessThanOrEqualTo(Presenter.MIN_ZOOM));
        MenuItem reset = new MenuItem();
        reset.textProperty().bind(Bindings.createStringBinding(() -> "Reset zoom (now " + presenter.zoomProperty().get()
                + " %)", presenter.zoomProperty()));
        reset.setAccelerator(Shortcuts.ZOOM_RESET);
        reset.setOnAction(e -> presenter.resetZoom());
        return List.of(new SeparatorMenuItem(), on, contrast, zoomIn, zoomOut, reset);
    }

    /** Marks this window as a rehearsal's, in the banner and at the start of the status bar. */
    public void markRehearsal() {
        banner.showRehearsal();
        Label mark = new Label(uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.REHEARSAL_MARK);
        mark.setId("status-rehearsal");
        mark.getStyleClass().add("rehearsal-mark");
        mark.setMinWidth(Region.USE_PREF_SIZE);
        statusBar.getChildren().add(0, mark);
    }

    /** Puts {@code items} at the top of the File menu, above Quit. */
    public void addFileMenuItems(MenuItem... items) {
        List<MenuItem> added = new ArrayList<>(List.of(items));
        added.add(new SeparatorMenuItem());
        fileMenu.getItems().addAll(0, added);
    }

    /**
     * What the presenter's audience card says on each step (by index): the state or number that matters there; null
     * or blank for the step's title; and its tone ("danger", "decision", "success"; null for none).
     */
    public void audienceLines(java.util.function.IntFunction<javafx.beans.value.ObservableValue<String>> lines,
                              java.util.function.IntFunction<javafx.beans.value.ObservableValue<String>> tones) {
        audienceLines(lines, tones, i -> null);
    }

    /** As above, with the progress (0 to 1) of each step that has one, drawn as a bar under its line; null for none. */
    public void audienceLines(java.util.function.IntFunction<javafx.beans.value.ObservableValue<String>> lines,
                              java.util.function.IntFunction<javafx.beans.value.ObservableValue<String>> tones,
                              java.util.function.IntFunction<javafx.beans.value.ObservableValue<Number>> progress) {
        audience.lines(lines, tones);
        audience.progress(progress);
        audience.show(wizard.currentIndexProperty().get(),
                heading(wizard.steps().get(wizard.currentIndexProperty().get())));
    }

    /** Puts {@code items} at the end of the View menu, after a separator. */
    public void addViewMenuItems(MenuItem... items) {
        viewMenu.getItems().add(new SeparatorMenuItem());
        viewMenu.getItems().addAll(items);
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
        showAside(screen, bannerText, asideTitle(screen, bannerText));
    }

    /**
     * As {@link #showAside(Node, String)}, with {@code stepTitle} as the presenter banner's name of the screen
     * ("Step 7 of 7: Outcome", "Recent incidents"); null for none.
     */
    public void showAside(Node screen, String bannerText, String stepTitle) {
        setLeft(null);
        bottom.getChildren().remove(nav);
        setCenter(screen);
        banner.showOffline(bannerText);
        banner.showStep(stepTitle);
        statusLine.aside(screen, stepTitle != null && !stepTitle.startsWith("Runbook at") ? stepTitle + "."
                : sentence(bannerText));
        asideShowing.set(true);
    }

    /**
     * The presenter banner's name for a screen shown aside: a runbook step's own, numbered, when the screen is one
     * (the Outcome step opened from the File menu); else, as the banner's text already names the screen, where the
     * runbook stands underneath it ("Runbook at step 5 of 7").
     */
    String asideTitle(Node screen, String bannerText) {
        // A scrolling screen holds its page as content, which lookup reaches only once the skin exists.
        Node page = screen instanceof javafx.scene.control.ScrollPane scroll ? scroll.getContent() : screen;
        if (page instanceof javafx.scene.Parent p && p.lookup("." + Styles.STEP_TITLE) instanceof Labeled title) {
            for (int i = 0; i < wizard.steps().size(); i++) {
                if (heading(wizard.steps().get(i)).equals(title.getText())) {
                    return stepName(i);
                }
            }
        }
        return "Runbook at step " + (wizard.currentIndexProperty().get() + 1) + " of " + wizard.steps().size();
    }

    private String stepName(int index) {
        return "Step " + (index + 1) + " of " + wizard.steps().size() + ": " + heading(wizard.steps().get(index));
    }

    /** "OFFLINE REVIEW  \u2022  no connection is used" as the status bar says it: "Offline review: no connection is used." */
    private static String sentence(String bannerText) {
        if (bannerText == null || bannerText.isBlank()) {
            return "";
        }
        String[] parts = bannerText.split("\u2022", 2);
        String name = parts[0].strip();
        return name.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + name.substring(1).toLowerCase(java.util.Locale.ROOT)
                + (parts.length > 1 ? ": " + parts[1].strip() : "") + ".";
    }

    public void showWizard() {
        setLeft(sidebarScroll);
        if (!bottom.getChildren().contains(nav)) {
            bottom.getChildren().add(0, nav);
        }
        setCenter(content);
        statusLine.wizard();
        banner.showOffline(null);
        show(wizard.currentIndexProperty().get());
        asideShowing.set(false);
    }

    /** True while {@link #showAside} has replaced the steps. */
    public ReadOnlyBooleanProperty asideShowingProperty() {
        return asideShowing.getReadOnlyProperty();
    }

    /** The step's name as its page heads it, for the presenter banner; the sidebar's short title otherwise. */
    private static String heading(WizardStep step) {
        return switch (step.title()) {
            case "Preview" -> "Preview affected records";
            default -> step.title();
        };
    }

    private static void lead(Button next, Boolean primary) {
        next.getStyleClass().remove(Styles.PRIMARY);
        if (!Boolean.FALSE.equals(primary)) {
            next.getStyleClass().add(Styles.PRIMARY);
        }
    }

    private void show(int index) {
        for (int i = 0; i < stepButtons.size(); i++) {
            stepButtons.get(i).pseudoClassStateChanged(CURRENT, i == index);
        }
        Node view = wizard.steps().get(index).view();
        content.getChildren().setAll(view);
        banner.showStep(stepName(index));
        audience.show(index, heading(wizard.steps().get(index)));
        statusLine.step(index, stepName(index) + ".");
    }
}
