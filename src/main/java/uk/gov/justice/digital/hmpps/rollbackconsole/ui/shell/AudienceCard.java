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
    // How far a run has come, under its state: zoomed to 200 % the Progress page's own bar is below the fold.
    private final javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(0);
    private IntFunction<ObservableValue<Number>> progress = i -> null;
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
        bar.setId("audience-bar");
        bar.getStyleClass().add(Styles.AUDIENCE_BAR);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setVisible(false);
        bar.managedProperty().bind(bar.visibleProperty());
        getChildren().addAll(now, bar);
        visibleProperty().bind(Bindings.createBooleanBinding(() -> Boolean.TRUE.equals(presenter.getValue()),
                presenter));
        managedProperty().bind(visibleProperty());
    }

    /** Where the figure of each step (by index) comes from; a step without one shows its title. */
    void lines(IntFunction<ObservableValue<String>> lines, IntFunction<ObservableValue<String>> tones) {
        this.lines = lines;
        this.tones = tones;
    }

    /** Where the progress of each step (by index) comes from, 0 to 1, drawn as a bar under its line; null for none. */
    void progress(IntFunction<ObservableValue<Number>> progress) {
        this.progress = progress;
    }

    private void tone(String name) {
        for (String t : new String[] {"danger", "decision", "success"}) {
            now.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(t), t.equals(name));
            bar.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(t), t.equals(name));
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
        bar.progressProperty().unbind();
        ObservableValue<Number> done = progress.apply(index);
        bar.setVisible(done != null);
        if (done != null) {
            bar.progressProperty().bind(Bindings.createDoubleBinding(() -> done.getValue() == null ? 0
                    : done.getValue().doubleValue(), done));
        }
        ObservableValue<String> line = lines.apply(index);
        if (line == null) {
            now.setText(title);
        } else {
            now.textProperty().bind(Bindings.createStringBinding(() -> line.getValue() == null
                    || line.getValue().isBlank() ? title : line.getValue(), line));
        }
    }
}
