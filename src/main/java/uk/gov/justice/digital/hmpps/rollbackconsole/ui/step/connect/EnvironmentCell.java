package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * The Connect form's chosen environment, "rehearsal  (hmpps-person-record-rehearsal)" on one line where it fits and
 * on two (the namespace under the name) where it does not, never cut to "...". A combo box does not wrap its text.
 */
final class EnvironmentCell extends ListCell<Environment> {

    private final StringConverter<Environment> names;
    private String oneLine;

    EnvironmentCell(StringConverter<Environment> names) {
        this.names = names;
    }

    @Override
    protected void updateItem(Environment e, boolean empty) {
        super.updateItem(e, empty);
        oneLine = empty || e == null ? null : names.toString(e);
        setText(oneLine);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (oneLine == null) {
            return;
        }
        Text measure = new Text(oneLine);
        measure.setFont(getFont());
        boolean fits = measure.getLayoutBounds().getWidth() + snappedLeftInset() + snappedRightInset() <= getWidth();
        String shown = fits ? oneLine : oneLine.replaceFirst("\\s+\\(", "\n(");
        if (!shown.equals(getText())) {
            setText(shown);
        }
    }
}
