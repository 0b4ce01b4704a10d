package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Help > About: the console's version and the runtime under it, which is what anyone asks first when the console
 * misbehaves on an incident call. "Copy details" puts the same lines on the clipboard for the incident channel.
 */
public final class AboutBox {

    private AboutBox() {
    }

    /** The facts shown, in order, as name and value; also what "Copy details" copies. */
    public static List<String[]> facts(String version) {
        return List.of(
                new String[] {"Version", version},
                new String[] {"Java", System.getProperty("java.version", "?") + " ("
                        + System.getProperty("java.vendor", "?") + ")"},
                new String[] {"JavaFX", System.getProperty("javafx.runtime.version", "?")},
                new String[] {"Operating system", System.getProperty("os.name", "?") + " "
                        + System.getProperty("os.version", "") + " (" + System.getProperty("os.arch", "?") + ")"},
                new String[] {"Licence", "MIT"});
    }

    /** Opens the box over {@code owner}; Escape, Enter or Close shuts it. */
    public static Stage show(Window owner, String version) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("About Rollback Console");

        Label name = new Label("Rollback Console");
        name.getStyleClass().add(Styles.STEP_TITLE);
        Label what = new Label("Walks an incident lead through the HMPPS Person Record rollback runbook:"
                + " the affected records from the read replica, their export, the recluster and its outcome.");
        what.setWrapText(true);
        // As high as it wraps to: in high contrast's bold at 200 % its last line was cut ("the recluster and its ...").
        what.setMinHeight(Region.USE_PREF_SIZE);

        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FACTS);
        StringBuilder details = new StringBuilder("Rollback Console");
        int row = 0;
        for (String[] fact : facts(version)) {
            Label label = new Label(fact[0]);
            label.getStyleClass().add(Styles.FACT_NAME);
            Label value = new Label(fact[1]);
            value.getStyleClass().add(Styles.FACT_VALUE);
            value.setId("about-" + fact[0].toLowerCase().replace(' ', '-'));
            grid.addRow(row++, label, value);
            details.append(System.lineSeparator()).append(fact[0]).append(": ").append(fact[1]);
        }

        Button copy = new Button("_Copy details");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details.toString());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button close = new Button("Close");
        close.setId("about-close");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(copy, spacer, close);
        buttons.getStyleClass().add(Styles.NAV_BAR);

        VBox body = new VBox(name, what, grid, buttons);
        body.getStyleClass().add(Styles.CARD);
        body.setId("about");
        var icon = AboutBox.class.getResourceAsStream("icons/rollback-console-64.png");
        HBox top = icon == null ? new HBox(body) : new HBox(new ImageView(new Image(icon)), body);
        top.getStyleClass().add("about-box");
        HBox.setHgrow(body, Priority.ALWAYS);

        Scene scene = new Scene(top);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // At the main window's zoom and in its theme: a dark window does not open a white box.
        Presenter.dressLike(top, owner);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.setResizable(false);
        stage.show();
        return stage;
    }
}
