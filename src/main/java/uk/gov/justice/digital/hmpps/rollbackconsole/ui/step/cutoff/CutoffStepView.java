package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.QueryPane;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ZoomedOrder;

/** Step 2's form: paste or pick the time, choose the zone, read back the UTC value. */
public final class CutoffStepView {

    private final CutoffStepViewModel model;
    private final TextField text = new TextField();
    private final RadioButton london = new RadioButton("Europe/London (UK time: GMT in winter, BST in summer)");
    private final RadioButton utc = new RadioButton("UTC");
    private final ToggleGroup zones = new ToggleGroup();
    private final DatePicker date = new DatePicker();
    private final TextField time = new TextField();
    private final Button useDateTime = new Button("Use this date and time");
    private final Label utcLine = new Label();
    private final Button earlier = new Button();
    private final Button later = new Button();
    private final HBox ambiguousChoice = Em.spacing(new HBox(earlier, later), 0.62);
    private final VBox warnings = Em.spacing(new VBox(), 0.46);
    private final Label counts = new Label();
    private final Node root;

    public CutoffStepView(CutoffStepViewModel model) {
        this.model = model;
        text.setId("cutoff-text");
        london.setId("zone-london");
        utc.setId("zone-utc");
        date.setId("cutoff-date");
        time.setId("cutoff-time");
        utcLine.setId("cutoff-utc");
        counts.setId("cutoff-counts");
        earlier.setId("ambiguous-earlier");
        later.setId("ambiguous-later");

        text.setPromptText("e.g. 2025-06-09 13:21:55, or paste from GitHub, CircleCI, kubectl or date");
        text.getStyleClass().add(Styles.MONOSPACE);
        london.setToggleGroup(zones);
        utc.setToggleGroup(zones);
        london.setUserData(CutoffParser.LONDON);
        utc.setUserData(CutoffStepViewModel.UTC);
        time.setPromptText("HH:mm:ss");
        time.setPrefColumnCount(8);
        utcLine.getStyleClass().add(Styles.UTC_LINE);
        utcLine.setWrapText(true);
        counts.setWrapText(true);

        Label textLabel = new Label("_Deployment time of the bad release");
        textLabel.setMnemonicParsing(true);
        textLabel.setLabelFor(text);
        Label zoneLabel = new Label("Time zone of that time (used when the text names no zone or offset):");
        // Whole at 200 %: a zone cut to "BST in su..." is no help to the people watching.
        zoneLabel.setWrapText(true);
        london.setWrapText(true);
        VBox zoneBox = Em.spacing(new VBox(zoneLabel, london, utc), 0.31);
        Label pickLabel = new Label("Or pick it:");
        // A flow: at 200 % the button goes to the next line rather than being cut to "Use this d...".
        javafx.scene.layout.FlowPane picker = new javafx.scene.layout.FlowPane(pickLabel, date, time, useDateTime);
        Em.apply(picker, 0.62, picker::setHgap);
        Em.apply(picker, 0.46, picker::setVgap);
        picker.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        pickLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        useDateTime.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        time.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label queryLabel = new Label();
        // Zoomed in, this caption follows the lines it explains (see below).
        Presenter.follow(queryLabel, n -> queryLabel.setText(ZoomedOrder.zoomedIn(n)
                ? "Above: the cutoff as typed, as an instant in UTC, and as the value compared with event_timestamp"
                        + " in event_log's clock."
                : "The cutoff as typed, as an instant in UTC, and as the value compared with event_timestamp in"
                        + " event_log's clock:"));
        queryLabel.setWrapText(true);
        VBox result = Em.spacing(new VBox(queryLabel, utcLine, ambiguousChoice, counts), 0.46);
        result.getStyleClass().add(Styles.CARD);

        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("cutoff-message");

        ReleasesPane releases = new ReleasesPane(model.releases());
        QueryPane sql = new QueryPane("The SQL behind these counts", "With the cutoff and the replica's clock written in, "
                + "as the console binds them.", model.countsSqlProperty());
        VBox page = StepLayout.page("Deployment time",
                "Runbook step 1: the time the bad release started running. Every record created or updated since "
                        + "then is affected. event_timestamp holds the service's UK wall-clock time (GMT in winter, "
                        + "BST in summer), so a time known in UTC must be converted: the console does it and shows "
                        + "the exact value it compares.",
                textLabel, text, zoneBox, picker, message, warnings, result, releases, sql);
        // Zoomed in, a 1280x720 screen shows a dozen lines of the page: the value compared with event_timestamp
        // comes first, under the title, then the field it is read from; the explanations follow.
        Node heading = page.getChildren().get(0);
        Node intro = page.getChildren().get(1);
        ZoomedOrder.apply(page, java.util.List.of(heading, result, textLabel, text, message, warnings, zoneBox, picker,
                intro, releases, sql));
        ZoomedOrder.apply(result, java.util.List.of(utcLine, ambiguousChoice, counts, queryLabel));
        // Nothing typed yet, nothing to read back: no empty box at the top of the page.
        result.visibleProperty().bind(model.utcLineProperty().isNotEmpty().or(model.countsTextProperty().isNotEmpty()));
        result.managedProperty().bind(result.visibleProperty());
        root = StepLayout.scrolling(page);
        bind();
    }

