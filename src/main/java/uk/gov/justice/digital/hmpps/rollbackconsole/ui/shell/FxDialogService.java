package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs, owned by the main window so they open on the same screen as the call is watching. */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
        alert.initOwner(owner);
        dress(alert);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // The safe answer is the default: Enter does not overwrite or send anything.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, Path initialFolder, String initialName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON files", "*.json"));
        File f = chooser.showSaveDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseOpenFile(String title, Path initialFolder, String description, String... extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                Arrays.stream(extensions).map(e -> "*." + e).toList()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<String> choose(String title, String question, java.util.List<String> answers) {
        java.util.List<ButtonType> buttons = answers.stream()
                .map(a -> new ButtonType(a, ButtonBar.ButtonData.OTHER)).toList();
        java.util.List<ButtonType> all = new java.util.ArrayList<>(buttons);
        all.add(new ButtonType("Decide later", ButtonBar.ButtonData.CANCEL_CLOSE));
        Alert alert = new Alert(Alert.AlertType.WARNING, question, all.toArray(ButtonType[]::new));
        alert.initOwner(owner);
        dress(alert);
        alert.setTitle(title);
        alert.setHeaderText(title);
        // "Decide later" is the default, and so where the focus starts: a dialog with no default focuses its first
        // answer, and Enter would then resend. Enter must never send anything again.
        for (ButtonType b : all) {
            ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(b)).setDefaultButton(false);
        }
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(all.get(all.size() - 1)))
                .setDefaultButton(true);
        return alert.showAndWait().filter(buttons::contains).map(ButtonType::getText);
    }

    @Override
    public Optional<String> ask(String title, String question) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dress(dialog);
        dialog.setTitle(title);
        dialog.setHeaderText(question);
        dialog.setContentText("Type it here:");
        // The question wraps within a shared 1280-pixel screen, at any zoom, rather than running off it.
        Em.prefWidth(dialog.getDialogPane(), 40);
        return dialog.showAndWait();
    }

    /**
     * The question at the main window's zoom and in its theme: read from the back of the call at 200 %, and not a
     * white box over a dark or high-contrast window. The dialog shares the window's stylesheet already.
     */
    private void dress(javafx.scene.control.Dialog<?> dialog) {
        javafx.scene.Scene scene = dialog.getDialogPane().getScene();
        Presenter.dressLike(scene == null ? dialog.getDialogPane() : scene.getRoot(), owner);
        // As high as its text wraps to, so the bold text of high contrast is not cut to "..." at the end.
        dialog.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // One width in em: within a shared 1280 x 720 screen at 200 % both ways, rather than as wide as its longest
        // line (the file's path ran off the side) or so narrow that its text wraps below the screen's bottom edge,
        // answers and all (the question about a batch of unknown outcome, 778 pixels high).
        Em.prefWidth(dialog.getDialogPane(), 46);
        // Each answer whole ("Cancel", not "C..."), in high contrast's bold at 200 % too.
        for (javafx.scene.control.ButtonType type : dialog.getDialogPane().getButtonTypes()) {
            javafx.scene.Node button = dialog.getDialogPane().lookupButton(type);
            if (button instanceof javafx.scene.control.Button b) {
                // The bar sizes all answers alike from widths taken before high contrast's bold applies.
                javafx.scene.control.ButtonBar.setButtonUniformSize(b, false);
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }
}
