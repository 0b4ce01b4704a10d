package uk.gov.justice.digital.hmpps.rollbackconsole.ui.start;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.report.JournalWording;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** The ways to start on the left, the recent incidents on the right; built in code, no logic. */
public final class StartView {

    private final StartViewModel model;
    private final VBox actions = new VBox(12);
    private final TableView<IncidentSummary> table = new TableView<>();
    private final Node root;

    public StartView(StartViewModel model) {
        this.model = model;
        // create
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("start-message");
        buildTable();
        Button resume = new Button("_Resume");
        resume.setId("start-resume");
        resume.setOnAction(e -> model.resumeSelected());
        Button open = new Button("Open read-_only");
        open.setId("start-open-read-only");
        open.setOnAction(e -> model.openSelected());
        Button refresh = new Button("Re_fresh");
        refresh.setId("start-refresh");
        refresh.setOnAction(e -> model.load());
        Label detail = new Label();
        detail.setId("start-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);

        // lay out
        Label actionsTitle = new Label("Start");
        actionsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        actions.getChildren().add(actionsTitle);
        // In em, so that the ways to start widen with the zoom rather than wrap a word a line.
        Em.prefWidth(actions, 25);
        Em.minWidth(actions, 21.5);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Each whole ("Resume", not "Res..."), in high contrast's bold at 200 % too: the list gives up the width.
        for (Button b : List.of(resume, open, refresh)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox rowActions = new HBox(10, resume, open, spacer, refresh);
        Label incidentsTitle = new Label("Recent incidents");
        incidentsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox incidents = new VBox(10, incidentsTitle, table, rowActions, detail);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(incidents, Priority.ALWAYS);
        HBox body = new HBox(24, actions, incidents);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox page = StepLayout.page("Rollback Console",
                "Start a new incident, carry on an unfinished one where it stopped, read an earlier one, or review "
                        + "an exported file without any connection.", message, body);
        // Scrolls at 150-200 % on a 1280 x 720 screen rather than drawing over the menu and the banner; fills the
        // window when it fits, the list of incidents taking the height.
        // The intro and the message wrap to as many lines as they need; the list gives up the height instead.
        page.getChildren().stream().filter(n -> n != body && n instanceof Region)
                .forEach(n -> ((Region) n).setMinHeight(Region.USE_PREF_SIZE));
        ScrollPane scroll = StepLayout.scrolling(page);
        scroll.setFitToHeight(true);
        BorderPane pane = new BorderPane(scroll);
        pane.setMinSize(0, 0);
        pane.getStyleClass().add(Styles.INCIDENTS);
        pane.setId("start-screen");
        root = pane;

        // bind
        resume.disableProperty().bind(model.canResume().not());
        open.disableProperty().bind(model.canOpen().not());
        refresh.disableProperty().bind(model.loadingProperty());
        detail.textProperty().bind(model.detailProperty());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        // Enter on a row resumes it (or reads a finished one), and never also starts a new incident.
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                e.consume();
                model.activateSelected();
            }
        });
        model.actions().forEach(this::addAction);
        model.actions().addListener((ListChangeListener<StartViewModel.Action>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(this::addAction);
            }
        });
    }

    public Node root() {
        return root;
    }

    /** Where the keyboard starts: the list, when there is something in it, else the first action. */
    public void focus() {
        if (!table.getItems().isEmpty()) {
            table.requestFocus();
            if (table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        } else if (actions.getChildren().size() > 1) {
            actions.getChildren().get(1).lookup(".button").requestFocus();
        }
    }

    private void addAction(StartViewModel.Action action) {
        Button button = new Button(action.title());
        button.setId(action.id());
        button.setMnemonicParsing(true);
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> action.run().run());
        Label description = new Label(action.description());
        description.setWrapText(true);
        description.setMinHeight(Region.USE_PREF_SIZE);
        description.getStyleClass().add(Styles.STEP_INTRO);
        VBox card = new VBox(6, button, description);
        card.getStyleClass().add(Styles.CARD);
        card.setPadding(new Insets(10));
        if (actions.getChildren().size() == 1) {
            // The first way to start is the default: Enter anywhere but on the list of incidents.
            button.getStyleClass().add(Styles.PRIMARY);
            button.defaultButtonProperty().bind(table.focusedProperty().not());
        }
        actions.getChildren().add(card);
    }

    private void buildTable() {
        TableColumn<IncidentSummary, String> started = new TableColumn<>("started (UTC)");
        started.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().started() == null ? "unknown"
                : JournalWording.utc(c.getValue().started()).replace(" UTC", "")));
        started.setPrefWidth(165);
        started.setMinWidth(160);
        TableColumn<IncidentSummary, String> environment = new TableColumn<>("where");
        environment.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().environment() == null ? "unknown"
                : c.getValue().environment().label()));
        environment.setPrefWidth(70);
        environment.setMinWidth(65);
        TableColumn<IncidentSummary, String> step = new TableColumn<>("stopped at");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().readable() ? c.getValue().step().title() : ""));
        step.setPrefWidth(115);
        step.setMinWidth(95);
        TableColumn<IncidentSummary, String> finished = new TableColumn<>("finished");
        finished.setCellValueFactory(c -> new ReadOnlyStringWrapper(!c.getValue().readable() ? ""
                : c.getValue().finished() ? "report written" : "not finished"));
        finished.setPrefWidth(125);
        finished.setMinWidth(120);
        TableColumn<IncidentSummary, String> batches = new TableColumn<>("batches");
        batches.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().batchesText()));
        batches.setPrefWidth(250);
        batches.setMinWidth(235);
        TableColumn<IncidentSummary, String> note = new TableColumn<>("note");
        note.setCellValueFactory(c -> new ReadOnlyStringWrapper(StartViewModel.note(c.getValue())));
        note.setPrefWidth(260);
        note.setMinWidth(215);
        table.getColumns().setAll(List.of(started, environment, step, finished, batches, note));
        // The widths above are for 100 %; they grow with the zoom, so that a date or "preprod" is never cut.
        Em.columns(table);
        table.setItems(model.incidents());
        table.setId("start-incidents");
        Label none = new Label("No incidents yet: one starts at the first connection.");
        // Wrapped within the list at 200 %, rather than "No incidents yet: one starts at the fi...".
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> {
            TableRow<IncidentSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.activateSelected();
                }
            });
            return row;
        });
    }
}
