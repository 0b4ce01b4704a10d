package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Masked;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SideBySide;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StateFirst;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** Step 6's screen: the run as a whole, the batch the pod is on, every batch sent, and how it ended. */
public final class ProgressStepView {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);
    /** The narrowest page, in em, on which the run's card and the batch's card stand side by side. */
    static final double CARDS_SIDE_BY_SIDE_EM = 56;

    private final ProgressStepViewModel model;
    private final Label target = new Label();
    private final Label file = new Label();
    private final Label plan = new Label();
    private final Label state = new Label();
    private final Label stateDetail = new Label();
    private final ProgressBar overall = new ProgressBar(0);
    private final Label overallText = new Label();
    private final Label batches = new Label();
    private final Label rate = new Label();
    private final Label eta = new Label();
    private final Label elapsed = new Label();
    private final Label skipped = new Label();
    private final Label notFound = new Label();
    private final Label logStatus = new Label();
    private final Label phase = new Label();
    private final ProgressBar upsert = new ProgressBar(0);
    private final Label upsertText = new Label();
    private final ProgressBar recluster = new ProgressBar(0);
    private final Label reclusterText = new Label();
    private final Button pause = new Button("_Pause");
    private final Button resume = new Button("_Resume");
    private final Button stop = new Button("_Stop after this batch");
    private final Label offerText = new Label();
    private final ComboBox<String> offerPod = new ComboBox<>();
    private final Button lookAgain = new Button("_Look for pods again");
    private final Button resendRest = new Button("Send the rest to this _pod\u2026");
    private final Node offerCard;
    private final Button decide = new Button("_Decide about the batch of unknown outcome\u2026");
    private final TableView<BatchRow> table = new TableView<>();
    private final ListView<String> notFoundList = new ListView<>();
    private final Label notFoundNone = new Label("None so far.");
    private final SimpleObjectProperty<Message> message = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Message> connection = new SimpleObjectProperty<>();
    private final Node root;

    public ProgressStepView(ProgressStepViewModel model) {
        this.model = model;
        target.setId("progress-target");
        file.setId("progress-file");
        plan.setId("progress-plan");
        state.setId("progress-state");
        stateDetail.setId("progress-state-detail");
        stateDetail.setWrapText(true);
        overall.setId("progress-overall");
        overallText.setId("progress-overall-text");
        batches.setId("progress-batches");
        rate.setId("progress-rate");
        eta.setId("progress-eta");
        elapsed.setId("progress-elapsed");
        // Zoomed for the call, the figures wrap rather than being cut to "...".
        for (Label l : new Label[] {eta, elapsed, overallText, batches, rate, skipped, notFound, phase, logStatus, plan}) {
            l.setWrapText(true);
        }
        skipped.setId("progress-skipped");
        notFound.setId("progress-not-found");
        logStatus.setId("progress-log-status");
        phase.setId("progress-phase");
        upsert.setId("progress-upsert");
        upsertText.setId("progress-upsert-text");
        recluster.setId("progress-recluster");
        reclusterText.setId("progress-recluster-text");
        pause.setId("pause");
        Shortcuts.bind(pause, Shortcuts.PAUSE); Shortcuts.bind(resume, Shortcuts.RESUME); Shortcuts.bind(stop, Shortcuts.STOP);
        resume.setId("resume");
        stop.setId("stop");
        for (Button b : new Button[] {pause, resume, stop}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // Zoomed to 200 % the question's button is wider than the page: it wraps, never cut, never scrolled sideways.
        decide.setWrapText(true);
        decide.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setId("batches-table");
        offerText.setId("resend-offer");
        offerPod.setId("resend-pod");
        lookAgain.setId("resend-look-again");
        resendRest.setId("resend-rest");
        decide.setId("decide-unknown");
        offerText.setWrapText(true);
        offerPod.setPromptText("no other Ready pod yet");
        offerPod.setButtonCell(new uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WrappingListCell(offerPod));
        // A pod's whole name, on its own line under its label: beside the buttons, zoomed to 200 %, the drop-down
        // was either cut to "hmpps-person-record-5d8f7c9b4-f..." or pushed the page sideways. It gives way down to
        // 22 em (still the whole name at 200 % on 1280x720) before the page scrolls.
        Em.minWidth(offerPod, 22);
        // Room for the name in bold too (high contrast).
        Em.prefWidth(offerPod, 27);
        Em.maxWidth(offerPod, 27);
        Label offerTitle = new Label("Send the rest");
        offerTitle.getStyleClass().add(Styles.FACT_VALUE);
        Label podName = new Label("Ready pod of the deployment");
        podName.getStyleClass().add(Styles.FACT_NAME);
        podName.setLabelFor(offerPod);
        // Zoomed in, the buttons wrap rather than being cut to "...".
        javafx.scene.layout.FlowPane offerRow = new javafx.scene.layout.FlowPane(lookAgain, resendRest);
        Em.apply(offerRow, 0.62, offerRow::setHgap);
        Em.apply(offerRow, 0.46, offerRow::setVgap);
        offerRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {podName, lookAgain, resendRest}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox podChoice = Em.spacing(new VBox(podName, offerPod), 0.31);
        VBox offerBox = Em.spacing(new VBox(offerTitle, offerText, podChoice, offerRow), 0.62);
        offerBox.getStyleClass().add(Styles.CARD);
        offerBox.setId("resend-card");
        offerCard = offerBox;
        notFoundList.setId("not-found-ids");

        state.getStyleClass().addAll(Styles.BIG_NUMBER, ProgressStyles.RUN_STATE);
        file.getStyleClass().add(Styles.MONOSPACE);
        file.setWrapText(true);
        for (ProgressBar bar : new ProgressBar[] {overall, upsert, recluster}) {
            bar.setMaxWidth(Double.MAX_VALUE);
        }
        overall.getStyleClass().add(Styles.PROGRESS_OVERALL);
        phase.getStyleClass().add(Styles.FACT_VALUE);

        GridPane facts = StepLayout.facts();
        StepLayout.addFact(facts, 0, "Target", target);
        StepLayout.addFact(facts, 1, "File", file);
        StepLayout.addFact(facts, 2, "Plan", plan);
        StepLayout.addFact(facts, 3, "Pod's log", logStatus);
        keepNames(facts);
        target.setWrapText(true);
        VBox planCard = Em.spacing(new VBox(facts), 0.62);
        planCard.getStyleClass().add(Styles.CARD);

        GridPane totals = StepLayout.facts();
        StepLayout.addFact(totals, 0, "Batches", batches);
        StepLayout.addFact(totals, 1, "Rate", rate);
        StepLayout.addFact(totals, 2, "Time left", eta);
        StepLayout.addFact(totals, 3, "Elapsed", elapsed);
        StepLayout.addFact(totals, 4, "Skipped (merged)", skipped);
        StepLayout.addFact(totals, 5, "Not found", notFound);
        keepNames(totals);
        // The headline wraps rather than being cut short when zoomed for the call.
        state.setWrapText(true);
        VBox overallCard = Em.spacing(new VBox(state, stateDetail, overall, overallText, totals), 0.62);
        overallCard.getStyleClass().add(Styles.CARD);

        GridPane bars = new GridPane();
        Em.gaps(bars, 0.77, 0.46);
        bars.addRow(0, upsertText, upsert);
        bars.addRow(1, reclusterText, recluster);
        ColumnConstraints labels = new ColumnConstraints();
        Em.apply(bars, 10.77, labels::setMinWidth);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        bars.getColumnConstraints().addAll(labels, grow);
        VBox batchCard = Em.spacing(new VBox(phase, bars), 0.62);
        batchCard.getStyleClass().add(Styles.CARD);

        // What a batch is doing first; the records it holds last, scrolled to: no column is squeezed to "...".
        table.getColumns().add(column("Batch", r -> Integer.toString(r.number()), 60));
        TableColumn<BatchRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setPrefWidth(190);
        // After the rest went to another pod a batch number shows twice: the pod tells the two apart.
        table.getColumns().addAll(status, column("Pod", BatchRow::podShort, 140));
        TableColumn<BatchRow, String> time = new TableColumn<>("Sent \u2013 complete");
        time.setCellValueFactory(c -> c.getValue().timeProperty());
        time.setPrefWidth(170);
        TableColumn<BatchRow, String> http = new TableColumn<>("HTTP");
        http.setCellValueFactory(c -> c.getValue().httpProperty());
        http.setPrefWidth(140);
        TableColumn<BatchRow, Number> nf = new TableColumn<>("Not found");
        nf.setCellValueFactory(c -> c.getValue().notFoundProperty());
        nf.setPrefWidth(90);
        table.getColumns().addAll(time, http, nf);
        table.getColumns().add(column("Records", r -> COUNT.format(r.records()), 80));
        // A Common Platform id is a UUID: "#1 COMMON_PLATFORM/cf000000-...-000000000003" whole, not ending in "...".
        table.getColumns().add(column("First record", BatchRow::firstRecord, 480));
        table.getColumns().add(column("Last record", BatchRow::lastRecord, 480));
        for (TableColumn<BatchRow, ?> c : table.getColumns()) {
            c.setMinWidth(c.getPrefWidth());
        }
        Em.prefHeight(table, 16.92);
        table.setPlaceholder(new Label("No batch sent yet."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Em.columns(table); Masked.table(table); Masked.list(notFoundList); // zoom, and ids masked in presenter mode

        Em.prefHeight(notFoundList, 9.23);
        notFoundList.setPlaceholder(notFoundNone);
        notFoundList.getStyleClass().add(Styles.MONOSPACE);
        Label notFoundTitle = new Label("Ids the service did not find");
        notFoundTitle.getStyleClass().add(Styles.FACT_NAME);
        VBox notFoundBox = Em.spacing(new VBox(notFoundTitle, notFoundList), 0.31);
        Em.minWidth(notFoundBox, 16.92);
        VBox lists = Em.spacing(new VBox(table, notFoundBox), 0.92);
        // Side by side on a wide page; zoomed in (150 %, 200 %) the run's card takes the whole width, its figures on
        // one line each, and the batch's card goes under it with bars as wide as the page, not squeezed beside it.
        SideBySide cards = new SideBySide(overallCard, batchCard, CARDS_SIDE_BY_SIDE_EM, 0.5);
        cards.setId("progress-cards");
        overallCard.setPrefWidth(1);
        batchCard.setPrefWidth(1);

        MessageLabel messageLabel = new MessageLabel(message);
        messageLabel.setId("progress-message");
        // A long message (a run that stalled, what is left) is never given less than all its lines.
        messageLabel.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        MessageLabel connectionLabel = new MessageLabel(connection);
        connectionLabel.setId("progress-connection");

        // Pause, Resume, Stop on one line while they fit; zoomed to 200 % in bold high contrast, Stop goes under them
        // rather than the page scrolling sideways.
        javafx.scene.layout.FlowPane controls = new javafx.scene.layout.FlowPane(pause, resume, stop);
        Em.apply(controls, 0.62, controls::setHgap);
        Em.apply(controls, 0.46, controls::setVgap);
        VBox page = StepLayout.page("Progress of the recluster",
                "Runbook step 4, followed through the pod's log: each batch is upserted to hmpps-person-match, then "
                        + "reclustered. The next batch goes only once the pod has logged the previous one complete. "
                        + "Pause and stop take effect between batches; a batch on the pod cannot be called back.",
                cards, messageLabel, connectionLabel, offerCard, decide,
                controls,
                planCard, lists, ProgressCommands.pane(model));
        // Zoomed in without presenter mode, the run's headline comes straight under the title: at 200 % on 1280x720
        // the introduction above it had pushed it below the fold.
        StateFirst.whenNarrow(page, cards, CARDS_SIDE_BY_SIDE_EM);
        root = StepLayout.scrolling(page);
        bind();
    }

    /** The names column keeps its width however long a value is. */
    private static void keepNames(GridPane facts) {
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(names, values);
    }

    private static TableColumn<BatchRow, String> column(String title, java.util.function.Function<BatchRow, String> value,
                                                       double width) {
        TableColumn<BatchRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void bind() {
        pause.setOnAction(e -> model.pause());
        resume.setOnAction(e -> model.resume());
        stop.setOnAction(e -> model.stop());
        resendRest.setOnAction(e -> model.resendRest());
        lookAgain.setOnAction(e -> model.findOtherPods());
        decide.setOnAction(e -> model.decideUnknown());
        offerCard.setVisible(false);
        offerCard.managedProperty().bind(offerCard.visibleProperty());
        decide.setVisible(false);
        decide.managedProperty().bind(decide.visibleProperty());
        model.monitorProperty().addListener((obs, was, now) -> show(now));
        show(model.monitorProperty().get());
    }

    private void show(ReclusterMonitor m) {
        if (m == null) {
            table.setItems(FXCollections.observableArrayList());
            notFoundList.setItems(FXCollections.observableArrayList());
            message.unbind();
            message.set(Message.info("Nothing has been sent yet: start the recluster in the previous step."));
            return;
        }
        ReclusterPlan p = m.plan();
        target.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ReclusterPlan now = m.plan();
            return "pod " + now.pod() + ", namespace " + now.namespace() + " (" + environment(now) + ", context "
                    + now.context() + ")";
        }, m.planProperty()));
        offerCard.visibleProperty().bind(m.offerProperty().isNotNull());
        decide.visibleProperty().bind(m.undecidedProperty().isNotNull());
        offerText.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> offerText(m.offerProperty().get()), m.offerProperty()));
        offerPod.setItems(m.offerPods());
        offerPod.valueProperty().bindBidirectional(m.offerPodProperty());
        resendRest.disableProperty().bind(m.offerPodProperty().isNull());
        file.setText(p.file() + "\nSHA-256 " + p.sha256());
        plan.setText(COUNT.format(p.records()) + (p.records() == 1 ? " record in " : " records in ")
                + COUNT.format(p.batches()) + (p.batches() == 1 ? " batch of up to " : " batches of up to ")
                + COUNT.format(p.batchSize()));
        message.bind(m.messageProperty());
        connection.bind(m.connectionProperty());
        state.textProperty().bind(m.statusProperty().map(RunStatus::headline));
        stateDetail.textProperty().bind(m.statusProperty().map(RunStatus::detail));
        stateDetail.visibleProperty().bind(stateDetail.textProperty().isNotEmpty());
        stateDetail.managedProperty().bind(stateDetail.visibleProperty());
        m.statusProperty().addListener((obs, was, now) -> draw(m));
        m.offerProperty().addListener((obs, was, now) -> draw(m));
        m.undecidedProperty().addListener((obs, was, now) -> draw(m));
        draw(m);
        overall.progressProperty().bind(m.overallProperty());
        overallText.textProperty().bind(m.overallTextProperty());
        batches.textProperty().bind(m.batchesTextProperty());
        rate.textProperty().bind(m.rateTextProperty());
        eta.textProperty().bind(m.etaTextProperty());
        elapsed.textProperty().bind(m.elapsedTextProperty());
        skipped.textProperty().bind(m.skippedMergedProperty().asString());
        notFound.textProperty().bind(m.notFoundProperty().asString());
        logStatus.textProperty().bind(m.logStatusProperty());
        phase.textProperty().bind(m.phaseTextProperty());
        upsert.progressProperty().bind(m.upsertProperty());
        upsertText.textProperty().bind(m.upsertTextProperty());
        recluster.progressProperty().bind(m.reclusterProperty());
        reclusterText.textProperty().bind(m.reclusterTextProperty());
        notFoundNone.textProperty().bind(javafx.beans.binding.Bindings.when(m.activeProperty())
                .then("None so far.").otherwise("None."));
        table.setItems(m.rows());
        notFoundList.setItems(m.notFoundIds());
    }

    /**
     * The environment sent to, as the banner names it: a reviewed file is sent with no replica connection, so its
     * environment is the namespace's, not "unknown" beside a banner that says PREPROD.
     */
    private static String environment(ReclusterPlan p) {
        if (!"unknown".equals(p.environment())) {
            return p.environment();
        }
        return uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment.fromNamespace(p.namespace())
                .map(e -> e.label().toUpperCase(Locale.ROOT) + " by its namespace").orElse("environment not known");
    }

    private static String offerText(ResendOffer o) {
        if (o == null) {
            return "";
        }
        StringBuilder b = new StringBuilder((o.podAlive() ? "The run on pod " + o.deadPod() + " ended early"
                : "Pod " + o.deadPod() + " died") + " in batch " + o.batchNumber() + ". ");
        if (o.provenDone() > 0) {
            b.append("Its log proves ").append(COUNT.format(o.provenDone())).append(" of the batch's records done; ")
                    .append("they are not sent again. ");
        }
        o.rest().ifPresent(rest -> b.append("Left of batch ").append(o.batchNumber()).append(": ")
                .append(COUNT.format(rest.size())).append(" records, ").append(key(rest, 0)).append(" to ")
                .append(key(rest, rest.size() - 1)).append(". "));
        b.append("Batches after it: ").append(COUNT.format(o.laterBatches())).append(" (")
                .append(COUNT.format(o.laterRecords())).append(" records). In all ").append(COUNT.format(o.records()))
                .append(" records in ").append(COUNT.format(o.requests()))
                .append(" requests, sent one at a time as before, followed on ")
                .append(o.podAlive() ? "the chosen pod's log (this one is still Ready)." : "the new pod's log.");
        return b.toString();
    }

    private static String key(uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch b, int i) {
        var k = b.records().get(i);
        return "#" + COUNT.format(b.firstRecord() + i + 1) + " " + k.sourceSystem().name() + "/" + k.sourceSystemId();
    }

    /**
     * Draws the run's state the same way everywhere on this screen: the headline's and the bar's colour, which
     * controls apply, and which button leads (the recovery, when there is one; never Next while records are left).
     */
    private void draw(ReclusterMonitor m) {
        RunStatus status = m.statusProperty().get();
        RunStatus.Kind kind = status.kind();
        String tone = ProgressStyles.tone(status.tone());
        ProgressStyles.only(state, ProgressStyles.TONES, tone);
        ProgressStyles.only(stateDetail, ProgressStyles.TONES, tone);
        for (ProgressBar bar : new ProgressBar[] {overall, upsert, recluster}) {
            ProgressStyles.only(bar, ProgressStyles.BARS, ProgressStyles.bar(status.tone()));
        }
        boolean sending = kind == RunStatus.Kind.RUNNING || kind == RunStatus.Kind.WAITING_FOR_FORWARD
                || kind == RunStatus.Kind.WAITING_FOR_OTHER_RUN;
        pause.setDisable(!sending);
        resume.setDisable(kind != RunStatus.Kind.PAUSED);
        stop.setDisable(!sending && kind != RunStatus.Kind.PAUSED);
        RunStatus.Action action = status.action(m.offerProperty().get() != null, m.undecidedProperty().get() != null);
        lead(resume, action == RunStatus.Action.RESUME);
        lead(resendRest, action == RunStatus.Action.SEND_THE_REST);
        lead(decide, action == RunStatus.Action.DECIDE);
    }

    private static void lead(Button b, boolean primary) {
        b.getStyleClass().remove(Styles.PRIMARY);
        if (primary) {
            b.getStyleClass().add(Styles.PRIMARY);
        }
        b.setDefaultButton(primary);
    }

    public Node root() {
        return root;
    }
}
