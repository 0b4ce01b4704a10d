package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.cutoff;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Release;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** "From the cluster": both deployments' release histories, where they end, and a button that makes one the bad one. */
final class ReleasesPane extends TitledPane {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    ReleasesPane(ReleasesViewModel model) {
        TextField kubectl = new TextField();
        kubectl.setId("releases-kubectl");
        ComboBox<String> context = new ComboBox<>(model.contexts());
        context.setId("releases-context");
        context.setEditable(true);
        Em.prefWidth(context, 27.69);
        Button loadContexts = new Button("Load contexts");
        loadContexts.setId("releases-load-contexts");
        TextField namespace = new TextField();
        namespace.setId("releases-namespace");
        namespace.setPrefColumnCount(28);
        Button read = new Button("Read releases");
        read.setId("releases-read");

        GridPane form = new GridPane();
        Em.apply(form, 0.62, form::setHgap);
        Em.apply(form, 0.46, form::setVgap);
        form.addRow(0, name("kubectl"), kubectl);
        form.addRow(1, name("Context"), Em.spacing(new HBox(context, loadContexts), 0.46));
        form.addRow(2, name("Namespace"), Em.spacing(new HBox(namespace, read), 0.46));
        GridPane.setHgrow(kubectl, Priority.ALWAYS);
        // Zoomed in, the fields give way, never a field's name or a button's (as Connect's "through the cluster"):
        // at 150 % they read "kub...", "Load cont...", "Read rel...".
        loadContexts.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        read.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        context.setMinWidth(0);
        namespace.setMinWidth(0);

        TableView<Release> table = new TableView<>(model.releases());
        table.setId("releases-table");
        Em.prefHeight(table, 15.38);
        table.setPlaceholder(new Label("Read the releases to see both deployments' revisions."));
        table.getColumns().setAll(List.of(
                column("of", 68, r -> r.deployment().replaceFirst("^hmpps-person-", "")),
                column("rev", 40, r -> r.revision() == 0 ? "-" : Long.toString(r.revision())),
                column("release", 212, Release::tag),
                column("status", 96, Release::status),
                column("started (UTC)", 178, r -> UTC.format(r.created())),
                column("UK time", 132, r -> ukTime(r.created())),
                column("ran for", 100, r -> r.current() ? "running now" : r.ranForText()),
                column("kept by", 90, r -> switch (r.kept()) {
                    case HELM_AND_REPLICA_SET -> "Helm + RS";
                    case HELM -> "Helm";
                    case REPLICA_SET -> "ReplicaSet";
                })));
        Em.columns(table);
        model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        Spinner<Integer> margin = new Spinner<>(0, 240, 0, 5);
        margin.setId("releases-margin");
        margin.setEditable(true);
        Em.prefWidth(margin, 6.92);
        margin.getValueFactory().valueProperty().addListener((obs, was, now) -> model.marginMinutesProperty().set(now == null ? 0 : now));
        Button use = new Button("Use as the bad release");
        use.setId("releases-use");
        use.getStyleClass().add(Styles.PRIMARY);
        use.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label marginLabel = new Label("Start the cutoff earlier by (minutes):");
        // A flow: zoomed in, the button goes under the margin rather than both being cut ("Use as the bad rele...").
        marginLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        use.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        margin.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane choose = new javafx.scene.layout.FlowPane(marginLabel, margin, use);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Em.apply(choose, 0.62, choose::setHgap);
        Em.apply(choose, 0.46, choose::setVgap);

        // Tags and revisions are not personal data: presenter mode shows them as the table does.
        MessageLabel message = MessageLabel.unmasked(model.messageProperty());
        message.setId("releases-message");
        MessageLabel historyEnd = MessageLabel.unmasked(model.historyEndProperty());
        historyEnd.setId("releases-history-end");
        Label intro = new Label("Helm keeps a record of the last 10 releases of hmpps-person-record and hmpps-person-match"
                + " (the ReplicaSets only the last three): pick the bad release instead of typing its time. kubectl runs"
                + " with the context and namespace given here (those of every step), never the kubeconfig's current one.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.STEP_INTRO);

        kubectl.textProperty().bindBidirectional(model.kubectlPathProperty());
        context.valueProperty().bindBidirectional(model.contextProperty());
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        loadContexts.setOnAction(e -> model.loadContexts());
        read.setOnAction(e -> model.loadReleases());
        use.setOnAction(e -> model.useSelected());
        loadContexts.disableProperty().bind(model.busyProperty());
        read.disableProperty().bind(model.busyProperty());

        // Short enough to stay whole in bold (high contrast) at 200 %: a titled pane is never narrower than its title,
        // and "... pick the bad release" widened the page into a sideways scroll bar.
        setText("From the cluster: the bad release");
        setId("releases-pane");
        setContent(Em.spacing(new VBox(intro, form, message, table, historyEnd, choose), 0.62));
        setExpanded(false);
        setAnimated(false);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    // UK time is UTC or an hour ahead: the date is the UTC column's, or the next day's, said so.
    private static String ukTime(java.time.Instant at) {
        var uk = at.atZone(ZoneId.of("Europe/London"));
        boolean nextDay = !uk.toLocalDate().equals(at.atZone(ZoneOffset.UTC).toLocalDate());
        return UK_TIME.format(at) + (nextDay ? " +1 d" : "");
    }

    private static TableColumn<Release, String> column(String title, double width, java.util.function.Function<Release, String> value) {
        TableColumn<Release, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

}
