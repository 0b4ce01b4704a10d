package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Masked;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.QueryPane;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ZoomedOrder;

/** Step 3's screen: counts on top, the virtualised table of records, cluster statistics beside it. */
public final class PreviewStepView {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final PreviewStepViewModel model;
    private final ToggleButton distinct = new ToggleButton("Distinct records");
    private final ToggleButton perEvent = new ToggleButton("One row per event");
    private final Label modeExplanation = new Label();
    private final FlowPane counts = new FlowPane(10, 10);
    private final TextField filter = TextFields.createClearableTextField();
    private final Label showing = new Label();
    private final TableView<AffectedRecord> table = new TableView<>();
    private final Button runAgain = new Button("_Run again");
    private final TableView<Map.Entry<String, Long>> statisticsTable = new TableView<>();
    private final BarChart<Number, String> statisticsChart = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final Node root;

    public PreviewStepView(PreviewStepViewModel model) {
        this.model = model;
        distinct.setId("mode-distinct");
        perEvent.setId("mode-per-event");
        filter.setId("filter");
        showing.setId("showing");
        table.setId("records-table");
        runAgain.setId("run-again");
        statisticsTable.setId("statistics-table");
        counts.setId("counts");
        modeExplanation.setWrapText(true);
        modeExplanation.getStyleClass().add(Styles.STEP_INTRO);

        SegmentedButton modes = new SegmentedButton(distinct, perEvent);
        distinct.setUserData(RecordMode.DISTINCT_RECORDS);
        perEvent.setUserData(RecordMode.ONE_ROW_PER_EVENT);
        filter.setPromptText("Filter by source id, source system or person_uuid");
        HBox.setHgrow(filter, Priority.ALWAYS);
        // Zoomed in, Run again goes under the toggle rather than cut both to "...".
        modes.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runAgain.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        FlowPane controls = new FlowPane(modes, runAgain);
        Em.apply(controls, 0.77, controls::setHgap);
        Em.apply(controls, 0.46, controls::setVgap);
        HBox filterRow = Em.spacing(new HBox(filter, showing), 0.77);
        // The filter gives way, never the count beside it ("showing 1 of 17" was cut at 200 % in high contrast).
        showing.setMinWidth(Region.USE_PREF_SIZE);

        buildTable();
        buildStatistics();

        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("preview-message");
        MessageLabel statisticsMessage = new MessageLabel(model.statisticsMessageProperty());

        VBox top = StepLayout.page("Preview affected records",
                "Runbook step 3: every record created or updated since the deployment time. The query runs with "
                        + "the cutoff as a bound parameter and reads identifiers only, never names or dates of birth. "
                        + "The window ends at the replica's clock when the preview starts, so the export is exactly "
                        + "this set.",
                controls, modeExplanation, counts, message, sqlPane(), filterRow);
        // Zoomed in, the counts come first, under the title: they are what the lead and the people watching came
        // for, and at 200 % they were below the fold of a 1280x720 screen. The explanations follow.
        java.util.List<Node> parts = new java.util.ArrayList<>(top.getChildren());
        ZoomedOrder.apply(top, java.util.List.of(parts.get(0), counts, controls, message, modeExplanation, parts.get(1),
                parts.get(parts.size() - 2), filterRow));
        Em.padding(top, 1.23, 1.54, 0.62, 1.54);

        Label statsTitle = new Label("Cluster status statistics, before the recluster");
        statsTitle.getStyleClass().add(Styles.FACT_VALUE);
        statsTitle.setWrapText(true);
        Label statsIntro = new Label("Distinct clusters (person_key) the affected records belong to, by status. "
                + "Kept for comparison after the recluster.");
        statsIntro.setWrapText(true);
        statsIntro.getStyleClass().add(Styles.STEP_INTRO);
        // Short of height, a wrapping label would be cut to one line ending in "..."; the pane scrolls instead.
        statsTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        statsIntro.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox stats = Em.spacing(new VBox(statsTitle, statsIntro, statisticsMessage, statisticsTable, statisticsChart), 0.62);
        Em.padding(stats, 0, 0, 0, 0.77);
        VBox.setVgrow(statisticsChart, Priority.ALWAYS);
        Em.prefHeight(statisticsTable, 14.62);
        Em.minHeight(statisticsTable, 11.54);
        Em.minWidth(stats, 18);

        // Taller than the room left (a small window, or zoomed in), the statistics scroll instead of spilling
        // over the filter row above them.
        javafx.scene.control.ScrollPane statsScroll = StepLayout.scrolling(stats);
        statsScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(table, statsScroll);
        split.setDividerPositions(0.7);
        BorderPane page = new BorderPane(split, top, null, null, null);
        Em.margin(split, 0, 1.54, 0.92, 1.54);
        // The table takes what height is left, but never less than a few rows: below that the page scrolls.
        Em.minHeight(split, 18.46);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        root = scroll;
        bind(modes);
    }

