package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect.ConnectStep;

/** Presenter mode as the incident call sees it: larger, named, in high contrast if asked, and with ids masked. */
class PresenterModeTest extends ConsoleWindowTest {

    private Presenter presenter() {
        return ((WizardShellView) stage.getScene().getRoot()).presenter();
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        robot.push(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The step in presenter mode at 150 %, light and dark, and high contrast in both. */
    private void shots(FxRobot robot, String name) {
        for (boolean contrast : new boolean[] {false, true}) {
            for (boolean dark : new boolean[] {false, true}) {
                robot.interact(() -> {
                    presenter().highContrastProperty().set(contrast);
                    presenter().darkProperty().set(dark);
                });
                WaitForAsyncUtils.waitForFxEvents();
                screenshot("presenter-" + name + "-150-" + (contrast ? "contrast-" : "") + (dark ? "dark" : "light"));
            }
        }
        robot.interact(() -> {
            presenter().highContrastProperty().set(false);
            presenter().darkProperty().set(false);
        });
    }

    private List<String> cellTexts(FxRobot robot, String table) {
        // Only cells shown: a table keeps spare cells, hidden, with whatever they showed last.
        return robot.lookup(table + " .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .filter(c -> c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()
                        && !c.getTableRow().isEmpty() && !c.isEmpty())
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private boolean insideWindow(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return n.isVisible() && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= stage.getScene().getWidth()
                && b.getMaxY() <= stage.getScene().getHeight();
    }

    @Test
    void presenterModeZoomsNamesTheStepAndMasksThePreview(FxRobot robot) {
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && !robot.lookup("#statistics-table").queryTableView().getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<AffectedRecord> table = robot.lookup("#records-table").queryAs(TableView.class);
        List<String> before = cellTexts(robot, "#records-table");
        List<String> ids = table.getItems().stream().map(AffectedRecord::sourceSystemId).toList();
        // Unmasked, the table shows the real ids: what is checked below is not true by accident.
        assertThat(before).anyMatch(ids::contains);
        assertThat(robot.lookup("#presenter-step").query().isVisible()).isFalse();
        screenshot("presenter-preview-off-100");

        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertThat(presenter().onProperty().get()).as("Ctrl+Shift+P").isTrue();
        assertThat(presenter().zoomProperty().get()).isEqualTo(150);
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 19.5px");
        assertThat(robot.lookup("#next").queryAs(Button.class).getFont().getSize()).isEqualTo(19.5);
        assertThat(text(robot, "#presenter-step")).startsWith("Step 3 of 7: Preview affected records");
        assertThat(robot.lookup("#presenter-step").query().isVisible()).isTrue();
        assertThat(text(robot, "#environment-banner-label")).isEqualTo("LOCAL");

        List<String> masked = cellTexts(robot, "#records-table");
        assertThat(masked).noneMatch(ids::contains);
        assertThat(masked).anyMatch(t -> t.matches("[A-Z0-9]{3}\\*{5}"));
        assertThat(masked).anyMatch(t -> t.matches("[0-9a-f]{4}\u2026[0-9a-f]{4}"));
        // The connection's user and database are masked in the banner and in the status bar.
        ConnectionSettings s = TestReplica.settings();
        assertThat(text(robot, "#environment-banner-detail")).doesNotContain(s.user()).doesNotContain(s.database())
                .contains(s.user().substring(0, 3) + "*****");
        assertThat(insideWindow(robot, "#next")).isTrue();
        shots(robot, "3-preview");

        // The zoom goes to 200 % and the window still lays out: Next and the table in view.
        keys(robot, KeyCode.CONTROL, KeyCode.EQUALS);
        assertThat(presenter().zoomProperty().get()).as("Ctrl+=").isEqualTo(160);
        robot.interact(() -> presenter().zoomProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyle()).contains("-fx-font-size: 26.0px");
        assertThat(insideWindow(robot, "#next")).as("Next inside the window at 200 %").isTrue();
        assertThat(robot.lookup("#records-table").queryAs(Region.class).getHeight()).as("rows still shown")
                .isGreaterThan(5 * 26.0);
        screenshot("presenter-preview-200-light");
        keys(robot, KeyCode.CONTROL, KeyCode.MINUS);
        assertThat(presenter().zoomProperty().get()).as("Ctrl+-").isEqualTo(190);
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
        assertThat(presenter().zoomProperty().get()).as("Ctrl+0 goes back to presenter mode's zoom").isEqualTo(150);

        // High contrast: black on white, or white and yellow on black in the dark theme.
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        assertThat(stage.getScene().getRoot().getPseudoClassStates()).contains(PseudoClass.getPseudoClass("high-contrast"));
        assertThat(((Region) robot.lookup(".nav-bar").query()).getBackground().getFills().get(0).getFill()).isEqualTo(Color.WHITE);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        assertThat(((Region) robot.lookup(".nav-bar").query()).getBackground().getFills().get(0).getFill()).isEqualTo(Color.BLACK);
        assertThat(((Region) robot.lookup(".environment-banner").query()).getBackground().getFills().get(0).getFill())
                .isEqualTo(Color.YELLOW);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);

        // Presenter mode off: everything as it was, at 100 %.
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertThat(presenter().zoomProperty().get()).isEqualTo(100);
        assertThat(cellTexts(robot, "#records-table")).anyMatch(ids::contains);
        assertThat(robot.lookup("#presenter-step").query().isVisible()).isFalse();
    }

    @Test
    void eachStepInPresenterModeAndTheRememberedSetting(FxRobot robot) throws Exception {
        robot.interact(() -> presenter().onProperty().set(true));
        assertThat(read(dir.resolve("settings.properties"))).contains("presenter.mode=true").contains("presenter.zoom=150");
        assertThat(text(robot, "#presenter-step")).startsWith("Step 1 of 7: Connect");
        shots(robot, "1-connect-empty");
        // At 150 % the form is taller than the window: the page scrolls. Filled at 100 %, shown at 150 %.
        robot.interact(() -> presenter().onProperty().set(false));
        connectToTestReplica(robot);
        robot.clickOn("#acknowledge-primary");
        robot.interact(() -> presenter().onProperty().set(true));
        shots(robot, "1-connect");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        assertThat(text(robot, "#presenter-step")).startsWith("Step 2 of 7: Deployment time");
        shots(robot, "2-deployment-time");
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next") && !robot.lookup("#statistics-table").queryTableView().getItems().isEmpty());
        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        robot.clickOn("#export");
        waitUntil(() -> text(robot, "#export-message").contains("verified"));
        assertThat(text(robot, "#presenter-step")).startsWith("Step 4 of 7: Export");
        assertThat(insideWindow(robot, "#next")).isTrue();
        shots(robot, "4-export");
        robot.clickOn("#next");
        assertThat(text(robot, "#presenter-step")).startsWith("Step 5 of 7: Port-forward and recluster");
        shots(robot, "5-send");
        robot.interact(() -> console.outcome().open());
        WaitForAsyncUtils.waitForFxEvents();
        shots(robot, "7-outcome");
    }

    @Test
    void aConnectionMessageHasTheHostMaskedInPresenterMode(FxRobot robot) {
        robot.interact(() -> presenter().onProperty().set(true));
        ConnectionSettings s = TestReplica.settings();
        fill(robot, "#host", "replica-db.invalid");
        fill(robot, "#port", Integer.toString(s.port()));
        fill(robot, "#database", s.database());
        fill(robot, "#user", s.user());
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        ConnectStep connect = (ConnectStep) console.wizard().steps().get(0);
        waitUntil(() -> connect.model().messageProperty().get() != null
                && connect.model().messageProperty().get().text().contains("replica-db.invalid"));
        assertThat(text(robot, "#connect-message")).doesNotContain("replica-db.invalid").contains("rep*****");
        screenshot("presenter-1-connect-unknown-host-150");
    }

    @Test
    void shortcutsRunTheMainActionOfConnectPreviewAndExport(FxRobot robot) {
        ConnectionSettings s = TestReplica.settings();
        robot.interact(() -> ((javafx.scene.control.ComboBox<?>) robot.lookup("#environment").query()).getSelectionModel().select(0));
        fill(robot, "#host", s.host());
        fill(robot, "#port", Integer.toString(s.port()));
        fill(robot, "#database", s.database());
        fill(robot, "#user", s.user());
        assertThat(robot.lookup("#connect").queryAs(Button.class).getTooltip().getText())
                .contains(Shortcuts.CONNECT.getDisplayText());
        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(() -> text(robot, "#server-version").startsWith("PostgreSQL"));
        robot.clickOn("#acknowledge-primary");
        robot.clickOn("#next");
        robot.clickOn("#cutoff-text").write(TestReplica.CUTOFF_BST_LOCAL);
        waitUntil(() -> text(robot, "#cutoff-counts").contains("affected events"));
        robot.clickOn("#next");
        waitUntil(() -> enabled(robot, "#next"));
        Object first = console.session().previewProperty().get();
        assertThat(first).isNotNull();
        keys(robot, KeyCode.CONTROL, KeyCode.R);
        waitUntil(() -> console.session().previewProperty().get() != null && console.session().previewProperty().get() != first
                && enabled(robot, "#next"));
        robot.clickOn("#next");
        fill(robot, "#export-folder", dir.toString());
        keys(robot, KeyCode.CONTROL, KeyCode.S);
        waitUntil(() -> text(robot, "#export-message").contains("verified"));

        // Help > Keyboard shortcuts lists them all.
        keys(robot, KeyCode.F1);
        Window help = Window.getWindows().stream().filter(w -> w != stage && w.isShowing()
                && w.getScene().lookup("#shortcuts-table") != null).findFirst().orElseThrow();
        TableView<?> list = (TableView<?>) help.getScene().lookup("#shortcuts-table");
        assertThat(list.getItems()).hasSize(Shortcuts.ALL.size());
        Set<String> keys = Shortcuts.ALL.stream().map(Shortcuts.Shortcut::keysText).collect(Collectors.toSet());
        assertThat(keys).contains(Shortcuts.CONNECT.getDisplayText(), Shortcuts.PREVIEW_RUN.getDisplayText(),
                Shortcuts.EXPORT_SAVE.getDisplayText(), Shortcuts.PRESENTER.getDisplayText());
        screenshot(help, "help-keyboard-shortcuts");
        // Read at 200 % on a shared screen: the window grows with the zoom, and no key or description is cut.
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().zoomProperty().set(200));
        assertThat(help.getScene().getRoot().lookupAll(".table-cell > .text").stream()
                .map(t -> ((javafx.scene.text.Text) t).getText()).filter(t -> t.endsWith("...") || t.endsWith("\u2026")))
                .isEmpty();
        robot.interact(() -> ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter().zoomProperty().set(100));
        robot.interact(() -> ((javafx.stage.Stage) help).close());
    }
}
