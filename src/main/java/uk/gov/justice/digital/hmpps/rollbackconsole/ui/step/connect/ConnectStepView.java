package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SideBySide;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.ZoomedOrder;

/** Step 1's form. */
public final class ConnectStepView {

    private final ConnectStepViewModel model;
    private final DialogService dialogs;

    private final ComboBox<Environment> environment = new ComboBox<>(FXCollections.observableArrayList(Environment.real()));
    private final TextField host = new TextField();
    private final TextField port = new TextField();
    private final TextField database = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final ComboBox<SslMode> sslMode = new ComboBox<>(FXCollections.observableArrayList(SslMode.values()));
    private final TextField caBundle = new TextField();
    private final Button browseCa = new Button("Browse\u2026");
    private final TextField tlsServerName = new TextField();
    private final Button connect = new Button("_Connect");
    private final Button disconnect = new Button("Disconnect");
    private final CheckBox acknowledgePrimary = new CheckBox(
            "I understand this is a primary, not a replica, and want to run the read-only queries against it.");
    private final Label serverVersion = new Label();
    private final Label role = new Label();
    private final Label eventLogSize = new Label();
    private final ComboBox<EventClock> eventClock = new ComboBox<>(FXCollections.observableArrayList(EventClock.values()));
    private final CheckBox confirmClock = new CheckBox();
    private final Button checkClockAgain = new Button("Check _again");
    private final MessageLabel clockMessage;
    private final Label lagText = new Label();
    private final MessageLabel lagMessage;
    private final VBox infoCard;
    private final SideBySide results;
    private final Node root;
    private final javafx.scene.control.ScrollPane scroll;
    /** Narrower than this (in em), the form's names go above their fields. */
    private static final double STACK_FORM_BELOW_EM = 30;
    private final java.util.List<Node[]> formRows = new java.util.ArrayList<>();
    private final GridPane form;
    private final VBox stackedForm = Em.spacing(new VBox(), 0.62);
    private final VBox formColumn;
    private boolean stacked;

