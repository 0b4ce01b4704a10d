package uk.gov.justice.digital.hmpps.rollbackconsole.ui.incidents;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.JournalWording;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** The recent incidents on the left; the selected one, read-only, on the right. */
public final class IncidentsView {

    // A table row is 2 em high at any zoom (26 px at 100 %); its header and borders about 2.5 em.
    private static final double ROW_EM = 2.0;
    private static final double HEADER_EM = 2.46;

    private final IncidentsViewModel model;
    private final TableView<IncidentSummary> list = new TableView<>();
    private final VBox detail = Em.spacing(new VBox(), 0.92);
    private final Node root;
    private final PathsRecheckPane recheck;

    public IncidentsView(IncidentsViewModel model, Runnable back) {
        this.model = model;
        recheck = model.recheck().map(PathsRecheckPane::new).orElse(null);
        Button backButton = new Button("Back to the runbook");
        backButton.setId("incidents-back");
        backButton.setOnAction(e -> back.run());
        Button reload = new Button("Refresh");
        reload.setId("incidents-refresh");
        reload.disableProperty().bind(model.loadingProperty());
        reload.setOnAction(e -> model.load());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = Em.spacing(new HBox(backButton, spacer, reload), 0.77);
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("incidents-message");
        VBox top = StepLayout.page("Recent incidents",
                "The incidents kept on this computer, newest first. Each is read from its journal: nothing is "
                        + "sent, and nothing is changed but for a re-check of the clusters left, which adds its "
                        + "reading to the journal.", actions, message);
        Em.padding(top, 1.23, 1.54, 0.62, 1.54);

        buildList();
        MessageLabel detailMessage = new MessageLabel(model.detailMessageProperty());
        detailMessage.setId("incident-detail-message");
        Em.padding(detail, 0, 0.62, 0.62, 0.92);
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("incident-detail");
        VBox right = Em.spacing(new VBox(detailMessage, detailScroll), 0.62);
        VBox.setVgrow(detailScroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.4);
        BorderPane page = new BorderPane(split, top, null, null, null);
        Em.margin(split, 0, 1.54, 0.92, 1.54);
        // At 150-200 % on a 1280 x 720 screen the heading, the intro and the message took all the height and left
        // the list one header high: it keeps room for a few incidents, and the page scrolls instead.
        Em.minHeight(split, 16);
        page.getStyleClass().add(Styles.INCIDENTS);
        ScrollPane scroll = StepLayout.scrolling(page);
        scroll.setFitToHeight(true);
        root = scroll;

        model.openedProperty().addListener((obs, was, now) -> show(now));
        show(model.openedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.open(now));
        model.toSelectProperty().addListener((obs, was, now) -> {
            if (now != null) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
    }

    public Node root() {
        return root;
    }

    private void buildList() {
        TableColumn<IncidentSummary, String> started = new TableColumn<>("started (UTC)");
        started.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().started() == null ? "unknown"
                : JournalWording.utc(c.getValue().started()).replace(" UTC", "")));
        started.setPrefWidth(165);
        TableColumn<IncidentSummary, String> environment = new TableColumn<>("where");
        environment.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().environment() == null ? "unknown"
                : c.getValue().environment().label()));
        environment.setPrefWidth(70);
        TableColumn<IncidentSummary, String> step = new TableColumn<>("stopped at");
        step.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().step().title()));
        step.setPrefWidth(105);
        TableColumn<IncidentSummary, String> finished = new TableColumn<>("finished");
        finished.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().finished() ? "report written" : "not finished"));
        finished.setPrefWidth(125);
        TableColumn<IncidentSummary, String> note = new TableColumn<>("note");
        note.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().problem().orElse("")));
        note.setPrefWidth(220);
        list.getColumns().setAll(List.of(started, environment, step, finished, note));
        Em.columns(list);
        list.setItems(model.incidents());
        list.setId("incidents-table");
        list.setPlaceholder(new Label("No incidents yet."));
        Em.minWidth(list, 23.08);
    }

    private void show(IncidentsViewModel.Opened opened) {
        if (opened == null) {
            Label none = new Label("Select an incident to read it.");
            none.getStyleClass().add(Styles.STEP_INTRO);
            detail.getChildren().setAll(none);
            return;
        }
        IncidentState s = opened.state();
        List<Node> parts = new ArrayList<>();
        parts.add(section("Incident"));
        parts.add(facts(s));
        if (recheck != null) {
            parts.add(section("Clusters left"));
            parts.add(recheck.show(s));
        }
        parts.add(section("Batches"));
        parts.add(batches(s));
        parts.add(section("Timeline"));
        parts.add(timeline(s));
        parts.add(section("Report"));
        if (opened.reportText().isPresent()) {
            Label path = new Label(opened.reportPath().map(Object::toString).orElse(""));
            path.getStyleClass().add(Styles.MONOSPACE);
            path.setWrapText(true);
            TextArea report = new TextArea(opened.reportText().get());
            report.setId("incident-report-text");
            report.setEditable(false);
            report.setWrapText(true);
            report.setPrefRowCount(18);
            report.getStyleClass().add(Styles.MONOSPACE);
            parts.add(path);
            parts.add(report);
        } else {
            Label none = new Label(opened.reportPath().map(p -> "The journal names " + p + ", but it is not there.")
                    .orElse("No report was written for this incident."));
            none.setId("incident-no-report");
            none.setWrapText(true);
            parts.add(none);
        }
        detail.getChildren().setAll(parts);
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.SECTION_TITLE);
        return l;
    }

    private static GridPane facts(IncidentState s) {
        GridPane grid = StepLayout.facts();
        int row = 0;
        StepLayout.addFact(grid, row++, "Folder", value(s.folder().toString(), "incident-folder"));
        StepLayout.addFact(grid, row++, "Started", value(JournalWording.utc(s.started()), "incident-started"));
        StepLayout.addFact(grid, row++, "Environment", value(s.environment() == null ? "unknown"
                : s.environment().label(), "incident-environment"));
        StepLayout.addFact(grid, row++, "Stopped at", value(s.step().title()
                + (s.finished() ? " (report written)" : " (not finished)"), "incident-step"));
        StepLayout.addFact(grid, row++, "Rollback Console", value(s.appVersion() == null ? "unknown" : s.appVersion(), null));
        StepLayout.addFact(grid, row++, "Cutoff", value(s.cutoff().map(c -> c.typed() + " " + c.zone() + " = "
                + JournalWording.utc(c.utc())).orElse("not set"), "incident-cutoff"));
        StepLayout.addFact(grid, row++, "Counts", value(s.counts().map(c -> c.counts().distinctRecords()
                + " records, " + c.counts().events() + " events, " + c.counts().distinctClusters() + " clusters")
                .orElse("not taken"), "incident-counts"));
        StepLayout.addFact(grid, row++, "Preview", value(s.preview().map(p -> p.rows() + " rows from " + p.events()
                + " events").orElse("not taken"), "incident-preview"));
        StepLayout.addFact(grid, row++, "Export", value(s.export().map(x -> x.path() + " (" + x.records()
                + " records)\nSHA-256 " + x.sha256()).orElse("not exported"), "incident-export"));
        StepLayout.addFact(grid, row++, "Statistics", value(statistics("before", s.statisticsBefore().orElse(null))
                + "\n" + statistics("after", s.statisticsAfter().orElse(null)), "incident-statistics"));
        StringBuilder files = new StringBuilder();
        for (JournalEntry.FileWritten f : s.files()) {
            files.append(f.purpose()).append(": ").append(shortPath(s, f.path())).append("\nSHA-256 ")
                    .append(f.sha256()).append('\n');
        }
        for (JournalEntry.ReportWritten r : s.reports()) {
            files.append("report: ").append(shortPath(s, r.path())).append("\nSHA-256 ").append(r.sha256()).append('\n');
        }
        StepLayout.addFact(grid, row, "Files", value(files.length() == 0 ? "none" : files.toString().strip(), "incident-files"));
        // The names never shrink to an ellipsis; long values wrap instead.
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
        return grid;
    }

    /** A file in the incident's own folder by its name; anywhere else in full. */
    static String shortPath(IncidentState s, java.nio.file.Path file) {
        return s.folder().equals(file.getParent()) ? file.getFileName().toString() : file.toString();
    }

    private static String statistics(String phase, ClusterStatistics stats) {
        return stats == null ? phase + ": not taken" : phase + ": " + stats.total() + " clusters, "
                + stats.count("NEEDS_ATTENTION") + " NEEDS_ATTENTION";
    }

    private static Label value(String text, String id) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (id != null) {
            l.setId(id);
        }
        return l;
    }

    private static Node batches(IncidentState s) {
        if (s.batches().isEmpty()) {
            Label none = new Label("No batch was planned or sent.");
            none.setId("incident-no-batches");
            return none;
        }
        TableView<BatchState> table = new TableView<>();
        table.setId("incident-batches");
        TableColumn<BatchState, Number> index = new TableColumn<>("batch");
        index.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().index()));
        TableColumn<BatchState, Number> records = new TableColumn<>("records");
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
        TableColumn<BatchState, String> outcome = new TableColumn<>("outcome");
        outcome.setCellValueFactory(c -> new ReadOnlyStringWrapper(JournalWording.outcome(c.getValue())));
        outcome.setPrefWidth(170);
        TableColumn<BatchState, String> attempts = new TableColumn<>("attempts");
        attempts.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().attempts())));
        TableColumn<BatchState, String> send = new TableColumn<>("send again?");
        send.setCellValueFactory(c -> new ReadOnlyStringWrapper(resend(c.getValue())));
        send.setPrefWidth(260);
        table.getColumns().setAll(List.of(index, records, outcome, attempts, send));
        Em.columns(table);
        table.getItems().setAll(s.batches());
        Em.prefHeight(table, Math.min(8, s.batches().size()) * ROW_EM + HEADER_EM);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    static String resend(BatchState b) {
        if (b.outcome() == BatchOutcome.SENT) {
            return "NEVER: the service took it";
        }
        if (b.outcome() == BatchOutcome.OUTCOME_UNKNOWN && !b.resendAllowed()) {
            return "not without checking the pod's log";
        }
        return b.mayBeSent() ? "may be sent" : "no";
    }

    private static Node timeline(IncidentState s) {
        TableView<JournalLine> table = new TableView<>();
        table.setId("incident-timeline");
        TableColumn<JournalLine, Number> number = new TableColumn<>("#");
        number.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        number.setMinWidth(40);
        TableColumn<JournalLine, String> at = new TableColumn<>("time (UTC)");
        at.setCellValueFactory(c -> new ReadOnlyStringWrapper(JournalWording.utc(c.getValue().at()).replace(" UTC", "")));
        at.setMinWidth(180);
        TableColumn<JournalLine, String> what = new TableColumn<>("what happened");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(JournalWording.describe(c.getValue().entry())));
        what.setMinWidth(300);
        // A long line is cut to the column; the whole of it shows on hover.
        what.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        table.getColumns().setAll(List.of(number, at, what));
        Em.columns(table);
        table.getItems().setAll(IncidentsViewModel.timeline(s));
        Em.prefHeight(table, Math.min(12, s.lines().size()) * ROW_EM + HEADER_EM);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }
}
