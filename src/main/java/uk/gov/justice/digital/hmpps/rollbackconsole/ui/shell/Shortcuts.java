package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.List;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The keyboard shortcuts: the window's own (menus) and each step's main action. A step's shortcut works while its
 * button is in the window (its step is shown) and enabled, and is named in the button's tooltip; Help > Keyboard
 * shortcuts lists them all from {@link #ALL}.
 */
public final class Shortcuts {
    private Shortcuts() {
    }

    /** One shortcut as Help lists it: where it works, what it does, and the keys. */
    public record Shortcut(String where, String what, KeyCombination keys) {
        public String keysText() {
            return keys.getDisplayText();
        }
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination ctrlShift(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    public static final KeyCombination CONNECT = ctrl(KeyCode.ENTER);
    public static final KeyCombination PREVIEW_RUN = ctrl(KeyCode.R);
    public static final KeyCombination EXPORT_SAVE = ctrl(KeyCode.S);
    public static final KeyCombination SEND = ctrl(KeyCode.ENTER);
    public static final KeyCombination PAUSE = ctrl(KeyCode.P);
    public static final KeyCombination RESUME = ctrl(KeyCode.R);
    public static final KeyCombination STOP = ctrlShift(KeyCode.S);
    public static final KeyCombination TAKE_AFTER = ctrl(KeyCode.T);
    public static final KeyCombination WRITE_REPORT = ctrl(KeyCode.S);

    public static final KeyCombination PRESENTER = ctrlShift(KeyCode.P);
    public static final KeyCombination HIGH_CONTRAST = ctrlShift(KeyCode.H);
    public static final KeyCombination DARK = ctrlShift(KeyCode.D);
    // Ctrl+= and Ctrl++ (shifted = on most layouts).
    public static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_ANY);
    public static final KeyCombination ZOOM_IN_PLUS = ctrl(KeyCode.ADD);
    public static final KeyCombination ZOOM_OUT = ctrl(KeyCode.MINUS);
    public static final KeyCombination ZOOM_RESET = ctrl(KeyCode.DIGIT0);
    public static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN);
    public static final KeyCombination BACK = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN);
    public static final KeyCombination OPEN_REVIEW = ctrl(KeyCode.O);
    public static final KeyCombination QUIT = ctrl(KeyCode.Q);
    public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

    public static final List<Shortcut> ALL = List.of(
            new Shortcut("Anywhere", "Next step", NEXT),
            new Shortcut("Anywhere", "Previous step", BACK),
            new Shortcut("Anywhere", "Cancel what the step is doing", new KeyCodeCombination(KeyCode.ESCAPE)),
            new Shortcut("Anywhere", "Open a file for review", OPEN_REVIEW),
            new Shortcut("Anywhere", "Presenter mode on or off", PRESENTER),
            new Shortcut("Anywhere", "Zoom in", ZOOM_IN),
            new Shortcut("Anywhere", "Zoom out", ZOOM_OUT),
            new Shortcut("Anywhere", "Zoom back to 100 % (150 % in presenter mode)", ZOOM_RESET),
            new Shortcut("Anywhere", "High contrast on or off", HIGH_CONTRAST),
            new Shortcut("Anywhere", "Dark theme on or off", DARK),
            new Shortcut("Anywhere", "This list of shortcuts", HELP),
            new Shortcut("Anywhere", "Quit", QUIT),
            new Shortcut("1. Connect", "Connect", CONNECT),
            new Shortcut("3. Preview", "Run the preview again", PREVIEW_RUN),
            new Shortcut("4. Export", "Export the file", EXPORT_SAVE),
            new Shortcut("5. Port-forward and recluster", "Send (asks to confirm first)", SEND),
            new Shortcut("6. Progress", "Pause after this batch", PAUSE),
            new Shortcut("6. Progress", "Resume", RESUME),
            new Shortcut("6. Progress", "Stop after this batch", STOP),
            new Shortcut("7. Outcome", "Take the after statistics", TAKE_AFTER),
            new Shortcut("7. Outcome", "Write the incident report", WRITE_REPORT));

    /**
     * Makes {@code keys} press {@code button} while the button is in a window, shown and enabled, and names the
     * keys in its tooltip. Two steps may use the same keys: only the shown step's buttons are in the window.
     */
    public static void bind(Button button, KeyCombination keys) {
        Runnable press = () -> {
            if (!button.isDisabled() && shown(button)) {
                button.fire();
            }
        };
        Tooltip tip = button.getTooltip();
        String said = tip == null || tip.getText() == null || tip.getText().isBlank() ? "" : tip.getText() + "\n";
        button.setTooltip(new Tooltip(said + "Shortcut: " + keys.getDisplayText()));
        button.sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.getAccelerators().remove(keys, press);
            }
            if (now != null) {
                now.getAccelerators().put(keys, press);
            }
        });
        Scene scene = button.getScene();
        if (scene != null) {
            scene.getAccelerators().put(keys, press);
        }
    }

    /** Visible, and so are all its parents: a button on a tab not selected is not pressed by its keys. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
