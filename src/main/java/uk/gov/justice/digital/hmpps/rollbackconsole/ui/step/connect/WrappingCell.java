package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.ListCell;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

/**
 * A combo box's chosen value, "rehearsal  (hmpps-person-record-rehearsal)" or "UK time (Europe/London, the
 * service's)", on one line where it fits, on two (the part in brackets under the name) where it does not, and wrapped
 * at spaces where even that is too wide (zoomed in, beside the results), never cut to "...". A combo box does not
 * wrap its text itself.
 */
final class WrappingCell<T> extends ListCell<T> {

    private final StringConverter<T> names;
    private String oneLine;

    WrappingCell(StringConverter<T> names) {
        this.names = names;
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        oneLine = empty || item == null ? null : names.toString(item);
        setText(oneLine);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (oneLine == null) {
            return;
        }
        String shown = wrap(oneLine, getFont(), getWidth() - snappedLeftInset() - snappedRightInset());
        if (!shown.equals(getText())) {
            setText(shown);
            // Changed while being laid out, the new height would reach the combo box only when something else
            // moved: one line again at 100 %, the box stayed three lines tall.
            javafx.application.Platform.runLater(this::requestLayout);
        }
    }

    /** As wide as the value on one line: the combo box is given that width where there is room for it. */
    @Override
    protected double computePrefWidth(double height) {
        return oneLine == null ? super.computePrefWidth(height)
                : snappedLeftInset() + snappedRightInset() + Math.ceil(width(oneLine, getFont())) + 1;
    }

    /** {@code line} as drawn in {@code font} within {@code room} pixels: whole, split before "(", or wrapped. */
    static String wrap(String line, Font font, double room) {
        if (width(line, font) <= room) {
            return line;
        }
        int bracket = line.indexOf(" (");
        if (bracket > 0) {
            String name = line.substring(0, bracket).strip();
            String rest = line.substring(bracket).strip();
            if (width(name, font) <= room && width(rest, font) <= room) {
                return name + "\n" + rest;
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : pieces(line.strip().split("\\s+"), font, room)) {
            String tried = current.length() == 0 ? word : current + " " + word;
            if (current.length() > 0 && width(tried, font) > room) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(tried);
            }
        }
        lines.add(current.toString());
        return String.join("\n", lines);
    }

    /**
     * The words of a line, a word too wide for a line of its own (a host name) broken after its dots and dashes,
     * joined again as far as the room allows.
     */
    private static List<String> pieces(String[] words, Font font, double room) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            if (width(word, font) <= room) {
                out.add(word);
                continue;
            }
            StringBuilder piece = new StringBuilder();
            for (String part : word.split("(?<=[.\\-])")) {
                if (piece.length() > 0 && width(piece + part, font) > room) {
                    out.add(piece.toString());
                    piece = new StringBuilder();
                }
                piece.append(part);
            }
            out.add(piece.toString());
        }
        return out;
    }

    private static double width(String s, Font font) {
        Text measure = new Text(s);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