    private QueryPane sqlPane() {
        QueryPane pane = new QueryPane("The SQL this step runs",
                "The runbook's queries with this preview's window written in. The console binds these values rather "
                        + "than writing them into the SQL; in the distinct form it streams the events in the order they were stored "
                        + "and folds them exactly as this query does, so that rows appear at once.", model.sqlProperty());
        pane.setId("preview-sql");
        return pane;
    }

    private void buildTable() {
        TableColumn<AffectedRecord, String> uuid = new TableColumn<>("person_uuid");
        uuid.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personUuid() == null ? "(none)" : c.getValue().personUuid().toString()));
        uuid.setPrefWidth(290);
        TableColumn<AffectedRecord, String> system = new TableColumn<>("source_system");
        system.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceSystem().name()));
        system.setPrefWidth(140);
        TableColumn<AffectedRecord, String> id = new TableColumn<>("source_system_id");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().sourceSystemId()));
        // As wide as person_uuid's: a Common Platform id is a UUID too, and was cut to "cf000000-...-0000...".
        id.setPrefWidth(290);
        TableColumn<AffectedRecord, Number> events = new TableColumn<>("events");
        events.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().eventCount()));
        events.setPrefWidth(70);
        TableColumn<AffectedRecord, String> last = new TableColumn<>("last event (UTC)");
        last.setCellValueFactory(c -> new ReadOnlyStringWrapper(PreviewStepViewModel.UTC_TIME.format(c.getValue().lastEvent()).replace(" UTC", "")));
        last.setPrefWidth(160);
        table.getColumns().setAll(java.util.List.of(uuid, system, id, events, last));
        // Presenter mode masks the identifiers on screen; the export is of the real values.
        Masked.uuids(uuid);
        Masked.sourceIds(id);
        Masked.table(table);
        Em.columns(table);
        // Identifiers are never cut short: a narrow window scrolls sideways instead.
        table.setPlaceholder(new Label("No rows yet."));
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private void buildStatistics() {
        TableColumn<Map.Entry<String, Long>, String> status = new TableColumn<>("status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getKey()));
        status.setPrefWidth(170);
        TableColumn<Map.Entry<String, Long>, String> clusters = new TableColumn<>("clusters");
        clusters.setCellValueFactory(c -> new ReadOnlyStringWrapper(COUNT.format(c.getValue().getValue())));
        clusters.setPrefWidth(100);
        statisticsTable.getColumns().setAll(java.util.List.of(status, clusters));
        Em.columns(statisticsTable);
        statisticsTable.setPlaceholder(new Label("Not taken yet."));
        statisticsChart.setLegendVisible(false);
        statisticsChart.setAnimated(false);
        Em.minHeight(statisticsChart, 12.31);
        statisticsChart.setId("statistics-chart");
        statisticsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    private void bind(SegmentedButton modes) {
        // The SegmentedButton puts its buttons in its group only when its skin is made, and a group ignores a toggle
        // that is not yet in it: join them now, or neither form shows as chosen when the step first appears.
        distinct.setToggleGroup(modes.getToggleGroup());
        perEvent.setToggleGroup(modes.getToggleGroup());
        modes.getToggleGroup().selectToggle(model.modeProperty().get() == RecordMode.DISTINCT_RECORDS ? distinct : perEvent);
        // A resumed incident restores its form into the model: the buttons follow.
        model.modeProperty().addListener((obs, was, now) -> modes.getToggleGroup().selectToggle(
                now == RecordMode.DISTINCT_RECORDS ? distinct : perEvent));
        modes.getToggleGroup().selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                // A segmented control always has one choice.
                modes.getToggleGroup().selectToggle(was);
            } else {
                model.modeProperty().set((RecordMode) now.getUserData());
            }
        });
        distinct.disableProperty().bind(model.busyProperty());
        perEvent.disableProperty().bind(model.busyProperty());
        modeExplanation.textProperty().bind(Bindings.createStringBinding(() -> model.modeProperty().get() == RecordMode.DISTINCT_RECORDS
                ? "One row per record (source_system + source_system_id), as the later runbook revision selects: "
                + "\u201cevents\u201d counts its affected events, and person_uuid is its cluster at the latest of them. "
                + "This is what the recluster needs."
                : "One row per CREATED/UPDATED event, as the seed runbook selects: a record updated five times appears "
                + "five times, and would be sent, and reclustered, five times.", model.modeProperty()));
        filter.textProperty().bindBidirectional(model.filterProperty());
        runAgain.disableProperty().bind(model.busyProperty());
        runAgain.setOnAction(e -> model.start());
        Shortcuts.bind(runAgain, Shortcuts.PREVIEW_RUN);

        showRows(model.rows());
        // A new run starts unsorted: sorting is for a finished set.
        model.stateProperty().addListener((obs, was, now) -> {
            if (now == PreviewStepViewModel.State.RUNNING) {
                table.getSortOrder().clear();
            }
        });
        model.summaryProperty().addListener((obs, was, now) -> showCounts(now));
        model.distinctRecordsProperty().addListener((obs, was, now) -> showCounts(model.summaryProperty().get()));
        showCounts(model.summaryProperty().get());
        model.statisticsProperty().addListener((obs, was, now) -> showStatistics(now));
        // Sorting a million rows while they stream in would be wasted work; sorting waits for the end.
        for (TableColumn<AffectedRecord, ?> c : table.getColumns()) {
            c.sortableProperty().bind(model.busyProperty().not());
        }
    }

    private void showRows(ObservableList<AffectedRecord> rows) {
        FilteredList<AffectedRecord> filtered = new FilteredList<>(rows);
        filtered.predicateProperty().bind(model.filterPredicateProperty());
        SortedList<AffectedRecord> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        showing.textProperty().bind(Bindings.createStringBinding(() -> filtered.size() == rows.size()
                ? COUNT.format(rows.size()) + " rows"
                : "showing " + COUNT.format(filtered.size()) + " of " + COUNT.format(rows.size()), filtered, rows));
    }

    private void showCounts(AffectedSummary s) {
        counts.getChildren().setAll(
                recordsCard(s),
                card("events", s.events(), "count-events"),
                card("NOMIS", s.count(SourceSystem.NOMIS), "count-nomis"),
                card("DELIUS", s.count(SourceSystem.DELIUS), "count-delius"),
                card("COMMON_PLATFORM", s.count(SourceSystem.COMMON_PLATFORM), "count-common-platform"),
                card("LIBRA", s.count(SourceSystem.LIBRA), "count-libra"),
                card("clusters (person_uuid)", s.distinctClusters(), "count-clusters"),
                card("without person_uuid", s.withoutPersonUuid(), "count-without-uuid"));
    }

    /**
     * In the per-event form the rows are events, not records: the card says so, with the distinct records once
     * known, in amber, as that form is the seed runbook's trap (each repeat is sent and reclustered again).
     */
    private Node recordsCard(AffectedSummary s) {
        boolean perEvent = model.modeProperty().get() == RecordMode.ONE_ROW_PER_EVENT;
        if (!perEvent) {
            return card("records", s.rows(), "count-records");
        }
        long distinctRecords = model.distinctRecordsProperty().get();
        VBox box = (VBox) card(distinctRecords < 0 ? "rows, one per event"
                : "rows, one per event (" + COUNT.format(distinctRecords) + " distinct records)", s.rows(), "count-records");
        Label caption = (Label) box.getChildren().get(1);
        caption.setId("count-records-caption");
        // The longest caption wraps: unwrapped it made the row of cards wider than the page at 200 % (a sideways
        // scroll bar in high contrast).
        caption.setWrapText(true);
        Em.maxWidth(caption, 12);
        box.getStyleClass().add(Styles.CARD_CAUTION);
        return box;
    }

    private static Node card(String name, long value, String id) {
        Label number = new Label(COUNT.format(value));
        number.getStyleClass().add(Styles.BIG_NUMBER);
        number.setId(id);
        Label caption = new Label(name);
        caption.getStyleClass().add(Styles.FACT_NAME);
        VBox box = Em.spacing(new VBox(number, caption), 0.15);
        box.getStyleClass().add(Styles.CARD);
        return box;
    }

    private void showStatistics(ClusterStatistics stats) {
        statisticsChart.getData().clear();
        if (stats == null) {
            statisticsTable.getItems().clear();
            return;
        }
        ObservableList<Map.Entry<String, Long>> entries = FXCollections.observableArrayList(stats.clustersByStatus().entrySet());
        entries.add(Map.entry("total", stats.total()));
        statisticsTable.setItems(entries);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        stats.clustersByStatus().forEach((status, n) -> series.getData().add(new XYChart.Data<>(n, status)));
        statisticsChart.getData().add(series);
    }

    public Node root() {
        return root;
    }
}
