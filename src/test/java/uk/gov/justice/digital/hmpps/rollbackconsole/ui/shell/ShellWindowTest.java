package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing.Screenshots;

/** The window's frame as everyone on the call sees it: the sidebar's ticks and a status bar about the step shown. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {

    /** A step whose completeness the test sets, as a step's view-model does. */
    static final class Step implements WizardStep {
        final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
        private final String title;
        private final Node view;

        Step(String title) {
            this(title, new VBox(new Label(title)));
        }

        Step(String title, Node view) {
            this.title = title;
            this.view = view;
        }

        @Override public String title() { return title; }
        @Override public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
        @Override public ReadOnlyBooleanProperty busyProperty() { return new ReadOnlyBooleanWrapper().getReadOnlyProperty(); }
        @Override public Node view() { return view; }
    }

    private Step connect;
    private Step cutoff;
    private Step outcome;
    private WizardSession session;
    private WizardViewModel wizard;
    private WizardShellView shell;
    private Stage stage;

    @BeforeEach
    void open() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            connect = new Step("Connect", themed());
            cutoff = new Step("Deployment time");
            outcome = new Step("Outcome");
            session = new WizardSession();
            wizard = new WizardViewModel(List.of(connect, cutoff, outcome));
            shell = new WizardShellView(wizard, session, () -> { });
            stage = new Stage();
            Scene scene = new Scene(shell, 1280, 720);
            scene.getStylesheets().add(WizardShellView.class.getResource("app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            wizard.start();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.close()).get(10, TimeUnit.SECONDS);
    }

    @Test
    void completedStepsAreTickedTheOutcomeIncluded(FxRobot robot) {
        assertThat(tick(robot, 1)).isEmpty();
        robot.interact(() -> connect.valid.set(true));
        assertThat(tick(robot, 1)).isEqualTo("\u2713");
        assertThat(done(robot, 1)).isTrue();
        assertThat(tick(robot, 2)).isEmpty();
        assertThat(done(robot, 2)).isFalse();

        robot.interact(() -> {
            cutoff.valid.set(true);
            wizard.goTo(2);
            outcome.valid.set(true);
        });
        assertThat(tick(robot, 3)).as("the Outcome's report written").isEqualTo("\u2713");
        assertThat(done(robot, 3)).isTrue();
        Screenshots.save(stage.getScene(), "83-sidebar-ticks");

        robot.interact(() -> connect.valid.set(false));
        assertThat(tick(robot, 1)).as("a step no longer complete loses its tick").isEmpty();
    }

    @Test
    void theStatusBarSpeaksOfTheStepShown(FxRobot robot) {
        robot.interact(() -> {
            session.statusProperty().set("Connected: PostgreSQL 16.4, about 1,204 event_log rows.");
            connect.valid.set(true);
        });
        assertThat(status(robot)).startsWith("Connected");

        robot.interact(() -> wizard.next());
        assertThat(status(robot)).as("not the Connect step's message").isEqualTo("Step 2 of 3: Deployment time.");
        robot.interact(() -> session.statusProperty().set("Counted 1,005 affected events."));
        assertThat(status(robot)).isEqualTo("Counted 1,005 affected events.");

        robot.interact(() -> wizard.back());
        assertThat(status(robot)).as("the step's own last message").startsWith("Connected");

        // A message given as the step changes (Send starts the run and goes to Progress) is the new step's
        robot.interact(() -> {
            cutoff.valid.set(true);
            session.statusProperty().set("Recluster running on pod hmpps-person-record-5d8f7c9b4-abcde.");
            wizard.goTo(2);
        });
        assertThat(status(robot)).isEqualTo("Recluster running on pod hmpps-person-record-5d8f7c9b4-abcde.");
        robot.interact(() -> wizard.goTo(0));
        assertThat(status(robot)).as("and the step left keeps it too").startsWith("Recluster running");
        robot.interact(() -> session.statusProperty().set("Connected: PostgreSQL 16.4, about 1,204 event_log rows."));

        robot.interact(() -> shell.showAside(new Label("review"), "OFFLINE REVIEW  \u2022  no connection is used"));
        assertThat(status(robot)).isEqualTo("Offline review: no connection is used.");
        robot.interact(() -> session.statusProperty().set("Reviewed a.json: safe to send."));
        assertThat(status(robot)).isEqualTo("Reviewed a.json: safe to send.");
        robot.interact(() -> shell.showWizard());
        assertThat(status(robot)).as("what happened last while this step was current").startsWith("Reviewed");
        robot.interact(() -> wizard.next());
        assertThat(status(robot)).isEqualTo("Counted 1,005 affected events.");
    }

    @Test
    void highContrastKeepsErrorWarningSuccessAndInformationApart(FxRobot robot) {
        for (boolean dark : new boolean[] {false, true}) {
            robot.interact(() -> {
                shell.presenter().highContrastProperty().set(true);
                shell.presenter().darkProperty().set(dark);
            });
            Screenshots.save(stage.getScene(), dark ? "85-messages-high-contrast-dark" : "84-messages-high-contrast");
            List<String> looks = new java.util.ArrayList<>();
            for (String kind : List.of("error", "warning", "ok", "info")) {
                MessageLabel box = robot.lookup("#message-" + kind).queryAs(MessageLabel.class);
                Color background = fill(box);
                Color text = (Color) box.getTextFill();
                assertThat(contrast(background, text)).as(kind + " readable, dark " + dark).isGreaterThanOrEqualTo(7);
                Label sign = (Label) box.getGraphic();
                assertThat(sign.getText()).as(kind + "'s sign").isNotBlank();
                assertThat(contrast(background, (Color) sign.getTextFill())).isGreaterThanOrEqualTo(7);
                var stroke = box.getBorder().getStrokes().get(0);
                looks.add(background + " " + stroke.getTopStroke() + " " + stroke.getTopStyle().getDashArray()
                        + " " + stroke.getWidths().getTop());
            }
            assertThat(looks).as("four kinds, four looks, dark " + dark).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSelectedRowIsReadableInTheDarkThemeWithAndWithoutTheFocus(FxRobot robot) {
        robot.interact(() -> shell.presenter().darkProperty().set(true));
        TableView<String> table = robot.lookup("#themed-table").queryAs(TableView.class);
        robot.interact(() -> {
            table.getSelectionModel().select(1);
            table.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selectedContrast(robot)).as("focused").isGreaterThanOrEqualTo(4.5);
        robot.interact(() -> robot.lookup("#themed-field").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), "86-dark-table-selection");
        assertThat(selectedContrast(robot)).as("without the focus").isGreaterThanOrEqualTo(4.5);
        assertThat(rowContrast(robot, 0)).as("a row not selected").isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void theBannerNamesTheTargetFromTheMomentItIsKnownAndAMismatchIsAWarning(FxRobot robot) {
        assertThat(bannerText(robot, "#environment-banner-label")).isEqualTo("NOT CONNECTED");
        assertThat(robot.lookup("#environment-banner-mismatch").query().isVisible()).isFalse();
        robot.interact(() -> session.clusterTarget().namespaceProperty().set("hmpps-person-record-dev"));
        assertThat(bannerText(robot, "#environment-banner-label")).as("a default namespace alone names no target")
                .isEqualTo("NOT CONNECTED");

        // A reviewed file sent with no replica: the namespace says where, in its colour
        robot.interact(() -> {
            session.clusterTarget().namespaceProperty().set("hmpps-person-record-prod");
            session.clusterTarget().contextProperty().set("live.cloud-platform.service.justice.gov.uk");
        });
        assertThat(bannerText(robot, "#environment-banner-label")).isEqualTo("PRODUCTION");
        assertThat(bannerText(robot, "#environment-banner-target")).isEqualTo("hmpps-person-record-prod  \u2022  "
                + "context live.cloud-platform.service.justice.gov.uk  \u2022  no replica connection");
        assertThat(bannerColours(robot)).contains("prod").doesNotContain("dev");
        // Given less room than its line, the banner wraps only at a bullet: inside a part every space is one that
        // does not break ("context live..." and "no replica connection" are never split over two lines).
        assertThat(robot.lookup("#environment-banner-target").queryLabeled().getText().split("  \u2022  "))
                .containsExactly("hmpps-person-record-prod", "context\u00a0live.cloud-platform.service.justice.gov.uk",
                        "no\u00a0replica\u00a0connection");

        // The replica is dev's, the namespace prod's: one warning to resolve, in the more dangerous colour
        robot.interact(() -> {
            session.environmentProperty().set(Environment.DEV);
            session.connectionDetailProperty().set("console@127.0.0.1:5432/person_record");
        });
        assertThat(robot.lookup("#environment-banner-mismatch").query().isVisible()).isTrue();
        assertThat(bannerText(robot, "#environment-banner-mismatch")).isEqualTo("\u26a0 MISMATCH: the replica is DEV,"
                + " the namespace hmpps-person-record-prod is PROD: resolve before sending");
        assertThat(bannerText(robot, "#environment-banner-target")).doesNotContain("no replica connection");
        robot.interact(() -> session.connectionDetailProperty().set("console@127.0.0.1:5432/person_record  \u2022  "
                + "PostgreSQL 16.4  \u2022  read replica  \u2022  replica up to date"));
        assertThat(robot.lookup("#environment-banner-detail").queryLabeled().getText().split("  \u2022  "))
                .containsExactly("console@127.0.0.1:5432/person_record", "PostgreSQL\u00a016.4",
                        "read\u00a0replica", "replica\u00a0up\u00a0to\u00a0date");
        assertThat(bannerColours(robot)).contains("prod");
        Screenshots.save(stage.getScene(), "87-banner-mismatch");

        robot.interact(() -> session.clusterTarget().namespaceProperty().set("hmpps-person-record-dev"));
        assertThat(robot.lookup("#environment-banner-mismatch").query().isVisible()).isFalse();
        assertThat(bannerText(robot, "#environment-banner-label")).isEqualTo("DEV");
        assertThat(bannerText(robot, "#environment-banner-target")).startsWith("hmpps-person-record-dev  \u2022  context");
        assertThat(bannerColours(robot)).contains("dev").doesNotContain("prod");
    }

    private static String bannerText(FxRobot robot, String id) {
        return robot.lookup(id).queryLabeled().getText().replace('\u00a0', ' ').replace("\u200b", "");
    }

    private static String bannerColours(FxRobot robot) {
        return robot.lookup(".environment-banner").query().getPseudoClassStates().toString();
    }

    private static double selectedContrast(FxRobot robot) {
        return rowContrast(robot, 1);
    }

    private static double rowContrast(FxRobot robot, int index) {
        TableRow<?> row = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getIndex() == index).findFirst().orElseThrow();
        assertThat(row.isSelected()).isEqualTo(index == 1);
        TableCell<?, ?> cell = (TableCell<?, ?>) row.lookup(".table-cell");
        return contrast(fill(row), (Color) cell.getTextFill());
    }

    private static Node themed() {
        VBox box = new VBox(8);
        for (String kind : List.of("error", "warning", "ok", "info")) {
            Message m = switch (kind) {
                case "error" -> Message.error("POD rollback-1 IS GONE: batch 2 stopped at item 120.");
                case "warning" -> Message.warning("26 rows, one per event (17 distinct records).");
                case "ok" -> Message.ok("GET /health answers UP.");
                default -> Message.info("event_timestamp is compared in UK time.");
            };
            MessageLabel label = new MessageLabel(new javafx.beans.property.SimpleObjectProperty<>(m));
            label.setId("message-" + kind);
            box.getChildren().add(label);
        }
        TableView<String> table = new TableView<>(javafx.collections.FXCollections.observableArrayList("A1", "B2", "C3"));
        table.setId("themed-table");
        TableColumn<String, String> column = new TableColumn<>("Record");
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue()));
        table.getColumns().add(column);
        table.setPrefHeight(150);
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId("themed-field");
        box.getChildren().addAll(table, field);
        return box;
    }

    private static Color fill(javafx.scene.layout.Region region) {
        var fills = region.getBackground().getFills();
        return (Color) fills.get(fills.size() - 1).getFill();
    }

    /** WCAG's contrast ratio: 1 (none) to 21 (black on white). */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    @Test
    void inPresenterModeZoomedTheRehearsalsPodStaysInsideTheWindow(FxRobot robot) {
        robot.interact(() -> {
            shell.markRehearsal();
            session.clusterTarget().namespaceProperty().set("hmpps-person-record-rehearsal");
            session.clusterTarget().contextProperty().set("rehearsal");
            session.forwardPodProperty().set("hmpps-person-record-7c1e2d3a4-rh7aa");
            shell.presenter().onProperty().set(true);
        });
        for (int zoom : new int[] {150, 200}) {
            robot.interact(() -> shell.presenter().zoomProperty().set(zoom));
            WaitForAsyncUtils.waitForFxEvents();
            Label target = robot.lookup("#environment-banner-target").queryAs(Label.class);
            assertThat(bannerText(robot, "#environment-banner-target")).endsWith("pod hmpps-person-record-7c1e2d3a4-rh7aa");
            assertThat(target.localToScene(target.getBoundsInLocal()).getMaxX()).as("at %d %%", zoom)
                    .isLessThanOrEqualTo(stage.getScene().getWidth());
            Screenshots.save(stage.getScene(), "88-presenter-rehearsal-pod-" + zoom);
        }
    }

    @Test
    void theBannersPartsAreNeverBrokenAtAnyZoom(FxRobot robot) {
        robot.interact(() -> {
            shell.markRehearsal();
            session.environmentProperty().set(Environment.REHEARSAL);
            session.connectionDetailProperty().set("person_record@127.0.0.1:41065/personrecord  \u2022  PostgreSQL 14.22"
                    + "  \u2022  read replica  \u2022  replica up to date");
            session.clusterTarget().namespaceProperty().set("hmpps-person-record-rehearsal");
            session.clusterTarget().contextProperty().set("rehearsal");
            session.forwardPodProperty().set("hmpps-person-record-7c1e2d3a4-rh7aa");
        });
        for (int zoom : new int[] {100, 150, 200}) {
            robot.interact(() -> shell.presenter().zoomProperty().set(zoom));
            WaitForAsyncUtils.waitForFxEvents();
            // Each part is one word to the layout (its spaces do not break): the label is at least as wide. The
            // target never gives way; the connection's detail does only where the line cannot hold them both.
            Label target = robot.lookup("#environment-banner-target").queryAs(Label.class);
            assertThat(target.getWidth()).as("the target at %d %%", zoom).isGreaterThanOrEqualTo(widestPart(target));
            if (zoom == 100) {
                Label detail = robot.lookup("#environment-banner-detail").queryAs(Label.class);
                assertThat(detail.getWidth()).isGreaterThanOrEqualTo(widestPart(detail));
            }
            Screenshots.save(stage.getScene(), "89-banner-parts-" + zoom);
        }
    }

    private static double widestPart(Label label) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(label.getFont());
        double widest = 0;
        for (String part : label.getText().split("  \u2022  ")) {
            measure.setText(part);
            widest = Math.max(widest, measure.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The tick shown after the step's name in the sidebar; empty when there is none. */
    private static String tick(FxRobot robot, int step) {
        javafx.scene.control.Button b = robot.lookup("#step-" + step).queryButton();
        // Drawn, not only set: in the scene, laid out with a width, and visible.
        return b.getGraphic() instanceof Label l && l.isVisible() && l.getScene() != null && l.getWidth() > 0
                ? l.getText() : "";
    }

    private static boolean done(FxRobot robot, int step) {
        return robot.lookup("#step-" + step).query().getPseudoClassStates().contains(PseudoClass.getPseudoClass("done"));
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#status").queryLabeled().getText();
    }
}
