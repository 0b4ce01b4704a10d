package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.function.DoubleConsumer;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Sizes set in code, in em of the window's font (13 px at 100 %), so that zooming the root font size zooms them
 * too, as app.css's sizes are. Each size follows the zoom of the window its node is shown in.
 */
public final class Em {
    private Em() {
    }

    /** Calls {@code set} with {@code em} in pixels now and whenever the window's zoom changes. */
    public static void apply(Node owner, double em, DoubleConsumer set) {
        Presenter.follow(owner, n -> set.accept(em * Presenter.emFor(n)));
    }

    public static <R extends Region> R prefWidth(R r, double em) {
        apply(r, em, r::setPrefWidth);
        return r;
    }

    public static <R extends Region> R minWidth(R r, double em) {
        apply(r, em, r::setMinWidth);
        return r;
    }

    public static <R extends Region> R maxWidth(R r, double em) {
        apply(r, em, r::setMaxWidth);
        return r;
    }

    public static <R extends Region> R prefHeight(R r, double em) {
        apply(r, em, r::setPrefHeight);
        return r;
    }

    public static <R extends Region> R minHeight(R r, double em) {
        apply(r, em, r::setMinHeight);
        return r;
    }

    public static void column(TableView<?> table, TableColumn<?, ?> column, double em) {
        apply(table, em, column::setPrefWidth);
    }

    public static void minColumn(TableView<?> table, TableColumn<?, ?> column, double em) {
        apply(table, em, column::setMinWidth);
    }

    /**
     * Every column of {@code table} keeps the width it was given in pixels for 100 % and grows with the zoom: one
     * call after the columns are made, for views whose column widths are set in pixels.
     */
    public static void columns(TableView<?> table) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            double pref = c.getPrefWidth() / Presenter.BASE_FONT_PX;
            double min = c.getMinWidth() / Presenter.BASE_FONT_PX;
            apply(table, pref, c::setPrefWidth);
            apply(table, min, c::setMinWidth);
        }
    }

    public static <R extends Region> R padding(R r, double top, double right, double bottom, double left) {
        Presenter.follow(r, n -> {
            double px = Presenter.emFor(n);
            r.setPadding(new Insets(top * px, right * px, bottom * px, left * px));
        });
        return r;
    }

    public static void margin(Node n, double top, double right, double bottom, double left) {
        Presenter.follow(n, x -> {
            double px = Presenter.emFor(x);
            BorderPane.setMargin(n, new Insets(top * px, right * px, bottom * px, left * px));
        });
    }

    public static VBox spacing(VBox box, double em) {
        apply(box, em, box::setSpacing);
        return box;
    }

    public static HBox spacing(HBox box, double em) {
        apply(box, em, box::setSpacing);
        return box;
    }

    public static GridPane gaps(GridPane grid, double h, double v) {
        apply(grid, h, grid::setHgap);
        apply(grid, v, grid::setVgap);
        return grid;
    }
}
