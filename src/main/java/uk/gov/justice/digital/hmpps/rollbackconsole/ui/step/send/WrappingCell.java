package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * A table cell whose value wraps onto more lines, as wide as its column, rather than ending in "...": a pod's name
 * and its image (a registry path and a tag) are read whole at 150 % and 200 %, where no column can be as wide as
 * they are. A name without spaces breaks where it must. The text follows the cell's font and colour (selection, dark
 * and high contrast).
 */
final class WrappingCell<S> extends TableCell<S, String> {

    private final Text text = new Text();

    WrappingCell(TableColumn<S, String> column) {
        text.getStyleClass().add("text");
        text.fontProperty().bind(fontProperty());
        text.fillProperty().bind(textFillProperty());
        text.wrappingWidthProperty().bind(column.widthProperty().subtract(
                javafx.beans.binding.Bindings.createDoubleBinding(() -> snappedLeftInset() + snappedRightInset() + 1,
                        paddingProperty())));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefHeight(USE_COMPUTED_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        text.setText(empty || item == null ? "" : item);
        setGraphic(empty || item == null ? null : text);
    }
}
