package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import static uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome.OutcomeWording.COUNT;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.MergedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Masked;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** The Outcome step's tabs for what changed, the business impact, the sanity check and the paths: built in code. */
final class OutcomeAnalysisPanes {

    private final OutcomeAnalysisViewModel model;
    private final Consumer<String> clipboard;

    OutcomeAnalysisPanes(OutcomeAnalysisViewModel model, Consumer<String> clipboard) {
        this.model = model;
        this.clipboard = clipboard;
    }

    Node changesPane() {
        Button read = new Button("Read what changed");
        read.setId("read-changes");
        read.getStyleClass().add(Styles.PRIMARY);
        read.disableProperty().bind(model.changesRunningProperty());
        read.setOnAction(e -> model.readChanges());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-changes");
        cancel.disableProperty().bind(model.changesRunningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        MessageLabel message = new MessageLabel(model.changesMessageProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.setId("changes-message");
        Label intro = intro("Each exported record's cluster in the file (as the bad release left it) against the "
                + "cluster it is in now, read in batches over the preview's window and journalled.");

        GridPane facts = StepLayout.facts();
        Em.gaps(facts, 1.23, 0.31);
        facts.setId("changes-facts");
        String[] names = {"Records in the file", "Unchanged", "Moved", "  now in no cluster", "No cluster in the file",
            "No longer on the replica", "Clusters merged", "Clusters split", "Clusters emptied",
            "Needing attention now"};
        for (int i = 0; i < names.length; i++) {
            int row = i;
            Label value = new Label();
            value.setId("changes-fact-" + i);
            value.textProperty().bind(Bindings.createStringBinding(() -> {
                ClusterChanges c = model.changesProperty().get();
                return c == null ? "\u2013" : COUNT.format(fact(c.counts(), row));
            }, model.changesProperty()));
            StepLayout.addFact(facts, i, names[i], value);
        }
        TableView<SourceSystem> bySystem = new TableView<>();
        bySystem.setId("moved-by-source-system");
        TableColumn<SourceSystem, String> system = new TableColumn<>("source system");
        system.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        system.setPrefWidth(160);
        TableColumn<SourceSystem, Number> moved = new TableColumn<>("moved");
        moved.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.changesProperty().get() == null ? 0
                : model.changesProperty().get().counts().moved(c.getValue())));
        moved.getStyleClass().add(Styles.NUMBER_COLUMN);
        moved.setPrefWidth(90);
        bySystem.getColumns().setAll(List.of(system, moved));
        Em.columns(bySystem);
        bySystem.getItems().setAll(SourceSystem.values());
        bySystem.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Em.prefHeight(bySystem, 9);
        Em.prefWidth(bySystem, 18);
        model.changesProperty().addListener((obs, was, now) -> bySystem.refresh());

        TableView<MergedCluster> merged = new TableView<>(model.merged());
        merged.setId("merged-table");
        TableColumn<MergedCluster, String> uuid = new TableColumn<>("merged cluster (person_uuid now)");
        uuid.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personUuid().toString()));
        uuid.setPrefWidth(290);
        TableColumn<MergedCluster, String> status = new TableColumn<>("status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status() == null ? ""
                : c.getValue().status() + (c.getValue().statusReason() == null ? "" : " / " + c.getValue().statusReason())));
        status.setPrefWidth(230);
        TableColumn<MergedCluster, Number> records = new TableColumn<>("records");
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().records()));
        records.getStyleClass().add(Styles.NUMBER_COLUMN);
        records.setPrefWidth(70);
        TableColumn<MergedCluster, String> earlier = new TableColumn<>("earlier clusters");
        earlier.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().earlierClusters().stream()
                .map(UUID::toString).collect(Collectors.joining(" "))));
        // Two earlier clusters' ids whole at 100 % ("2b2b...0002 1a1a..." ended in "..."); the table scrolls sideways.
        earlier.setPrefWidth(580);
        merged.getColumns().setAll(List.of(uuid, status, records, earlier));
        Masked.uuids(uuid);
        Masked.text(earlier);
        Masked.table(merged);
        Em.columns(merged);
        merged.setPlaceholder(new Label("No merged cluster, or not read yet."));
        Em.minHeight(merged, 8);

        HBox top = Em.spacing(new HBox(facts, bySystem), 2);
        VBox pane = Em.spacing(new VBox(intro, Em.spacing(new HBox(read, cancel), 0.77), message, top,
                new Label("Clusters now holding records of two or more earlier clusters, largest first:"), merged), 0.77);
        VBox.setVgrow(merged, Priority.ALWAYS);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    static long fact(ClusterChangeCounts c, int row) {
        return switch (row) {
            case 0 -> c.records();
            case 1 -> c.unchanged();
            case 2 -> c.moved();
            case 3 -> c.inNoCluster();
            case 4 -> c.withoutEarlier();
            case 5 -> c.notFound();
            case 6 -> c.merged();
            case 7 -> c.split();
            case 8 -> c.emptied();
            default -> c.needsAttentionNow();
        };
    }

    Node impactPane(Runnable copyOrganisationSummary) {
        Button read = new Button("Read the business impact");
        read.setId("read-impact");
        read.getStyleClass().add(Styles.PRIMARY);
        read.disableProperty().bind(model.impactRunningProperty().or(model.releaseRunningProperty()));
        read.setOnAction(e -> model.readImpact());
        Button copy = new Button("Copy summary for the organisation");
        copy.setId("copy-organisation-summary");
        copy.setOnAction(e -> copyOrganisationSummary.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-impact");
        cancel.disableProperty().bind(model.impactRunningProperty().or(model.releaseRunningProperty()).not());
        cancel.setOnAction(e -> model.cancel());
        MessageLabel message = new MessageLabel(model.impactMessageProperty());
        message.setId("impact-message");
        // How long the bad release ran, from the cluster's release history (the session's cluster target).
        MessageLabel release = MessageLabel.unmasked(model.releaseMessageProperty());
        release.setId("impact-release");
        // A wrapping label in a VBox is given one line unless it may be as tall as its text.
        release.setMinHeight(Region.USE_PREF_SIZE);
        Label intro = intro("Runbook step 5: the business impact, for people outside the team: how long the bad "
                + "release ran (from the cluster's release history) and when it touched records (each record once, at "
                + "its first affected event); the summary for the organisation puts the figures in plain words, with "
                + "no identifiers.");
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId("impact-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(1);
        chart.setBarGap(0);
        chart.setTitle("Records first affected over time");
        ((NumberAxis) chart.getYAxis()).setMinorTickVisible(false);
        // Records are whole: only whole numbers are labelled.
        ((NumberAxis) chart.getYAxis()).setTickLabelFormatter(new javafx.util.StringConverter<>() {
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
        ((NumberAxis) chart.getYAxis()).setLabel("records");
        Em.minHeight(chart, 16);
        model.hoursProperty().addListener((obs, was, now) -> showHours(chart, now));
        showHours(chart, model.hoursProperty().get());
        VBox pane = Em.spacing(new VBox(intro, Em.spacing(new HBox(read, cancel, copy), 0.77), release, message,
                chart), 0.77);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    private static void showHours(BarChart<String, Number> chart, AffectedHours hours) {
        chart.getData().clear();
        if (hours == null) {
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("records");
        for (AffectedHours.Bucket b : hours.buckets()) {
            String label = switch (b.unit()) {
                case HOUR -> b.start().toLocalDate() + " " + b.start().toLocalTime();
                case DAY -> b.start().toLocalDate().toString();
                case WEEK -> b.start().toLocalDate().toString();
            };
            series.getData().add(new XYChart.Data<>(label, b.records()));
        }
        ((CategoryAxis) chart.getXAxis()).setLabel(hours.buckets().isEmpty() ? ""
                : switch (hours.buckets().get(0).unit()) {
                    case HOUR -> "each hour (event_log's clock)";
                    case DAY -> "each day (event_log's clock)";
                    case WEEK -> "each week, from its Monday (event_log's clock)";
                });
        chart.getData().add(series);
    }

    Node sanityPane() {
        Button write = new Button("Write the sanity-check files");
        write.setId("write-sanity-check");
        write.getStyleClass().add(Styles.PRIMARY);
        write.disableProperty().bind(model.changesProperty().isNull().or(model.packRunningProperty()));
        write.setOnAction(e -> model.writePack());
        MessageLabel message = new MessageLabel(model.packMessageProperty());
        message.setId("sanity-message");
        Label intro = intro("Runbook step 7, for the data science team: every cluster that now holds records of two "
                + "or more earlier clusters, with each of its records (source system and id only), the earlier cluster "
                + "the exported file gave it and its merge events' times, largest first. Written as CSV and JSON into "
                + "the incident's folder, each headed with how it was chosen, the window and the exported file's "
                + "SHA-256.");
        TextArea files = new TextArea();
        files.setId("sanity-files");
        files.setEditable(false);
        files.setPrefRowCount(2);
        files.getStyleClass().add(Styles.MONOSPACE);
        files.textProperty().bind(model.packFilesProperty());
        files.visibleProperty().bind(model.packFilesProperty().isNotEmpty());
        files.managedProperty().bind(files.visibleProperty());
        VBox pane = Em.spacing(new VBox(intro, write, message, files), 0.77);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    Node pathsPane() {
        TextField base = new TextField();
        base.setId("manage-ui-base");
        base.setPromptText("the team's manage UI, e.g. https://manage-people.example (kept for next time;"
                + " empty: no links)");
        base.textProperty().bindBidirectional(model.manageUiBaseProperty());
        HBox.setHgrow(base, Priority.ALWAYS);
        Button read = new Button("Read the paths");
        read.setId("read-paths");
        read.getStyleClass().add(Styles.PRIMARY);
        read.disableProperty().bind(model.pathsRunningProperty());
        read.setOnAction(e -> model.readPaths());
        MessageLabel message = new MessageLabel(model.pathsMessageProperty());
        message.setId("paths-message");
        // Zoomed in, the table gives way (it scrolls), never the message's lines ("2 clusters left: ..." was cut).
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label intro = intro("Runbook step 6: each cluster still in NEEDS_ATTENTION, first to look at first. The daily "
                + "recluster-needs-attention job may still heal a BROKEN_CLUSTER; an OVERRIDE_CONFLICT needs a person. "
                + "Read again over the following days to see the queue drain.");
        TableView<ClusterPath> table = new TableView<>(model.pathRows());
        table.setId("paths-table");
        TableColumn<ClusterPath, String> uuid = new TableColumn<>("person_uuid");
        uuid.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personUuid() == null ? "(none)"
                : c.getValue().personUuid().toString()));
        uuid.setPrefWidth(290);
        TableColumn<ClusterPath, String> reason = new TableColumn<>("status_reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().cluster().statusReason() == null
                ? "(none)" : c.getValue().cluster().statusReason()));
        reason.setPrefWidth(150);
        TableColumn<ClusterPath, String> path = new TableColumn<>("who can resolve it");
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(switch (c.getValue().path()) {
            case PERSON_MUST_ACT -> "a person must act";
            case PERSON_SHOULD_LOOK -> "a person should look";
            case MAY_HEAL -> "may heal (daily job)";
        }));
        path.setPrefWidth(170);
        TableColumn<ClusterPath, String> queue = new TableColumn<>("in queue");
        queue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().inReviewQueue() ? "yes" : "no"));
        queue.setPrefWidth(100);
        TableColumn<ClusterPath, String> waited = new TableColumn<>("waited");
        waited.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().waited().map(ClusterPath::waitedText)
                .orElse("")));
        waited.setPrefWidth(100);
        TableColumn<ClusterPath, Number> records = new TableColumn<>("records");
        records.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().cluster().records()));
        records.getStyleClass().add(Styles.NUMBER_COLUMN);
        records.setPrefWidth(70);
        TableColumn<ClusterPath, String> link = new TableColumn<>("manage UI");
        link.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().link().orElse("")));
        // A cluster's whole link at 100 %, to read before copying it; the table scrolls sideways.
        link.setPrefWidth(540);
        table.getColumns().setAll(List.of(uuid, reason, path, queue, waited, records, link));
        Masked.uuids(uuid);
        Masked.text(link);
        Masked.table(table);
        Em.columns(table);
        table.setPlaceholder(new Label("Not read yet, or no cluster is left."));
        Button copyLink = new Button("Copy link");
        copyLink.setId("copy-path-link");
        copyLink.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        copyLink.setOnAction(e -> {
            ClusterPath p = table.getSelectionModel().getSelectedItem();
            if (p != null) {
                clipboard.accept(p.link().orElse(p.personUuid() == null ? "" : p.personUuid().toString()));
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = Em.spacing(new HBox(base, read, copyLink), 0.77);
        VBox pane = Em.spacing(new VBox(intro, actions, message, table), 0.77);
        VBox.setVgrow(table, Priority.ALWAYS);
        Em.padding(pane, 0.92, 0, 0, 0);
        return pane;
    }

    private static Label intro(String text) {
        Label intro = new Label(text);
        intro.setWrapText(true);
        // A wrapping label in a VBox is given one line unless it may be as tall as its text.
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.STEP_INTRO);
        return intro;
    }
}
