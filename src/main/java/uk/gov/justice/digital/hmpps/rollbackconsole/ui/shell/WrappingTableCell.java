package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * A table cell whose value wraps onto more lines, as wide as its column, rather than ending in "...": a pod's name
 * and its image (a registry path and a tag) are read whole at 150 % and 200 %, where no column can be as wide as
 * they are; the offline review's problem messages. A name without spaces breaks where it must. The text follows the cell's font and colour (selection, dark
 * and high contrast).
 */
public final class WrappingTableCell<S> extends TableCell<S, String> {

    private final Text text = new Text();
    private final boolean masked;

    public WrappingTableCell(TableColumn<S, String> column) {
        this(column, false);
    }

    /** Cells that also mask identifiers in presenter mode, as {@link Masked#table} does the table's other cells. */
    public static <S> javafx.util.Callback<TableColumn<S, String>, javafx.scene.control.TableCell<S, String>> masked() {
        return column -> new WrappingTableCell<>(column, true);
    }

    private WrappingTableCell(TableColumn<S, String> column, boolean masked) {
        this.masked = masked;
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
        String shown = empty || item == null ? "" : item;
        if (masked && !shown.isEmpty()) {
            shown = Presenter.maskingFor(getTableView() != null ? getTableView() : this).text(shown);
        }
        text.setText(shown);
        setGraphic(empty || item == null ? null : text);
    }
}
