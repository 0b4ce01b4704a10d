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
 * "What the console runs": the step's query with its values written in, folded away until someone asks, and
 * copyable so that the runbook can be finished by hand if it has to be.
 */
public final class QueryPane extends TitledPane {

    public QueryPane(String title, String explanation, ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(8);
        area.getStyleClass().add(Styles.MONOSPACE);
        area.textProperty().bind(text);
        Button copy = new Button("Copy");
        copy.disableProperty().bind(area.textProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(area.getText());
            Clipboard.getSystemClipboard().setContent(c);
        });
        Label note = new Label(explanation);
        note.setWrapText(true);
        note.getStyleClass().add(Styles.STEP_INTRO);
        setText(title);
        setContent(Em.spacing(new VBox(note, area, new HBox(copy)), 0.46));
        setExpanded(false);
        setAnimated(false);
    }
}
