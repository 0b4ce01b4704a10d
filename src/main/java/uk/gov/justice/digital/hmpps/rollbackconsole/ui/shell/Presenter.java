package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

/**
 * Presenter mode, for walking the incident call through the runbook on a shared screen: the window zoomed (the root
 * font size; every size is in em), optionally in high contrast, the step named large in the banner, and identifiers
 * masked wherever they are shown. Plain javafx.beans; the window follows it. Remembered between runs.
 */
public final class Presenter {

    public static final int BASE_FONT_PX = 13;
    public static final int MIN_ZOOM = 100;
    public static final int MAX_ZOOM = 200;
    public static final int ZOOM_STEP = 10;
    public static final int PRESENTER_ZOOM = 150;

    static final String KEY_ON = "presenter.mode";
    static final String KEY_ZOOM = "presenter.zoom";
    static final String KEY_CONTRAST = "presenter.highContrast";
    static final String KEY_DARK = "theme.dark";

    /** Where a scene's root keeps its presenter, for the views and cells inside it to find. */
    private static final String NODE_KEY = Presenter.class.getName();
    private static final String FOLLOWERS_KEY = Presenter.class.getName() + ".followers";
    private static final String DRESSED_KEY = Presenter.class.getName() + ".dressed";
    private static final javafx.css.PseudoClass DARK = javafx.css.PseudoClass.getPseudoClass("dark");
    private static final javafx.css.PseudoClass HIGH_CONTRAST = javafx.css.PseudoClass.getPseudoClass("high-contrast");
    private static final javafx.css.PseudoClass PRESENTER = javafx.css.PseudoClass.getPseudoClass("presenter");

    private final BooleanProperty on = new SimpleBooleanProperty(this, "on");
    private final BooleanProperty highContrast = new SimpleBooleanProperty(this, "highContrast");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final IntegerProperty zoom = new SimpleIntegerProperty(this, "zoom", MIN_ZOOM);
    private final DoubleBinding fontSize;
    private final List<Supplier<Collection<String>>> secretSources = new ArrayList<>();
    private final List<Observable> secretDependencies = new ArrayList<>();
    // Rebound when values to mask are added; listeners keep to this one property.
    private final javafx.beans.property.ObjectProperty<Masking> masking =
            new javafx.beans.property.SimpleObjectProperty<>(this, "masking", Masking.NONE);
    private ObjectBinding<Masking> maskingBinding;
    private final SettingsStore settings;

    public Presenter(SettingsStore settings) {
        this.settings = settings;
        on.set(settings != null && settings.get(KEY_ON).map(Boolean::parseBoolean).orElse(false));
        highContrast.set(settings != null && settings.get(KEY_CONTRAST).map(Boolean::parseBoolean).orElse(false));
        dark.set(settings != null && settings.get(KEY_DARK).map(Boolean::parseBoolean).orElse(false));
        zoom.set(clamp(settings == null ? MIN_ZOOM : settings.get(KEY_ZOOM).map(Presenter::parse).orElse(on.get() ? PRESENTER_ZOOM : MIN_ZOOM)));
        fontSize = Bindings.createDoubleBinding(() -> BASE_FONT_PX * zoom.get() / 100.0, zoom);
        // Presenter mode starts zoomed, unless the zoom was set by hand since; leaving it goes back to 100 %.
        on.addListener((obs, was, now) -> {
            zoom.set(now ? Math.max(zoom.get(), PRESENTER_ZOOM) : MIN_ZOOM);
            remember();
        });
        highContrast.addListener((obs, was, now) -> remember());
        dark.addListener((obs, was, now) -> remember());
        zoom.addListener((obs, was, now) -> {
            if (now.intValue() != clamp(now.intValue())) {
                zoom.set(clamp(now.intValue()));
            }
            remember();
        });
        rebuildMasking();
    }

    /**
     * Adds values that are masked wherever they appear in text while presenter mode is on (the connection's host,
     * user and database); {@code dependencies} say when they change.
     */
    public void maskAlso(Supplier<Collection<String>> values, Observable... dependencies) {
        secretSources.add(values);
        secretDependencies.addAll(List.of(dependencies));
        rebuildMasking();
    }

    private void rebuildMasking() {
        List<Observable> deps = new ArrayList<>(secretDependencies);
        deps.add(on);
        maskingBinding = Bindings.createObjectBinding(() -> {
            if (!on.get()) {
                return Masking.NONE;
            }
            List<String> secrets = new ArrayList<>();
            secretSources.forEach(s -> secrets.addAll(s.get()));
            return Masking.presenter(secrets);
        }, deps.toArray(Observable[]::new));
        masking.bind(maskingBinding);
    }

