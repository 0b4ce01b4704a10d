package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.function.BiFunction;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

/**
 * Cells and labels that show identifiers masked while presenter mode is on (see {@link Masking}). Only what is
 * shown changes: the items, and what Copy buttons copy, are the real values, so that what is pasted into psql,
 * kubectl or the channel by the person at the keyboard still works.
 */
public final class Masked {
    private Masked() {
    }

    /** A column of person_uuids (or cluster UUIDs). */
    public static <S> void uuids(TableColumn<S, String> column) {
        column.setCellFactory(c -> new MaskedCell<S, String>(Masking::uuid));
    }

    /** A column of source system ids (crn, prison number, defendant id, c_id). */
    public static <S> void sourceIds(TableColumn<S, String> column) {
        column.setCellFactory(c -> new MaskedCell<S, String>(Masking::sourceId));
    }

    /** A column of text that may hold identifiers (keys, UUIDs, messages). */
    public static <S> void text(TableColumn<S, String> column) {
        column.setCellFactory(c -> new MaskedCell<S, String>(Masking::text));
    }

    /**
     * Masks every column of {@code table} still showing its values as they are (with the default cells) as
     * text, and redraws the table when presenter mode is switched: one call after its columns are made.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void table(TableView<?> table) {
        for (TableColumn column : table.getColumns()) {
            if (column.getCellFactory() == TableColumn.DEFAULT_CELL_FACTORY) {
                column.setCellFactory(c -> new MaskedCell<Object, Object>((BiFunction<Masking, String, String>) Masking::text));
            }
        }
        Presenter.follow(table, n -> table.refresh());
    }

    /** A list of identifiers, or of lines holding them. */
    public static void list(ListView<String> list) {
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Presenter.maskingFor(getListView() != null ? getListView() : this).text(item));
            }
        });
        Presenter.follow(list, n -> list.refresh());
    }

    /** Shows {@code text} in {@code label}, masked as the label's window says. */
    public static void bind(Labeled label, ObservableValue<String> text) {
        bind(label, text, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #bind(Labeled, ObservableValue)}, with {@code then} applied to the masked text. */
    public static void bind(Labeled label, ObservableValue<String> text, java.util.function.UnaryOperator<String> then) {
        Runnable show = () -> label.setText(then.apply(Presenter.maskingFor(label).text(text.getValue())));
        text.addListener((obs, was, now) -> show.run());
        Presenter.follow(label, n -> show.run());
    }

    private static final class MaskedCell<S, T> extends TableCell<S, T> {
        private final BiFunction<Masking, String, String> mask;

        MaskedCell(BiFunction<Masking, String, String> mask) {
            this.mask = mask;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
            } else {
                // A table makes new cells before it puts them in the window: the table's window decides.
                javafx.scene.Node in = getTableView() != null ? getTableView()
                        : getTableColumn() != null && getTableColumn().getTableView() != null ? getTableColumn().getTableView() : this;
                setText(mask.apply(Presenter.maskingFor(in), item.toString()));
            }
            setGraphic(null);
        }
    }
}
