package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;

/**
 * A drop-down's chosen value as it shows it: whole, on a second line when the drop-down is narrower than the value
 * (200 % on 1280x720, where a pod's name "hmpps-person-record-5d8f7c9b4-abcde" or a context's
 * "live.cloud-platform.service.justice.gov.uk" ended in "..."). The text follows the cell's font and colour (dark,
 * high contrast). With no value, the drop-down's prompt is shown.
 */
public final class WrappingListCell extends ListCell<String> {

    private final Text text = new Text();
    private final ComboBox<String> box;

    public WrappingListCell(ComboBox<String> box) {
        this.box = box;
        text.getStyleClass().add("text");
        text.fontProperty().bind(fontProperty());
        text.fillProperty().bind(textFillProperty());
        // The drop-down's width less its arrow and this cell's padding: what the name has to fit in.
        // Not wrapped before the cell has a width (0 means no wrapping).
        text.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(0,
                widthProperty().get() - snappedLeftInset() - snappedRightInset() - 1), widthProperty(),
                paddingProperty()));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /**
     * As wide as the value on one line: not the wrapped text's width, which follows the cell's own width and would
     * keep the drop-down as wide as it ever was.
     */
    @Override
    protected double computePrefWidth(double height) {
        Text oneLine = new Text(text.getText());
        oneLine.setFont(text.getFont());
        return snappedLeftInset() + Math.ceil(oneLine.getLayoutBounds().getWidth()) + snappedRightInset() + 1;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            text.setText(box.getPromptText());
        } else {
            text.setText(item);
        }
        setGraphic(text);
    }
}
