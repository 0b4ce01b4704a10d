package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.function.IntFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * In presenter mode, what the people watching the shared screen came to see, at the top of every step and whatever
 * the zoom: the one state or number that matters now ("Paused  •  4 of 10 records"). The step and the environment are
 * said once, by the banner right above it, in the environment's colour. Its label wraps rather than cut to "...", so
 * at 200 % on 1280x720 the card grows a line instead of losing words.
 */
public final class AudienceCard extends VBox {

    private final Label now = new Label();
    private IntFunction<ObservableValue<String>> lines = i -> null;
    private IntFunction<ObservableValue<String>> tones = i -> null;
    private ObservableValue<String> tone;
    // The state's colour, as Progress draws it: danger red, a decision amber, success green.
    private final javafx.beans.value.ChangeListener<String> toneShown = (obs, was, now) -> tone(now);

    AudienceCard(ObservableValue<Boolean> presenter) {
        getStyleClass().add(Styles.AUDIENCE_CARD);
        setId("audience-card");
        now.setId("audience-now");
        now.getStyleClass().add(Styles.AUDIENCE_NOW);
        now.setWrapText(true);
        now.setMinHeight(Region.USE_PREF_SIZE);
        now.setMaxWidth(Double.MAX_VALUE);
        getChildren().add(now);
        visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(presenter.getValue()),
                presenter));
        managedProperty().bind(visibleProperty());
    }

    /** Where the figure of each step (by index) comes from; a step without one shows its title. */
    void lines(IntFunction<ObservableValue<String>> lines, IntFunction<ObservableValue<String>> tones) {
        this.lines = lines;
        this.tones = tones;
    }

    private void tone(String name) {
        for (String t : new String[] {"danger", "decision", "success"}) {
            now.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(t), t.equals(name));
        }
    }

    /** Shows step {@code index}, headed {@code title}. */
    void show(int index, String title) {
        now.textProperty().unbind();
        if (tone != null) {
            tone.removeListener(toneShown);
        }
        tone = tones.apply(index);
        if (tone != null) {
            tone.addListener(toneShown);
        }
        tone(tone == null ? null : tone.getValue());
        ObservableValue<String> line = lines.apply(index);
        if (line == null) {
            now.setText(title);
        } else {
            now.textProperty().bind(Bindings.createStringBinding(() -> line.getValue() == null
                    || line.getValue().isBlank() ? title : line.getValue(), line));
        }
    }
}
