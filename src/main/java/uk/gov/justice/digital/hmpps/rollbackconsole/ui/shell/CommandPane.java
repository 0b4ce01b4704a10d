package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "What the console runs" for kubectl and HTTP: the command lines of the step with the values filled in, folded
 * away until someone asks, and copyable, so that the step can be done, or checked, by hand in a terminal.
 * Copy copies the real values: the clipboard is not on the shared screen, and a masked id would not run.
 */
public final class CommandPane extends TitledPane {

    private final TextArea area = new TextArea();

    public CommandPane(String id, String title, String explanation, ObservableValue<String> text) {
        setId(id);
        getStyleClass().add(Styles.COMMAND_PANE);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(9);
        area.getStyleClass().add(Styles.MONOSPACE);
        // In presenter mode the ids in a command are masked on screen like everywhere else.
        Runnable show = () -> area.setText(Presenter.maskingFor(area).text(text.getValue()));
        text.addListener((obs, was, now) -> show.run());
        Presenter.follow(area, n -> show.run());
        Button copy = new Button("Copy");
        copy.disableProperty().bind(area.textProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text.getValue());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Label note = new Label(explanation);
        note.setWrapText(true);
        note.getStyleClass().add(Styles.STEP_INTRO);
        setText(title);
        setContent(Em.spacing(new VBox(note, area, new HBox(copy)), 0.45));
        setExpanded(false);
        setAnimated(false);
    }

    /** The real text, as Copy copies it. */
    public String command() {
        return area.getText();
    }
}
