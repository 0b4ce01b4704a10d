package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.App;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.SimulatedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send.ReclusterStepViewModel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.FakeDialogs;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/**
 * A real window (headless) over the embedded replica. Subclasses walk the steps as a user does: typing, clicking,
 * and reading what the screen says. The clock is fixed the day after the seeded BST cutoff.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ConsoleWindowTest {

    protected static final Clock DAY_AFTER_DEPLOYMENT = Clock.fixed(Instant.parse("2025-06-10T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    protected Path dir;
    /** Where the window keeps incidents' journals: a folder of its own, apart from the files a test exports. */
    @TempDir
    protected Path incidents;
    protected final FakeDialogs dialogs = new FakeDialogs();
    protected final uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.RaisedAlerts alerts =
            new uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.RaisedAlerts();
    protected App.Console console;
    protected Stage stage;

    // ApplicationExtension does not look for @Start in superclasses, so the window is opened here instead.
    @BeforeEach
    void openWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage = new Stage();
            SettingsStore settings = new SettingsStore(dir.resolve("settings.properties"));
            // Incidents' journals go into the test's folder, never the user's.
            settings.put("incidents.root", incidents.toString());
            settings.put("processes.root", dir.resolve(".processes").toString());
            // A refused or unanswered batch is settled by the log within seconds, not the 20 s of a real pod.
            settings.put(ReclusterStepViewModel.RUN_TAKEN_WITHIN, "3");
            configure(settings);
            console = App.Console.open(stage, settings, DAY_AFTER_DEPLOYMENT, dialogs);
            // A headless test has no desktop: the run's alerts are kept here, never sent to a real tray.
            console.alertsTo(alerts);
            stage.show();
            stage.toFront();
        }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What a test's window starts with beyond the defaults (a setting a user would have changed). */
    protected void configure(SettingsStore settings) {
    }

    @AfterEach
    void closeWindow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            console.close();
            stage.close();
        }).get(10, TimeUnit.SECONDS);
    }

    protected Path incidents() {
        return incidents;
    }

    protected void fill(FxRobot robot, String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(""));
        scrollIntoView(robot, field);
        robot.clickOn(field).write(text);
    }

    /** As a user scrolls a step's page to reach a field below the fold before clicking it. */
    protected static void scrollIntoView(FxRobot robot, Node node) {
        javafx.scene.Parent p = node.getParent();
        while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        if (p == null) {
            return;
        }
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) p;
        robot.interact(() -> {
            javafx.geometry.Bounds inViewport = scroll.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double viewport = scroll.getViewportBounds().getHeight();
            if (inViewport.getMinY() >= 0 && inViewport.getMaxY() <= viewport) {
                return;
            }
            double content = scroll.getContent().getBoundsInLocal().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            scroll.setVvalue(Math.min(1, Math.max(0, (y - viewport / 3) / Math.max(1, content - viewport))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    protected void connectToTestReplica(FxRobot robot) {
        ConnectionSettings s = TestReplica.settings();
        @SuppressWarnings("unchecked")
        ComboBox<Environment> environment = robot.lookup("#environment").queryAs(ComboBox.class);
        robot.interact(() -> environment.setValue(Environment.LOCAL));
        fill(robot, "#host", s.host());
        fill(robot, "#port", Integer.toString(s.port()));
        fill(robot, "#database", s.database());
        fill(robot, "#user", s.user());
        robot.clickOn("#connect");
        waitUntil(() -> robot.lookup("#server-version").queryLabeled().getText().startsWith("PostgreSQL"));
    }

    /**
     * On the Send step, as the incident lead does it: the fake kubectl, its context and namespace, then the first of
     * the {@code readyPods} pods listed, and a port-forward to it answering GET /health.
     */
    protected void forwardToTheFirstPod(FxRobot robot, SimulatedCluster cluster, int readyPods) {
        waitUntil(() -> !robot.lookup("#kubectl-path").query().isDisabled());
        fill(robot, "#kubectl-path", cluster.executable().toString());
        robot.clickOn("#load-contexts");
        @SuppressWarnings("unchecked")
        ComboBox<String> context = robot.lookup("#kube-context").queryAs(ComboBox.class);
        waitUntil(() -> context.getItems().size() == 2);
        robot.interact(() -> context.setValue(SimulatedCluster.CONTEXT));
        fill(robot, "#kube-namespace", SimulatedCluster.NAMESPACE);
        robot.clickOn("#find-pods");
        waitUntil(() -> rows(robot, "#pods-table") == readyPods);
        robot.interact(() -> robot.lookup("#pods-table").queryTableView().getSelectionModel().select(0));
        robot.clickOn("#start-forward");
        waitUntil(() -> text(robot, "#forward-status").contains("GET /health answers UP"));
    }

    /** Reviews {@code file} offline, finds it safe to send, and takes it to the Send step. */
    protected void sendFromTheReview(FxRobot robot, Path file) {
        robot.interact(() -> console.openReview(file));
        waitUntil(() -> robot.lookup("#review-verdict").tryQuery().map(n -> n.isVisible()).orElse(false)
                && text(robot, "#review-verdict").equals("SAFE TO SEND"));
        robot.clickOn("#send-file");
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 4);
    }

    /** Ten DELIUS records (X900001 to X900010), written as a runbook file ready for the offline review. */
    protected Path tenReviewedRecords() throws Exception {
        Path file = dir.resolve("reviewed.json");
        java.util.List<uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord> records =
                new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            records.add(new uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord(null,
                    uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS,
                    "X9000" + String.format("%02d", i), 1, Instant.parse("2025-06-09T13:00:00Z")));
        }
        new uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport().write(file, false,
                uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordSource.of(records));
        return file;
    }

    /**
     * Reviews {@code file} offline and sends it, confirmed, in batches of {@code batchSize} to the first of the
     * {@code readyPods} pods of {@code cluster}; returns once Progress shows the run.
     */
    protected void sendReviewedInBatches(FxRobot robot, Path file, SimulatedCluster cluster, int readyPods,
                                         int batchSize) {
        sendFromTheReview(robot, file);
        forwardToTheFirstPod(robot, cluster, readyPods);
        robot.interact(() -> robot.lookup("#batch-size").queryAs(TextInputControl.class)
                .setText(Integer.toString(batchSize)));
        dialogs.confirmAnswer = true;
        robot.interact(() -> robot.lookup("#send").queryButton().fire());
        waitUntil(() -> console.wizard().currentIndexProperty().get() == 5);
    }

    protected static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the screen did not get there within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text as read: a non-breaking space (which keeps a banner's part on one line) reads as a space. */
    protected static String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        if (n instanceof Labeled l) {
            return l.getText() == null ? null : l.getText().replace('\u00a0', ' ').replace("\u200b", "");
        }
        return ((TextInputControl) n).getText();
    }

    protected static boolean enabled(FxRobot robot, String id) {
        return !robot.lookup(id).queryAs(Button.class).isDisabled();
    }

    protected static int rows(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class).getItems().size();
    }

    /** The texts of the labels and buttons under {@code root} that the screen shows cut short ("Copy S..."). */
    protected static java.util.List<String> truncatedLabels(javafx.scene.Parent root) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        // Every Labeled under root, skins' parts included (no style class names them all: ".labeled" matched none).
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
            if (n instanceof Labeled l && l.getScene() != null && l.getText() != null && !l.getText().isBlank()) {
                String ellipsis = l.getEllipsisString();
                // As drawn: a mnemonic's underscore is not shown ("_Send…" is drawn "Send…", whole).
                String whole = l.isMnemonicParsing() ? l.getText().replaceFirst("_(?=.)", "") : l.getText();
                // Its own text only: not that of a Labeled inside it (a titled pane's content, a cell's graphic).
                l.lookupAll(".text").stream().filter(javafx.scene.text.Text.class::isInstance)
                        .filter(t -> nearestLabeled(t) == l)
                        .map(t -> ((javafx.scene.text.Text) t).getText())
                        .filter(t -> t != null && !t.equals(l.getText()) && !t.equals(whole)
                                && (cutAt(t, "\u2026", whole) || cutAt(t, "...", whole)
                                || !ellipsis.isEmpty() && cutAt(t, ellipsis, whole)))
                        .findFirst().ifPresent(t -> cut.add(l.getText()));
            }
        }
        return cut;
    }

    /**
     * Whether {@code node} draws its text whole: every piece of text in it lies inside its bounds (a field that scrolls
     * draws part of its text outside, clipped) and none ends in "..." (a label cut short). For a path or a SHA-256
     * the lead must read and compare whole at any zoom.
     */
    protected static boolean drawnWhole(Node node) {
        javafx.geometry.Bounds outer = node.localToScene(node.getBoundsInLocal());
        java.util.List<javafx.scene.text.Text> texts = new java.util.ArrayList<>();
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(java.util.List.of(node));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof javafx.scene.text.Text t && t.getText() != null && !t.getText().isEmpty()) {
                texts.add(t);
            } else if (n instanceof javafx.scene.Parent p) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        return !texts.isEmpty() && texts.stream().allMatch(t -> {
            javafx.geometry.Bounds b = t.localToScene(t.getBoundsInLocal());
            return b.getMinX() >= outer.getMinX() - 1 && b.getMaxX() <= outer.getMaxX() + 1
                    && b.getMinY() >= outer.getMinY() - 1 && b.getMaxY() <= outer.getMaxY() + 1
                    && !t.getText().endsWith("\u2026") && !t.getText().endsWith("...");
        });
    }

    /** What {@code read} returns, read on the FX thread (a layout's figures, as drawn). */
    protected static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not read the screen", e);
        }
    }

    /** True when a line of {@code drawn} ends in {@code ellipsis} and is not so in {@code whole}: that line was cut. */
    private static boolean cutAt(String drawn, String ellipsis, String whole) {
        // A text on several lines is cut line by line: "UK time\n(Europe/Lond...\nthe service's)".
        return java.util.Arrays.stream(drawn.split("\n"))
                .anyMatch(line -> line.endsWith(ellipsis) && !whole.contains(line));
    }

    /** The same as {@link #truncatedLabels}: the name the tests of other windows use. */
    protected static java.util.List<String> labelsCutShort(javafx.scene.Parent root) {
        return truncatedLabels(root);
    }

    private static Labeled nearestLabeled(Node n) {
        javafx.scene.Parent p = n.getParent();
        while (p != null && !(p instanceof Labeled)) {
            p = p.getParent();
        }
        return (Labeled) p;
    }

    /** The window at the size of a shared screen, 1280 x 720, zoomed to {@code percent}. */
    protected void sharedScreenAt(FxRobot robot, int percent) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene().getRoot())
                    .presenter().zoomProperty().set(percent);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Saves what the window shows as {@code target/screenshots/NAME.png}. Run with {@code -Dscreens.grid=true}, it also
     * saves the same state on a 1280 x 720 screen at 100, 150 and 200 %, in the light, dark and high-contrast themes,
     * under {@code target/screenshots/grid/}, so that every screen the tests reach can be looked at in every look a
     * user can give it; the window is put back as it was afterwards.
     */
    protected void screenshot(String name) {
        Screenshots.save(stage.getScene(), name);
        if (Boolean.getBoolean("screens.grid")
                && stage.getScene().getRoot() instanceof uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) {
            screenshotGrid(name);
        }
    }

    private void screenshotGrid(String name) {
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        // Each image with the labels it shows cut listed beside it (cut.txt), for whoever looks at the grid.
        Screenshots.grid(stage, presenter, stage, name, shot -> {
            try {
                reportCut(shot);
            } catch (Exception e) {
                throw new IllegalStateException("could not list the labels cut in " + shot, e);
            }
        });
    }

    /**
     * Saves {@code shown}, a window over this one (a dialog, the About box), as {@code target/screenshots/NAME.png};
     * with {@code -Dscreens.grid=true} also at each zoom and theme of this window, which it follows, over this
     * window at 1280 x 720.
     */
    protected void screenshot(javafx.stage.Window shown, String name) {
        Screenshots.save(shown.getScene(), name);
        if (Screenshots.gridWanted()
                && stage.getScene().getRoot() instanceof uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView shell) {
            Screenshots.grid(stage, shell.presenter(), shown, name);
        }
    }

    /**
     * With {@code -Dscreens.grid=true}, saves a window that blocks this one while open (a dialog, the About box) in
     * each zoom and theme of this window, {@code open} opening it anew each time from the test's thread, as a user
     * opens it in that look; each is closed again. Call it before the test answers the one it opened itself.
     */
    protected void screenshotEachLook(String name, java.util.function.Supplier<javafx.stage.Window> open) {
        if (Screenshots.gridWanted()
                && stage.getScene().getRoot() instanceof uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView shell) {
            Screenshots.gridOpened(stage, shell.presenter(), name, open);
        }
    }

    /**
     * Lists, in {@code target/screenshots/grid/cut.txt}, the labels the image {@code shot} shows cut to "...", so
     * that whoever looks at the grid knows where to look twice.
     */
    private void reportCut(String shot) throws Exception {
        java.util.List<String> cut = WaitForAsyncUtils.asyncFx(() -> truncatedLabels(stage.getScene().getRoot()))
                .get(10, TimeUnit.SECONDS);
        if (!cut.isEmpty()) {
            Path report = Path.of("target", "screenshots", "grid", "cut.txt");
            Files.writeString(report, shot + ": " + cut + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    protected static String read(Path file) throws Exception {
        return Files.readString(file);
    }
}
