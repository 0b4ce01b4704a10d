package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.controlsfx.control.textfield.TextFields;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Masked;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** Step 7's screen: before and after, the clusters left needing attention, and the report, one tab each. */
public final class OutcomeStepView {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final OutcomeStepViewModel model;
    private final TabPane tabs = new TabPane();
    private final TableView<StatisticsComparison.Row> comparisonTable = new TableView<>();
    private final BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<OutstandingCluster> clustersTable = new TableView<>();
    private final Node root;

    /** @param back null inside the wizard; the way back to the runbook when shown on its own */
    public OutcomeStepView(OutcomeStepViewModel model, Runnable back) {
        this.model = model;
        tabs.setId("outcome-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Tab statistics = new Tab("Before and after", statisticsPane());
        statistics.setId("tab-statistics");
        Tab outstanding = new Tab("Outstanding clusters", outstandingPane());
        outstanding.setId("tab-outstanding");
        Tab report = new Tab("Report", reportPane());
        report.setId("tab-report");
        OutcomeAnalysisPanes analysis = new OutcomeAnalysisPanes(model.analysis(), this::copyToClipboard);
        Tab changes = new Tab("What changed", analysis.changesPane());
        changes.setId("tab-changes");
        Tab impact = new Tab("Business impact", analysis.impactPane(
                () -> model.copyOrganisationSummary(this::copyToClipboard)));
        impact.setId("tab-impact");
        Tab paths = new Tab("Paths", analysis.pathsPane());
        paths.setId("tab-paths");
        Tab sanity = new Tab("Sanity check", analysis.sanityPane());
        sanity.setId("tab-sanity");
        // The first three keep their places (Recent incidents, the rehearsal and the shortcuts open them by index).
        tabs.getTabs().setAll(statistics, outstanding, report, changes, impact, paths, sanity);

        Label window = new Label();
        window.setId("outcome-window");
        window.textProperty().bind(model.windowTextProperty());
        window.getStyleClass().add(Styles.UTC_LINE);
        // Zoomed in, the window wraps rather than ending in "...": its end is the part that moves.
        window.setWrapText(true);
        window.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = StepLayout.page("Outcome",
                "Runbook step 7: did the recluster work? Take the cluster statistics again for the same records and "
                        + "compare them with those taken before; list the clusters still needing attention for manual "
                        + "resolution; then write the incident report. Identifiers and counts only.", window);
        // The verdict right under the title, before the words on what the step does: zoomed in on a shared screen it
        // is the line everyone came for, and it stays above the fold.
        top.getChildren().add(1, verdictBox());
        if (back != null) {
            Button backButton = new Button("Back to the runbook");
            backButton.setId("outcome-back");
            backButton.setOnAction(e -> back.run());
            top.getChildren().add(0, backButton);
        }
        Em.padding(top, 1.23, 1.54, 0.62, 1.54);
        BorderPane page = new BorderPane(tabs, top, null, null, null);
        Em.margin(tabs, 0, 1.54, 0.92, 1.54);
        // Zoomed in on a small screen the tabs keep room for a table and the page scrolls, rather than squeezing
        // the tables to nothing and cutting the chart off at the window's edge.
        Em.minHeight(tabs, 24);
        page.getStyleClass().add(Styles.OUTCOME);
        javafx.scene.control.ScrollPane scroll = StepLayout.scrolling(page);
        scroll.setFitToHeight(true);
        root = scroll;
    }

    public Node root() {
        return root;
    }

    /** The one line the step leads with, in green only when fewer clusters need attention than before. */
    private Node verdictBox() {
        Label headline = new Label();
        headline.setId("outcome-verdict-headline");
        headline.getStyleClass().add(Styles.VERDICT_HEADLINE);
        headline.setWrapText(true);
        headline.setMinHeight(Region.USE_PREF_SIZE);
        Label detail = new Label();
        detail.setId("outcome-verdict-detail");
        detail.getStyleClass().add(Styles.VERDICT_DETAIL);
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(headline, detail);
        box.setId("outcome-verdict");
        box.getStyleClass().addAll(Styles.VERDICT, Styles.OUTCOME_VERDICT);
        Runnable show = () -> {
            OutcomeVerdict v = model.verdictProperty().get();
            box.setVisible(v != null);
            box.setManaged(v != null);
            box.getStyleClass().removeAll(Styles.VERDICT_SAFE, Styles.VERDICT_CAUTION, Styles.VERDICT_NOTHING);
            if (v == null) {
                return;
            }
            headline.setText(v.headline());
            detail.setText(v.detail());
            box.getStyleClass().add(switch (v.kind()) {
                case FELL -> Styles.VERDICT_SAFE;
                case DID_NOT_FALL -> Styles.VERDICT_CAUTION;
                case NOTHING_CHANGED -> Styles.VERDICT_NOTHING;
            });
        };
        model.verdictProperty().addListener((obs, was, now) -> show.run());
        show.run();
        return box;
    }

    /** A difference coloured by what it means: fewer needing attention green, more red, no change muted. */
    private static final class DifferenceCell extends javafx.scene.control.TableCell<StatisticsComparison.Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(Styles.DIFFERENCE_BETTER, Styles.DIFFERENCE_WORSE, Styles.DIFFERENCE_CHANGED,
                    Styles.DIFFERENCE_NONE);
            int i = getIndex();
            StatisticsComparison.Row row = empty || getTableView() == null || i < 0
                    || i >= getTableView().getItems().size() ? null : getTableView().getItems().get(i);
            if (empty || item == null || row == null) {
                setText(null);
                return;
            }
            setText(item);
            long d = row.difference();
            boolean attention = OutcomeVerdict.NEEDS_ATTENTION.equals(row.status());
            getStyleClass().add(d == 0 ? Styles.DIFFERENCE_NONE : !attention ? Styles.DIFFERENCE_CHANGED
                    : d < 0 ? Styles.DIFFERENCE_BETTER : Styles.DIFFERENCE_WORSE);
        }
    }

    private Node statisticsPane() {
        Button take = new Button("Take the after statistics");
        Shortcuts.bind(take, Shortcuts.TAKE_AFTER);
        take.setId("take-after");
        Styles.primaryUntil(take, javafx.beans.binding.Bindings.isNotNull(model.afterProperty()));
        take.disableProperty().bind(model.statisticsRunningProperty().or(model.availableProperty().not()));
        take.setOnAction(e -> model.takeAfter());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-after");
        cancel.disableProperty().bind(model.statisticsRunningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button anyway = new Button("Take them now");
        anyway.setId("take-after-anyway");
        anyway.visibleProperty().bind(model.waitingForReplayProperty());
        anyway.managedProperty().bind(anyway.visibleProperty());
        anyway.setOnAction(e -> model.takeAfterAnyway());
        MessageLabel message = new MessageLabel(model.statisticsMessageProperty());
        message.setId("statistics-message");

        TableColumn<StatisticsComparison.Row, String> status = new TableColumn<>("status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        status.setPrefWidth(170);
        TableColumn<StatisticsComparison.Row, Number> before = new TableColumn<>("before");
        before.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().before()));
        TableColumn<StatisticsComparison.Row, Number> after = new TableColumn<>("after");
        after.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().after()));
        TableColumn<StatisticsComparison.Row, String> difference = new TableColumn<>("difference");
        difference.setCellValueFactory(c -> new ReadOnlyStringWrapper(StatisticsComparison.signed(c.getValue().difference())));
        difference.setCellFactory(column -> new DifferenceCell());
        for (TableColumn<StatisticsComparison.Row, ?> n : List.of(before, after, difference)) {
            n.getStyleClass().add(Styles.NUMBER_COLUMN);
            n.setPrefWidth(90);
            n.setMinWidth(64);
        }
        // Zoomed in, the table shrinks its last column first: "difference" (bold in high contrast) keeps its
        // header whole rather than ending in "...", and the status names keep theirs.
        difference.setMinWidth(90);
        status.setMinWidth(120);
        comparisonTable.getColumns().setAll(List.of(status, before, after, difference));
        Em.columns(comparisonTable);
        comparisonTable.setId("comparison-table");
        comparisonTable.setItems(model.comparisonRows());
        comparisonTable.setPlaceholder(new Label("Take the after statistics to compare."));
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Em.prefWidth(comparisonTable, 35.38);
        Em.minWidth(comparisonTable, 29.23);

        Label totals = new Label();
        totals.setId("comparison-totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> {
            StatisticsComparison c = model.comparisonProperty().get();
            return c == null ? "" : "Total clusters: " + COUNT.format(c.totalBefore()) + " before, "
                    + COUNT.format(c.totalAfter()) + " after (" + StatisticsComparison.signed(c.totalDifference()) + ").";
        }, model.comparisonProperty()));
        VBox left = Em.spacing(new VBox(comparisonTable, totals), 0.62);
        VBox.setVgrow(comparisonTable, Priority.ALWAYS);

        chart.setId("comparison-chart");
        chart.getStyleClass().add(Styles.COMPARISON_CHART);
        chart.setAnimated(false);
        NumberAxis counts = (NumberAxis) chart.getYAxis();
        counts.setMinorTickVisible(false);
        // Clusters are whole: only whole numbers are labelled.
        counts.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return v == Math.rint(v) ? COUNT.format((long) v) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.parseLong(s.replace(",", ""));
            }
        });
        chart.setTitle("Clusters by status");
        Em.minWidth(chart, 24.62);
        HBox.setHgrow(chart, Priority.ALWAYS);
        model.beforeProperty().addListener((obs, was, now) -> showChart());
        model.afterProperty().addListener((obs, was, now) -> showChart());
        showChart();

        HBox actions = Em.spacing(new HBox(take, cancel, anyway), 0.77);
        HBox body = Em.spacing(new HBox(left, chart), 1.23);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox pane = Em.spacing(new VBox(actions, message, body), 0.77);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    private void showChart() {
        chart.getData().clear();
        ClusterStatistics b = model.beforeProperty().get();
        ClusterStatistics a = model.afterProperty().get();
        if (b == null && a == null) {
            return;
        }
        StatisticsComparison c = StatisticsComparison.of(b == null ? empty(a) : b, a == null ? empty(b) : a);
        XYChart.Series<String, Number> beforeSeries = new XYChart.Series<>();
        beforeSeries.setName("before");
        XYChart.Series<String, Number> afterSeries = new XYChart.Series<>();
        afterSeries.setName("after");
        for (StatisticsComparison.Row row : c.rows()) {
            beforeSeries.getData().add(new XYChart.Data<>(row.status(), row.before()));
            afterSeries.getData().add(new XYChart.Data<>(row.status(), row.after()));
        }
        chart.getData().add(beforeSeries);
        if (a != null) {
            chart.getData().add(afterSeries);
        }
    }

    private static ClusterStatistics empty(ClusterStatistics other) {
        return new ClusterStatistics(java.util.Map.of(), other.takenAt());
    }

    private Node outstandingPane() {
        TextField filter = TextFields.createClearableTextField();
        filter.setId("clusters-filter");
        filter.setPromptText("Filter by person_uuid, status_reason or source system id");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label showing = new Label();
        showing.setId("clusters-showing");
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-clusters");
        refresh.disableProperty().bind(model.outstandingRunningProperty().or(model.availableProperty().not()));
        refresh.setOnAction(e -> model.refreshOutstanding());
        Button copy = new Button("Copy UUID");
        copy.setId("copy-uuid");
        copy.disableProperty().bind(clustersTable.getSelectionModel().selectedItemProperty().isNull());
        copy.setOnAction(e -> {
            OutstandingCluster c = clustersTable.getSelectionModel().getSelectedItem();
            if (c != null && c.personUuid() != null) {
                copyToClipboard(c.personUuid().toString());
            }
        });
        Button csv = new Button("Save as CSV\u2026");
        csv.setId("save-csv");
        Button json = new Button("Save as JSON\u2026");
        json.setId("save-json");
        for (Button b : List.of(csv, json)) {
            b.disableProperty().bind(model.outstandingProperty().isNull().or(model.writingProperty()));
        }
        csv.setOnAction(e -> model.saveCsv());
        json.setOnAction(e -> model.saveJson());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = Em.spacing(new HBox(refresh, copy, spacer, csv, json), 0.77);
        HBox filterRow = Em.spacing(new HBox(filter, showing), 0.77);

        Label inReplica = new Label();
        inReplica.setId("needs-attention-in-replica");
        inReplica.getStyleClass().add(Styles.FACT_VALUE);
        inReplica.textProperty().bind(Bindings.createStringBinding(() -> {
            OutstandingClusters o = model.outstandingProperty().get();
            return o == null ? "" : COUNT.format(o.clusters().size()) + " of the affected clusters need attention; "
                    + COUNT.format(o.needsAttentionInReplica()) + " NEEDS_ATTENTION clusters in the whole replica.";
        }, model.outstandingProperty()));
        MessageLabel message = new MessageLabel(model.outstandingMessageProperty());
        message.setId("outstanding-message");
        // Zoomed in, the table gives way (it scrolls), never the lines of the saved file's path and SHA-256 or of
        // the count: they were cut to "(SHA-256 ..." at 150 %.
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        inReplica.setWrapText(true);
        inReplica.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        buildClustersTable();
        FilteredList<OutstandingCluster> filtered = new FilteredList<>(model.clusters());
        filtered.predicateProperty().bind(model.filterPredicateProperty());
        SortedList<OutstandingCluster> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(clustersTable.comparatorProperty());
        clustersTable.setItems(sorted);
        showing.textProperty().bind(Bindings.createStringBinding(() -> filtered.size() == model.clusters().size()
                ? COUNT.format(filtered.size()) + " clusters"
                : "showing " + COUNT.format(filtered.size()) + " of " + COUNT.format(model.clusters().size()),
                filtered, model.clusters()));

        VBox pane = Em.spacing(new VBox(actions, message, inReplica, filterRow, clustersTable), 0.77);
        VBox.setVgrow(clustersTable, Priority.ALWAYS);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    private void buildClustersTable() {
        TableColumn<OutstandingCluster, String> uuid = new TableColumn<>("person_uuid");
        uuid.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personUuid() == null ? "(none)"
                : c.getValue().personUuid().toString()));
        uuid.setPrefWidth(290);
        TableColumn<OutstandingCluster, String> reason = new TableColumn<>("status_reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().statusReason() == null ? "(none)"
                : c.getValue().statusReason()));
        reason.setPrefWidth(150);
        TableColumn<OutstandingCluster, Number> records = new TableColumn<>("records");
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
        records.setPrefWidth(70);
        records.getStyleClass().add(Styles.NUMBER_COLUMN);
        clustersTable.getColumns().setAll(List.of(uuid, reason, records));
        for (SourceSystem s : SourceSystem.values()) {
            TableColumn<OutstandingCluster, Number> n = new TableColumn<>(s.name());
            n.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records(s)));
            n.setPrefWidth(s == SourceSystem.COMMON_PLATFORM ? 160 : 75);
            n.getStyleClass().add(Styles.NUMBER_COLUMN);
            clustersTable.getColumns().add(n);
        }
        TableColumn<OutstandingCluster, String> ids = new TableColumn<>("source system ids");
        ids.setCellValueFactory(c -> new ReadOnlyStringWrapper(ids(c.getValue())));
        // Two records' ids, a Common Platform one a UUID, whole at 100 %; the table scrolls sideways.
        ids.setPrefWidth(560);
        clustersTable.getColumns().add(ids);
        Masked.uuids(uuid);
        Masked.text(ids);
        Masked.table(clustersTable);
        Em.columns(clustersTable);
        clustersTable.setId("clusters-table");
        clustersTable.setPlaceholder(new Label("No clusters read yet, or none needs attention."));
    }

    static String ids(OutstandingCluster c) {
        String named = c.sourceSystemIds().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey().name() + ": " + String.join(" ", e.getValue()))
                .collect(Collectors.joining("; "));
        return c.recordsWithoutId() == 0 ? named : named + (named.isEmpty() ? "" : "; ") + c.recordsWithoutId()
                + " without an id";
    }

    private Node reportPane() {
        Button write = new Button("Write report");
        Shortcuts.bind(write, Shortcuts.WRITE_REPORT);
        write.setId("write-report");
        write.getStyleClass().add(Styles.PRIMARY);
        write.disableProperty().bind(model.writingProperty());
        write.setOnAction(e -> model.writeReport());
        Button summary = new Button("Copy summary");
        summary.setId("copy-summary");
        summary.setOnAction(e -> model.copySummary(this::copyToClipboard));
        Button organisation = new Button("Copy summary for the organisation");
        organisation.setId("copy-organisation-summary-report");
        organisation.setOnAction(e -> model.copyOrganisationSummary(this::copyToClipboard));
        MessageLabel message = new MessageLabel(model.reportMessageProperty());
        message.setId("report-message");
        Label explanation = new Label("The report is written into the incident's folder as Markdown (for the ticket) "
                + "and HTML (to read or print), from the incident's journal and what this step read. \u201cCopy "
                + "summary\u201d puts a few lines of numbers on the clipboard for the incident channel; the summary "
                + "for the organisation says the business impact in plain words, with no identifiers.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add(Styles.STEP_INTRO);
        TextArea paths = new TextArea();
        paths.setId("report-paths");
        paths.setEditable(false);
        paths.setPrefRowCount(2);
        paths.getStyleClass().add(Styles.MONOSPACE);
        paths.textProperty().bind(model.reportPathsProperty());
        paths.visibleProperty().bind(model.reportPathsProperty().isNotEmpty());
        paths.managedProperty().bind(paths.visibleProperty());
        VBox pane = Em.spacing(new VBox(explanation, new HBox(10, write, summary, organisation), message, paths), 0.77);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    private void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
