package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.util.List;
import java.util.function.ToLongFunction;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import uk.gov.justice.digital.hmpps.rollbackconsole.review.Problem;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.Severity;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Masked;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/**
 * The review's problems, sortable: severity in its colour, code, line, column and record (a dash for the file as
 * a whole), and the message, which takes the width the other columns leave.
 */
final class ProblemsTable extends TableView<Problem> {

    ProblemsTable(ObservableList<Problem> visible) {
        TableColumn<Problem, String> severity = new TableColumn<>("severity");
        severity.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity().label()));
        severity.setCellFactory(c -> new SeverityCell());
        severity.setPrefWidth(80);
        severity.setMinWidth(80);
        TableColumn<Problem, String> code = new TableColumn<>("code");
        code.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().code().name()));
        code.setPrefWidth(210);
        code.setMinWidth(200);
        TableColumn<Problem, Long> line = number("line", Problem::line);
        TableColumn<Problem, Long> column = number("column", Problem::column);
        TableColumn<Problem, Long> record = number("record", Problem::recordNumber);
        TableColumn<Problem, String> message = new TableColumn<>("message");
        message.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        // A long message ("unknown source_system "Delius" — did you mean ...") wraps in its column, never "...".
        message.setCellFactory(uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WrappingTableCell.masked());
        message.setPrefWidth(400);
        message.setMinWidth(160);
        getColumns().setAll(List.of(severity, code, line, column, record, message));
        Masked.table(this);
        Em.columns(this);
        setPlaceholder(new Label("No problems."));
        // The message takes what the other columns leave; the full text is shown below the table when selected.
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<Problem> sorted = new SortedList<>(visible);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        Em.minHeight(this, 9.23);
    }

    private static TableColumn<Problem, Long> number(String name, ToLongFunction<Problem> value) {
        TableColumn<Problem, Long> c = new TableColumn<>(name);
        c.setCellValueFactory(p -> new ReadOnlyObjectWrapper<>(value.applyAsLong(p.getValue())));
        c.setCellFactory(p -> new TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                // Record 0 means the problem is about the file, not one record.
                setText(empty || item == null ? null : item == 0 ? "\u2014" : ReviewText.count(item));
            }
        });
        c.getStyleClass().add(Styles.NUMBER_COLUMN);
        c.setPrefWidth(name.equals("record") ? 70 : 64);
        c.setMinWidth(c.getPrefWidth());
        return c;
    }

    /** The severity in its colour, so that errors stand out in a long list. */
    private static final class SeverityCell extends TableCell<Problem, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.SEVERITY_ERROR, Styles.SEVERITY_WARNING);
            setText(empty ? null : item);
            if (!empty && item != null) {
                getStyleClass().add(Severity.ERROR.label().equals(item) ? Styles.SEVERITY_ERROR : Styles.SEVERITY_WARNING);
            }
        }
    }
}