    public ConnectStepView(ConnectStepViewModel model, DialogService dialogs) {
        this.model = model;
        this.dialogs = dialogs;

        environment.setId("environment");
        host.setId("host");
        port.setId("port");
        database.setId("database");
        user.setId("user");
        password.setId("password");
        sslMode.setId("ssl-mode");
        caBundle.setId("ca-bundle");
        tlsServerName.setId("tls-server-name");
        connect.setId("connect");
        disconnect.setId("disconnect");
        acknowledgePrimary.setId("acknowledge-primary");
        serverVersion.setId("server-version");
        role.setId("server-role");
        eventLogSize.setId("event-log-size");
        // Beside their names at 200 %, the facts wrap rather than end in "..." ("PRIMARY (not in reco...").
        for (Label fact : new Label[] {serverVersion, role, eventLogSize}) {
            fact.setWrapText(true);
        }
        eventClock.setId("event-clock");
        confirmClock.setId("confirm-event-clock");
        checkClockAgain.setId("check-event-clock");
        confirmClock.setWrapText(true);
        confirmClock.setMnemonicParsing(false);
        clockMessage = new MessageLabel(model.clockMessageProperty());
        clockMessage.setId("event-clock-message");
        lagText.setId("replica-lag");
        lagMessage = new MessageLabel(model.lagMessageProperty());
        lagMessage.setId("replica-lag-message");
        eventClock.setConverter(new StringConverter<>() {
            @Override
            public String toString(EventClock c) {
                return c == null ? "" : c == EventClock.SERVICE ? c.label() + " (" + c.zone().getId() + ", the service's)" : c.label();
            }

            @Override
            public EventClock fromString(String s) {
                return null;
            }
        });
        // "UK time (Europe/London, the service's)" is read whole at 200 %: on two lines where one is too wide.
        eventClock.setButtonCell(new WrappingCell<>(eventClock.getConverter()));

        environment.setConverter(new StringConverter<>() {
            @Override
            public String toString(Environment e) {
                return e == null ? "" : e.label() + e.namespace().map(ns -> "  (" + ns + ")").orElse("  (a database on this machine)");
            }

            @Override
            public Environment fromString(String s) {
                return Environment.fromLabel(s).orElse(null);
            }
        });
        // The chosen environment and its namespace are read whole at any zoom: the field fills its column, and
        // where even that is too narrow (beside the results, zoomed, or rehearsal's long namespace) the namespace
        // goes onto a second line.
        environment.setButtonCell(new WrappingCell<>(environment.getConverter()));
        environment.setMaxWidth(Double.MAX_VALUE);
        sslMode.setConverter(new StringConverter<>() {
            @Override
            public String toString(SslMode m) {
                return m == null ? "" : m.pgValue();
            }

            @Override
            public SslMode fromString(String s) {
                return null;
            }
        });
        password.setPromptText("leave empty to use .pgpass / PGPASSFILE");
        host.setPromptText("127.0.0.1 through a port-forward");
        caBundle.setPromptText("optional: RDS CA bundle (.pem)");
        tlsServerName.setPromptText("RDS host name, for a port-forward");
        port.setPrefColumnCount(6);
        connect.setDefaultButton(true);
        Styles.primaryUntil(connect, model.validProperty());
        Shortcuts.bind(connect, Shortcuts.CONNECT);

        GridPane form = new GridPane();
        Em.apply(form, 0.77, form::setHgap);
        Em.apply(form, 0.62, form::setVgap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        Em.apply(form, 40, fields::setMaxWidth);
        form.getColumnConstraints().addAll(labels, fields);
        formRows.add(new Node[] {label("_Environment", environment), environment});
        formRows.add(new Node[] {label("_Host", host), host});
        formRows.add(new Node[] {label("_Port", port), port});
        formRows.add(new Node[] {label("_Database", database), database});
        formRows.add(new Node[] {label("_User", user), user});
        formRows.add(new Node[] {label("Pass_word", password), password});
        formRows.add(new Node[] {label("_SSL mode", sslMode), sslMode});
        HBox caRow = Em.spacing(new HBox(caBundle, browseCa), 0.46);
        // The field gives way, never the button's name ("Bro..." at 200 %).
        browseCa.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(caBundle, Priority.ALWAYS);
        formRows.add(new Node[] {label("C_A bundle", caBundle), caRow});
        formRows.add(new Node[] {label("Certificate _host", tlsServerName), tlsServerName});
        this.form = form;

        MessageLabel tlsAdvice = new MessageLabel(model.tlsAdviceProperty());
        tlsAdvice.setId("tls-advice");
        Em.maxWidth(tlsAdvice, 49.23);
        HBox actions = Em.spacing(new HBox(connect, disconnect), 0.62);

        GridPane facts = StepLayout.facts();
        StepLayout.addFact(facts, 0, "Server", serverVersion);
        StepLayout.addFact(facts, 1, "Role", role);
        StepLayout.addFact(facts, 2, "event_log size", eventLogSize);
        StepLayout.addFact(facts, 3, "Replication", lagText);
        // Narrow (zoomed, or beside the form), Check again goes under the clock rather than cutting its name.
        javafx.scene.layout.FlowPane clockRow = new javafx.scene.layout.FlowPane(eventClock, checkClockAgain);
        Em.apply(clockRow, 0.46, clockRow::setHgap);
        Em.apply(clockRow, 0.31, clockRow::setVgap);
        // A flow is as wide as its widest part; the clock's name gives way at 200 % rather than widen the page.
        Em.minWidth(clockRow, 10);
        eventClock.maxWidthProperty().bind(clockRow.widthProperty());
        GridPane.setHgrow(clockRow, Priority.ALWAYS);
        StepLayout.addFact(facts, 4, "event_log clock", clockRow);
        // Zoomed in, the clock takes the card's whole width under its name: beside the names (bold in high
        // contrast) "(Europe/London," did not fit on a line even when wrapped.
        Node clockName = facts.getChildren().get(facts.getChildren().indexOf(clockRow) - 1);
        // The values take the card's width, so that the clock, across both columns when zoomed, has all of it.
        ColumnConstraints factValues = new ColumnConstraints();
        factValues.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().setAll(new ColumnConstraints(), factValues);
        Presenter.follow(facts, n -> {
            boolean zoomed = ZoomedOrder.zoomedIn(n);
            GridPane.setConstraints(clockName, 0, 4, zoomed ? 2 : 1, 1);
            GridPane.setConstraints(clockRow, zoomed ? 0 : 1, zoomed ? 5 : 4, zoomed ? 2 : 1, 1);
            // As wide as the card lets it be, so that it wraps only where the card is too narrow for one line.
            eventClock.setPrefWidth(zoomed ? Double.MAX_VALUE : javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        });
        // The acknowledgement first, right under the message that asks for it; then what the checks found.
        infoCard = Em.spacing(new VBox(acknowledgePrimary, facts, lagMessage, clockMessage, confirmClock), 0.62);
        infoCard.getStyleClass().add(Styles.CARD);

        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("connect-message");
        acknowledgePrimary.setWrapText(true);
        // The form on the left, what connecting found on the right: at 1280x720 both are on the screen at once.
        // Zoomed in they stack, and connecting scrolls to what it found.
        formColumn = Em.spacing(new VBox(form, tlsAdvice, actions), 0.92);
        arrangeForm();
        // Narrow (200 %, or a small window), each name goes above its field: beside it, the fields were too narrow
        // for the chosen environment, the prompts and Browse.
        formColumn.widthProperty().addListener((obs, was, now) -> arrangeForm());
        Presenter.follow(formColumn, n -> arrangeForm());
        results = new SideBySide(formColumn,
                Em.spacing(new VBox(message, infoCard), 0.92), 66, 0.44);
        results.setId("connect-columns");

        scroll = StepLayout.scrolling(StepLayout.page("Connect to the read replica",
                "Runbook step 3 starts on the read replica of the person-record database. The console opens "
                        + "read-only connections only: every transaction is read-only on the server, so nothing "
                        + "it runs can change data. The password stays in memory and is never saved.",
                new ThroughClusterPane(model.throughCluster()), results));
        root = scroll;

        bind();
    }

    /** True when the form's names stand above their fields. */
    boolean formStacked() {
        return stacked;
    }

    private void arrangeForm() {
        double width = formColumn.getWidth();
        boolean stack = width > 0 && width < STACK_FORM_BELOW_EM * Presenter.emFor(formColumn);
        if (stack == stacked && !(form.getChildren().isEmpty() && stackedForm.getChildren().isEmpty())) {
            return;
        }
        stacked = stack;
        form.getChildren().clear();
        stackedForm.getChildren().clear();
        for (int i = 0; i < formRows.size(); i++) {
            Node name = formRows.get(i)[0];
            Node field = formRows.get(i)[1];
            if (stack) {
                GridPane.clearConstraints(name);
                GridPane.clearConstraints(field);
                VBox pair = Em.spacing(new VBox(name, field), 0.23);
                stackedForm.getChildren().add(pair);
            } else {
                form.addRow(i, name, field);
            }
        }
        formColumn.getChildren().set(0, stack ? stackedForm : form);
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        // Zoomed in, the field gives way, never its name.
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void bind() {
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        host.textProperty().bindBidirectional(model.hostProperty());
        port.textProperty().bindBidirectional(model.portProperty());
        database.textProperty().bindBidirectional(model.databaseProperty());
        user.textProperty().bindBidirectional(model.userProperty());
        password.textProperty().bindBidirectional(model.passwordProperty());
        sslMode.valueProperty().bindBidirectional(model.sslModeProperty());
        caBundle.textProperty().bindBidirectional(model.caBundleProperty());
        tlsServerName.textProperty().bindBidirectional(model.tlsServerNameProperty());
        acknowledgePrimary.selectedProperty().bindBidirectional(model.primaryAcknowledgedProperty());
        eventClock.valueProperty().bindBidirectional(model.eventClockProperty());
        confirmClock.selectedProperty().bindBidirectional(model.clockConfirmedProperty());
        confirmClock.textProperty().bind(Bindings.createStringBinding(() -> "Compare event_timestamp in "
                + (model.eventClockProperty().get() == null ? "" : model.eventClockProperty().get().label())
                + " all the same: I have checked which clock event_log is written in", model.eventClockProperty()));
        confirmClock.visibleProperty().bind(model.clockMismatchProperty());
        checkClockAgain.setOnAction(e -> model.recheckClock());
        confirmClock.managedProperty().bind(confirmClock.visibleProperty());

        connect.disableProperty().bind(model.busyProperty());
        connect.setOnAction(e -> model.connect());
        disconnect.disableProperty().bind(Bindings.createBooleanBinding(() -> model.infoProperty().get() == null,
                model.infoProperty()).or(model.busyProperty()));
        disconnect.setOnAction(e -> model.disconnect());
        browseCa.setOnAction(e -> dialogs.chooseOpenFile("CA bundle", null, "Certificates", "pem", "crt")
                .map(Path::toString).ifPresent(model.caBundleProperty()::set));
        acknowledgePrimary.visibleProperty().bind(model.primaryNeedsAcknowledgementProperty());
        acknowledgePrimary.managedProperty().bind(acknowledgePrimary.visibleProperty());
        infoCard.visibleProperty().bind(model.infoProperty().isNotNull());
        infoCard.managedProperty().bind(infoCard.visibleProperty());
        model.infoProperty().addListener((obs, was, now) -> {
            showInfo(now);
            if (now != null && !results.sideBySide()) {
                showTheOutcome();
            }
        });
        // Zoomed in (stacked), an error is what to look at too: it is at the end of the page, under the form.
        model.messageProperty().addListener((obs, was, now) -> {
            if (now != null && model.infoProperty().get() == null && !results.sideBySide()) {
                showTheOutcome();
            }
        });
        // Zoomed in after connecting (presenter mode turned on), the page opens on what connecting found, not on
        // the form: at the top of a stacked page at 150 % neither the outcome nor an error is on the screen.
        Presenter.follow(results, n -> {
            if ((model.infoProperty().get() != null || model.messageProperty().get() != null) && ZoomedOrder.zoomedIn(n)) {
                showTheOutcome();
            }
        });
        // A clock the data contradicts is what to look at next: the confirmation is at the end of the page.
        model.clockMismatchProperty().addListener((obs, was, now) -> {
            if (now) {
                showTheOutcome();
            }
        });
        lagText.textProperty().bind(Bindings.createStringBinding(() -> model.lagProperty().get() == null ? ""
                : model.lagProperty().get().shortText(), model.lagProperty()));
        lagText.setWrapText(true);
    }

    private void showInfo(ReplicaInfo info) {
        if (info == null) {
            return;
        }
        serverVersion.setText("PostgreSQL " + info.serverVersion());
        role.setText(info.inRecovery() ? "read replica (in recovery)" : "PRIMARY (not in recovery)");
        // "about 1 row", not "about 1 rows" (a nearly empty replica, the rehearsal's standby).
        eventLogSize.setText("about " + NumberFormat.getIntegerInstance(Locale.UK).format(info.eventLogRowEstimate())
                + (info.eventLogRowEstimate() == 1 ? " row" : " rows"));
    }

    /** Scrolls to the end of the page, once it is laid out with what connecting found. */
    private void showTheOutcome() {
        javafx.application.Platform.runLater(() -> {
            toTheEnd();
            // Zoomed in, the form restacks its names in the layout just made, and the page grows once more.
            javafx.application.Platform.runLater(this::toTheEnd);
        });
    }

    private void toTheEnd() {
        scroll.applyCss();
        scroll.layout();
        scroll.setVvalue(scroll.getVmax());
    }

    public Node root() {
        return root;
    }
}
