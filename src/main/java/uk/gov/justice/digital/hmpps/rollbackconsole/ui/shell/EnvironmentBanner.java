package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/** A coloured strip naming where the console points; production is red so nobody on the call can miss it. */
public final class EnvironmentBanner extends HBox {

    private static final PseudoClass OFFLINE = PseudoClass.getPseudoClass("offline");
    private static final PseudoClass PRESENTER = PseudoClass.getPseudoClass("presenter");

    private final Label environment = new Label();
    private final Label detail = new Label();
    // In presenter mode the step is named here, large, for everyone on the call.
    private final Label step = new Label();
    private final ObservableValue<Environment> env;
    private String offline;
    private boolean rehearsal;

    public EnvironmentBanner(ObservableValue<Environment> env, ObservableValue<String> connectionDetail) {
        getStyleClass().add(Styles.BANNER);
        environment.setId("environment-banner-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        step.setId("presenter-step");
        step.getStyleClass().add(Styles.BANNER_STEP);
        // At high zoom a long step name wraps rather than pushing the window wider than the screen; the
        // environment's name is never cut.
        step.setWrapText(true);
        environment.setMinWidth(Region.USE_PREF_SIZE);
        detail.setMinWidth(0);
        detail.setId("environment-banner-detail");
        getChildren().addAll(step, environment, spacer, detail);
        this.env = env;
        env.addListener((obs, was, now) -> show(now));
        // Connection details (user, host, database) are masked in presenter mode.
        Masked.bind(detail, connectionDetail);
        showStep(null);
        show(env.getValue());
    }

    /**
     * The step's name keeps its whole line while the environment leaves room for it (the connection detail gives
     * way first, cut short); with less room it wraps, but never below 15 em, so its words are not stacked one a line.
     */
    @Override
    protected double computeMinWidth(double height) {
        // Never wider than the environment and the shortest the step's name goes: the window decides the width.
        return snappedLeftInset() + snappedRightInset() + environment.prefWidth(-1) + 2 * getSpacing()
                + (step.isManaged() ? 15 * Presenter.emFor(this) : 0);
    }

    @Override
    protected void layoutChildren() {
        double em = Presenter.emFor(this);
        double room = getWidth() - snappedLeftInset() - snappedRightInset() - environment.prefWidth(-1) - 2 * getSpacing();
        double min = Math.min(step.prefWidth(-1), Math.max(15 * em, room));
        if (step.getMinWidth() != min) {
            step.setMinWidth(min);
        }
        super.layoutChildren();
    }

    /** In presenter mode, names the step shown ("Step 3 of 7: Preview affected records"); null for none. */
    public void showStep(String text) {
        step.setText(text == null ? "" : text + "  \u2022  ");
        step.setVisible(text != null && presenter);
        step.setManaged(text != null && presenter);
    }

    private boolean presenter;

    /** Presenter mode: the banner larger, with the step's name. */
    public void setPresenter(boolean on) {
        presenter = on;
        pseudoClassStateChanged(PRESENTER, on);
        boolean named = !step.getText().isEmpty();
        step.setVisible(on && named);
        step.setManaged(on && named);
    }

    /**
     * Says {@code text} instead of the environment while a screen that uses no connection is shown, such as the
     * offline review; null goes back to the environment. The connection stays as it was underneath.
     */
    public void showOffline(String text) {
        offline = text;
        show(env.getValue());
    }

    /**
     * Marks a rehearsal's window: the banner says REHEARSAL in its own colour whatever is connected or shown, so
     * that nobody on a shared screen takes it for a real environment.
     */
    public void showRehearsal() {
        rehearsal = true;
        show(env.getValue());
    }

    private void show(Environment shown) {
        Environment env = rehearsal ? Environment.REHEARSAL : shown;
        pseudoClassStateChanged(OFFLINE, offline != null && !rehearsal);
        detail.setVisible(offline == null);
        // Hidden, the connection detail takes no room from the step's name either.
        detail.setManaged(offline == null);
        for (Environment e : Environment.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(e.label()), (offline == null || rehearsal) && e == env);
        }
        if (rehearsal) {
            environment.setText(Environment.REHEARSAL_MARK + "  \u2022  all simulated, nothing real"
                    + (offline == null ? "" : "  \u2022  " + offline));
        } else if (offline != null) {
            environment.setText(offline);
        } else if (env == null) {
            environment.setText("NOT CONNECTED");
        } else if (env.isProduction()) {
            environment.setText("PRODUCTION  \u2022  " + env.namespace().orElse(""));
        } else {
            environment.setText(env.label().toUpperCase() + env.namespace().map(ns -> "  \u2022  " + ns).orElse(""));
        }
    }
}