    private void bind() {
        text.textProperty().bindBidirectional(model.textProperty());
        zones.selectToggle(model.zoneProperty().get().equals(CutoffStepViewModel.UTC) ? utc : london);
        zones.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.zoneProperty().set((ZoneId) now.getUserData());
            }
        });
        useDateTime.setOnAction(e -> {
            try {
                String t = time.getText().trim();
                model.pick(date.getValue(), LocalTime.parse(t.length() == 5 ? t + ":00" : t));
            } catch (DateTimeParseException ex) {
                time.requestFocus();
            }
        });
        useDateTime.disableProperty().bind(date.valueProperty().isNull().or(time.textProperty().isEmpty()));
        utcLine.textProperty().bind(model.utcLineProperty());
        // Zoomed in, the line compared with event_timestamp falls below the fold: it is brought up as it changes,
        // for the people watching; the lead knows what they typed.
        utcLine.textProperty().addListener((obs, was, now) -> {
            if (now != null && !now.isBlank()) {
                javafx.application.Platform.runLater(() -> bringIntoView(utcLine));
            }
        });
        counts.textProperty().bind(model.countsTextProperty());
        model.warnings().addListener((ListChangeListener<String>) c -> showWarnings());
        model.inputProperty().addListener((obs, was, now) -> showAmbiguity(now));
        showAmbiguity(model.inputProperty().get());
        earlier.setOnAction(e -> model.chooseAmbiguous(true));
        later.setOnAction(e -> model.chooseAmbiguous(false));
    }

    /** Scrolls the page as little as brings {@code node} whole onto the screen. */
    private void bringIntoView(Node node) {
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) root;
        if (scroll.getContent() == null || node.getScene() == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        double viewport = scroll.getViewportBounds().getHeight();
        double content = scroll.getContent().getLayoutBounds().getHeight();
        if (content <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (content - viewport);
        javafx.geometry.Bounds b = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double margin = Presenter.emFor(node);
        double wanted = b.getMaxY() + margin > top + viewport ? b.getMaxY() + margin - viewport
                : b.getMinY() < top ? b.getMinY() - margin : top;
        scroll.setVvalue(Math.max(0, Math.min(1, wanted / (content - viewport))));
    }

    private void showAmbiguity(CutoffInput input) {
        boolean ambiguous = input instanceof CutoffInput.Ambiguous;
        ambiguousChoice.setVisible(ambiguous);
        ambiguousChoice.setManaged(ambiguous);
        if (input instanceof CutoffInput.Ambiguous a) {
            earlier.setText("First: " + a.earlier().describe());
            later.setText("Second: " + a.later().describe());
        }
    }

    private void showWarnings() {
        warnings.getChildren().clear();
        for (String w : model.warnings()) {
            MessageLabel l = new MessageLabel(new javafx.beans.property.SimpleObjectProperty<>(Message.warning(w)));
            l.getStyleClass().add("cutoff-warning");
            warnings.getChildren().add(l);
        }
    }

    public Node root() {
        return root;
    }
}
