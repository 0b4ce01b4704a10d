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
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Em.column(table, keys, 10);
        Em.column(table, what, 24);
        Em.column(table, where, 16);
        Label intro = new Label("A step's shortcut works while that step is shown; its button's tooltip names it too.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.STEP_INTRO);
        VBox page = Em.padding(Em.spacing(new VBox(intro, table), 0.6), 1, 1, 1, 1);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(page, 760, 640);
        scene.getStylesheets().setAll(styledLike.getStylesheets());
        // The list is read at the window's zoom and in its theme, and follows them while it is open.
        page.getStyleClass().setAll(styledLike.getRoot().getStyleClass());
        Presenter.of(styledLike.getRoot()).ifPresent(p -> p.dress(page));
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