    public BooleanProperty onProperty() { return on; }
    public BooleanProperty highContrastProperty() { return highContrast; }
    public BooleanProperty darkProperty() { return dark; }
    public IntegerProperty zoomProperty() { return zoom; }
    public DoubleBinding fontSizeProperty() { return fontSize; }

    /** What identifiers look like now: {@link Masking#NONE} unless presenter mode is on. */
    public ObservableValue<Masking> maskingProperty() {
        return masking;
    }

    public Masking masking() {
        return masking.get();
    }

    public void zoomIn() {
        zoom.set(clamp(zoom.get() + ZOOM_STEP));
    }

    public void zoomOut() {
        zoom.set(clamp(zoom.get() - ZOOM_STEP));
    }

    public void resetZoom() {
        zoom.set(on.get() ? PRESENTER_ZOOM : MIN_ZOOM);
    }

    /** Makes this presenter the one that the nodes under {@code root} follow. */
    public void install(Parent root) {
        root.getProperties().put(NODE_KEY, this);
    }

    /**
     * Gives a window of its own opened over the main one (a dialog, the About box, the shortcuts) the main window's
     * zoom and theme, {@code root} being its scene's root: now and whenever they change while it is open. Held weakly,
     * as {@link #follow} does, so a closed window is not kept alive.
     */
    public void dress(Parent root) {
        install(root);
        InvalidationListener look = o -> {
            root.setStyle("-fx-font-size: " + fontSize.get() + "px;");
            root.pseudoClassStateChanged(DARK, dark.get());
            root.pseudoClassStateChanged(HIGH_CONTRAST, highContrast.get());
            root.pseudoClassStateChanged(PRESENTER, on.get());
        };
        look.invalidated(null);
        root.getProperties().put(DRESSED_KEY, look);
        WeakInvalidationListener weak = new WeakInvalidationListener(look);
        fontSize.addListener(weak);
        dark.addListener(weak);
        highContrast.addListener(weak);
        on.addListener(weak);
    }

    /** Dresses {@code root} as the window {@code owner} is dressed, if that window has a presenter. */
    public static void dressLike(Parent root, javafx.stage.Window owner) {
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            of(owner.getScene().getRoot()).ifPresent(p -> p.dress(root));
        }
    }

    /** The presenter of the window {@code node} is in, if it is in one that has one. */
    public static java.util.Optional<Presenter> of(Node node) {
        Scene scene = node == null ? null : node.getScene();
        if (scene == null || scene.getRoot() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable((Presenter) scene.getRoot().getProperties().get(NODE_KEY));
    }

    /** The masking in force in the window {@code node} is in; nothing is masked outside a presenter's window. */
    public static Masking maskingFor(Node node) {
        return of(node).map(Presenter::masking).orElse(Masking.NONE);
    }

    /** 1 em, in pixels, in the window {@code node} is in. */
    public static double emFor(Node node) {
        return of(node).map(p -> p.fontSize.get()).orElse((double) BASE_FONT_PX);
    }

    /**
     * Calls {@code update} now and each time the masking or the zoom of the window {@code node} is in changes, from
     * when the node is first shown in it. The presenter holds the listener weakly and the node strongly, so a node
     * that is thrown away is not kept alive by it.
     */
    public static void follow(Node node, Consumer<Node> update) {
        update.accept(node);
        InvalidationListener changed = o -> update.accept(node);
        @SuppressWarnings("unchecked")
        List<InvalidationListener> kept = (List<InvalidationListener>) node.getProperties()
                .computeIfAbsent(FOLLOWERS_KEY, k -> new ArrayList<InvalidationListener>());
        kept.add(changed);
        Presenter[] following = new Presenter[1];
        Consumer<Scene> attach = scene -> {
            Presenter p = of(node).orElse(null);
            if (p != null && p != following[0]) {
                following[0] = p;
                WeakInvalidationListener weak = new WeakInvalidationListener(changed);
                p.fontSize.addListener(weak);
                p.masking.addListener(weak);
                update.accept(node);
            }
        };
        node.sceneProperty().addListener((obs, was, now) -> {
            if (now != null) {
                attach.accept(now);
            }
        });
        if (node.getScene() != null) {
            attach.accept(node.getScene());
        }
    }

    private void remember() {
        if (settings == null) {
            return;
        }
        settings.put(KEY_ON, Boolean.toString(on.get()));
        settings.put(KEY_CONTRAST, Boolean.toString(highContrast.get()));
        settings.put(KEY_DARK, Boolean.toString(dark.get()));
        settings.put(KEY_ZOOM, Integer.toString(zoom.get()));
        try {
            settings.save();
        } catch (IOException e) {
            // Only the next start's look is lost; the window goes on as it is.
        }
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return MIN_ZOOM;
        }
    }

    private static int clamp(int percent) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, percent));
    }
}
