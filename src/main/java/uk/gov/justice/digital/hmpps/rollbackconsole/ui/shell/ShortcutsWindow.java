package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help > Keyboard shortcuts: every shortcut of the window and of each step, in a window of its own. */
public final class ShortcutsWindow {

    private final Stage stage = new Stage();
    private final TableView<Shortcuts.Shortcut> table = new TableView<>(FXCollections.observableArrayList(Shortcuts.ALL));

    public ShortcutsWindow(Window owner, Scene styledLike) {
        stage.initOwner(owner);
        stage.setTitle("Keyboard shortcuts");
        TableColumn<Shortcuts.Shortcut, String> keys = new TableColumn<>("Keys");
        keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keysText()));
        TableColumn<Shortcuts.Shortcut, String> what = new TableColumn<>("What they do");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().what()));
        TableColumn<Shortcuts.Shortcut, String> where = new TableColumn<>("Where");
        where.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        table.getColumns().setAll(java.util.List.of(keys, what, where));
        table.setId("shortcuts-table");
        // Each column as wide as its longest entry; at 200 % the list scrolls sideways rather than cut one to "...".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // Wide enough for "Ctrl+Shift+P", "Zoom back to 100 % (150 % in presenter mode)" and "5. Port-forward and
        // recluster" in the table's monospaced font, at any zoom.
        Em.column(table, keys, 10);
        Em.column(table, what, 28);
        Em.column(table, where, 19);
        Label intro = new Label("A step's shortcut works while that step is shown; its button's tooltip names it too.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.STEP_INTRO);
        VBox page = Em.padding(Em.spacing(new VBox(intro, table), 0.6), 1, 1, 1, 1);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        // Dressed before it is in a scene, so that the sizes in em above find the window's zoom when it gets one.
        Presenter.of(styledLike.getRoot()).ifPresent(p -> p.dress(page));
        Scene scene = new Scene(page);
        scene.getStylesheets().setAll(styledLike.getStylesheets());
        // The list is read at the window's zoom and in its theme, and follows them while it is open.
        page.getStyleClass().setAll(styledLike.getRoot().getStyleClass());
        stage.setScene(scene);
        // Its size in em too, so the list is not cut to "..." at 200 %; never beyond the screen (a 1280 x 720 share).
        javafx.geometry.Rectangle2D usable = javafx.stage.Screen.getPrimary().getVisualBounds();
        Em.apply(page, 60, w -> stage.setWidth(Math.min(w, usable.getWidth())));
        Em.apply(page, 49, h -> stage.setHeight(Math.min(h, usable.getHeight())));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
