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

    private final Label environment = new Label();
    private final Label detail = new Label();
    private final ObservableValue<Environment> env;
    private String offline;
    private boolean rehearsal;

    public EnvironmentBanner(ObservableValue<Environment> env, ObservableValue<String> connectionDetail) {
        getStyleClass().add(Styles.BANNER);
        environment.setId("environment-banner-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(environment, spacer, detail);
        this.env = env;
        env.addListener((obs, was, now) -> show(now));
        detail.textProperty().bind(connectionDetail);
        show(env.getValue());
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
