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

    private final Label environment = new Label();
    private final Label detail = new Label();

    public EnvironmentBanner(ObservableValue<Environment> env, ObservableValue<String> connectionDetail) {
        getStyleClass().add(Styles.BANNER);
        environment.setId("environment-banner-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(environment, spacer, detail);
        env.addListener((obs, was, now) -> show(now));
        detail.textProperty().bind(connectionDetail);
        show(env.getValue());
    }

    private void show(Environment env) {
        for (Environment e : Environment.values()) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(e.label()), e == env);
        }
        if (env == null) {
            environment.setText("NOT CONNECTED");
        } else if (env.isProduction()) {
            environment.setText("PRODUCTION  \u2022  " + env.namespace().orElse(""));
        } else {
            environment.setText(env.label().toUpperCase() + env.namespace().map(ns -> "  \u2022  " + ns).orElse(""));
        }
    }
}
