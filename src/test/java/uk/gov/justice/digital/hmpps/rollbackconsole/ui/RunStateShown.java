package uk.gov.justice.digital.hmpps.rollbackconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import javafx.scene.Node;
import javafx.scene.control.Button;

import org.testfx.api.FxRobot;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ProgressStyles;

/**
 * What Progress draws for a run's state, as the lead sees it: the headline and its colour, the bar's colour, which of
 * Pause / Resume / Stop can be pressed, which button leads, and whether Next leads.
 */
final class RunStateShown {

    private static final List<String> CONTROLS = List.of("#pause", "#resume", "#stop");

    private RunStateShown() {
    }

    /**
     * The state as a shared screen shows it: the window at 1280x720, at 100 %, 150 % and 200 % (presenter mode from
     * 150 %), light, dark and high contrast, each saved under target/screenshots; in each the headline is whole and
     * inside the window (above the fold, or at 200 % in the audience card with the run's bar), the page never scrolls
     * sideways, and nothing on it, in the card or in the status bar is cut short. Zoomed to 150 % and 200 % without
     * presenter mode, where no audience card carries it, the page's own headline is above the fold.
     */
    static void lookedAt(FxRobot robot, javafx.stage.Stage stage, String name) {
        var presenter = ((uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardShellView) stage.getScene()
                .getRoot()).presenter();
        double width = stage.getWidth();
        double height = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        for (int zoom : new int[] {100, 150, 200}) {
            for (String look : new String[] {"light", "dark", "contrast"}) {
                boolean dark = look.equals("dark");
                robot.interact(() -> {
                    presenter.onProperty().set(zoom > 100);
                    presenter.zoomProperty().set(zoom);
                    presenter.darkProperty().set(dark);
                    presenter.highContrastProperty().set(look.equals("contrast"));
                });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.control.Labeled headline = robot.lookup("#progress-state").queryLabeled();
                // The page as it opens: its top, where the state is.
                robot.interact(() -> {
                    javafx.scene.Parent p = headline.getParent();
                    while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                        p = p.getParent();
                    }
                    if (p != null) {
                        ((javafx.scene.control.ScrollPane) p).setVvalue(0);
                    }
                });
                org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
                javafx.geometry.Bounds b = headline.localToScene(headline.getBoundsInLocal());
                assertThat(b.getMaxX()).as(name + " at " + zoom + " %").isLessThanOrEqualTo(stage.getScene().getWidth());
                if (zoom < 200) {
                    assertThat(b.getMaxY()).as(name + " above the fold at " + zoom + " %")
                            .isLessThanOrEqualTo(stage.getScene().getHeight() * 0.7);
                } else {
                    // At 200 % the audience card carries the state and the bar above the page.
                    assertThat(SharedScreenWindowTest.onScreen(robot, "#audience-now")).as(name + " at 200 %").isTrue();
                    assertThat(SharedScreenWindowTest.onScreen(robot, "#audience-bar")).as(name + " at 200 %").isTrue();
                }
                javafx.scene.control.ScrollPane page = page(headline);
                assertThat(page.getContent().getLayoutBounds().getWidth()).as(() -> name + ": no sideways scrolling at "
                        + zoom + " % " + look + "; wider than the page: " + widerThan(page) + " at ")
                        .isLessThanOrEqualTo(page.getViewportBounds().getWidth() + 1);
                assertThat(page.getContent().getLayoutBounds().getWidth()).as(name + ": no sideways scrolling at "
                        + zoom + " %").isLessThanOrEqualTo(page.getViewportBounds().getWidth() + 1);
                assertThat(headline.lookupAll(".text").stream().map(t -> ((javafx.scene.text.Text) t).getText()))
                        .as(name + ": the headline is not cut short at " + zoom + " %")
                        .allSatisfy(t -> assertThat(t).doesNotEndWith("\u2026").doesNotEndWith("..."));
                assertThat(cutShort(robot)).as(name + ": cut short at " + zoom + " %").isEmpty();
                uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots.save(stage.getScene(),
                        name + "-" + zoom + (look.equals("light") ? "" : "-" + look));
            }
        }
        // Zoomed in without presenter mode there is no audience card: the page itself shows the headline whole,
        // inside the page's window as it opens.
        for (int zoom : new int[] {150, 200}) {
            robot.interact(() -> {
                presenter.darkProperty().set(false);
                presenter.highContrastProperty().set(true);
                presenter.onProperty().set(false);
                presenter.zoomProperty().set(zoom);
            });
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.control.Labeled headline = robot.lookup("#progress-state").queryLabeled();
            javafx.scene.control.ScrollPane page = page(headline);
            robot.interact(() -> page.setVvalue(0));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.geometry.Bounds b = page.sceneToLocal(headline.localToScene(headline.getBoundsInLocal()));
            assertThat(b.getMinY()).as(name + ": the headline's top inside the page at " + zoom + " % (no presenter mode, high contrast)")
                    .isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxY()).as(name + ": the headline above the fold at " + zoom + " % (no presenter mode, high contrast)")
                    .isLessThanOrEqualTo(page.getViewportBounds().getHeight());
            assertThat(page.getContent().getLayoutBounds().getWidth()).as(() -> name + ": no sideways scrolling at "
                    + zoom + " % (no presenter mode, high contrast); wider than the page: " + widerThan(page))
                    .isLessThanOrEqualTo(page.getViewportBounds().getWidth() + 1);
        }
        robot.interact(() -> {
            presenter.darkProperty().set(false);
            presenter.highContrastProperty().set(false);
            presenter.zoomProperty().set(100);
            presenter.onProperty().set(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }

    /** The nodes of a page that reach past its right edge, by id or class, for a failure's message. */
    private static List<String> widerThan(javafx.scene.control.ScrollPane page) {
        double right = page.localToScene(page.getViewportBounds()).getMaxX();
        List<String> wide = new java.util.ArrayList<>();
        java.util.Deque<Node> todo = new java.util.ArrayDeque<>(List.of(page.getContent()));
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!n.isVisible()) {
                continue;
            }
            if (n.localToScene(n.getLayoutBounds()).getMaxX() > right + 1) {
                wide.add((n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName() + n.getStyleClass())
                        + (n instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : ""));
            }
            if (n instanceof javafx.scene.Parent p && !(n instanceof javafx.scene.control.Control)) {
                todo.addAll(p.getChildrenUnmodifiable());
            }
        }
        // Nothing drawn past the edge: then the page is as wide as the widest least width of what it holds.
        double room = page.getViewportBounds().getWidth();
        Node n = page.getContent();
        while (n instanceof javafx.scene.Parent p && !(n instanceof javafx.scene.control.Control)) {
            Node widest = p.getChildrenUnmodifiable().stream().filter(Node::isManaged)
                    .max(java.util.Comparator.comparingDouble(c -> c.minWidth(-1))).orElse(null);
            if (widest == null) {
                break;
            }
            wide.add("least width " + Math.round(widest.minWidth(-1)) + " of " + room + ": "
                    + (widest.getId() != null ? "#" + widest.getId() : widest.getClass().getSimpleName()
                    + widest.getStyleClass()) + (widest instanceof javafx.scene.control.Labeled l ? " \"" + l.getText()
                    + "\"" : ""));
            n = widest;
        }
        return wide;
    }

    private static javafx.scene.control.ScrollPane page(Node n) {
        javafx.scene.Parent p = n.getParent();
        while (!(p instanceof javafx.scene.control.ScrollPane)) {
            p = p.getParent();
        }
        return (javafx.scene.control.ScrollPane) p;
    }

    /**
     * The texts the Progress page, the audience card and the status bar show cut short ("1 of 1 batches co...",
     * a pod's name in a drop-down); a button whose own text ends in an ellipsis ("Send the rest to this pod...") is
     * whole when shown whole. Every {@link javafx.scene.control.Labeled} shown is looked at, skins' cells included
     * (JavaFX gives labeled controls no common style class to look them up by).
     */
    static List<String> cutShort(FxRobot robot) {
        List<String> cut = new java.util.ArrayList<>();
        for (String id : List.of("#progress-state", "#audience-card", "#status")) {
            Node n = robot.lookup(id).query();
            if (!n.isVisible()) {
                continue;
            }
            Node root = n;
            if (id.equals("#progress-state")) {
                root = page(n);
            }
            collectCut(root, cut);
        }
        return cut;
    }

    /** The texts under {@code root}, as shown, that are cut short; only what is visible is looked at. */
    static List<String> cutShortUnder(javafx.scene.Parent root) {
        List<String> cut = new java.util.ArrayList<>();
        collectCut(root, cut);
        return cut;
    }

    private static void collectCut(Node n, List<String> cut) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof javafx.scene.control.TitledPane pane) {
            // Its title; its content only when it is unfolded (folded, the content is not shown).
            Node title = pane.lookup(".title");
            if (title != null) {
                collectCut(title, cut);
            }
            if (pane.isExpanded() && pane.getContent() != null) {
                collectCut(pane.getContent(), cut);
            }
            return;
        }
        if (n instanceof javafx.scene.control.Labeled labeled && labeled.getText() != null
                && !labeled.getText().isBlank()) {
            String whole = labeled.isMnemonicParsing() ? labeled.getText().replace("_", "") : labeled.getText();
            labeled.lookupAll(".text").stream().filter(javafx.scene.text.Text.class::isInstance)
                    .map(t -> ((javafx.scene.text.Text) t).getText())
                    .filter(t -> (t.endsWith("\u2026") || t.endsWith("...")) && !whole.endsWith(t))
                    .forEach(cut::add);
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, cut);
            }
        }
    }

    /**
     * @param tone    the headline's style class, one of {@link ProgressStyles#TONES}
     * @param enabled which of {@code #pause}, {@code #resume}, {@code #stop} can be pressed
     * @param leading the button that is primary and default ({@code #resend-rest}, {@code #decide-unknown},
     *                {@code #resume}), or {@code #next} when Next leads
     */
    static void assertShown(FxRobot robot, String headline, String tone, Set<String> enabled, String leading) {
        assertThat(ConsoleWindowTest.text(robot, "#progress-state")).isEqualTo(headline);
        Node state = robot.lookup("#progress-state").query();
        assertThat(state.getStyleClass()).as(headline).contains(ProgressStyles.RUN_STATE, tone)
                .doesNotContainAnyElementsOf(ProgressStyles.TONES.stream().filter(t -> !t.equals(tone)).toList());
        String bar = ProgressStyles.BARS.get(ProgressStyles.TONES.indexOf(tone));
        assertThat(robot.lookup("#progress-overall").query().getStyleClass()).as("the bar's colour").contains(bar);
        for (String control : CONTROLS) {
            assertThat(ConsoleWindowTest.enabled(robot, control)).as(headline + ": " + control)
                    .isEqualTo(enabled.contains(control));
        }
        for (String id : List.of("#resume", "#resend-rest", "#decide-unknown")) {
            Button b = robot.lookup(id).queryButton();
            boolean leads = id.equals(leading);
            assertThat(b.getStyleClass().contains(Styles.PRIMARY)).as(headline + ": " + id + " is primary")
                    .isEqualTo(leads);
            assertThat(b.isDefaultButton()).as(headline + ": " + id + " is the default button").isEqualTo(leads);
        }
        assertThat(robot.lookup("#next").query().getStyleClass().contains(Styles.PRIMARY))
                .as(headline + ": Next is primary").isEqualTo("#next".equals(leading));
    }
}
