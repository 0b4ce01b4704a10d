package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReplicaSecrets;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** "Through the cluster": find the relay pod, forward to it, read the secret into the form, connect. */
final class ThroughClusterPane extends TitledPane {

    ThroughClusterPane(ThroughClusterViewModel model) {
        TextField kubectl = new TextField();
        kubectl.setId("cluster-kubectl");
        ComboBox<String> context = new ComboBox<>(model.contexts());
        context.setId("cluster-context");
        context.setEditable(true);
        Em.prefWidth(context, 27.69);
        Button loadContexts = new Button("Load contexts");
        loadContexts.setId("cluster-load-contexts");
        TextField namespace = new TextField();
        namespace.setId("cluster-namespace");
        namespace.setPrefColumnCount(28);
        Button find = new Button("Find the relay pod");
        find.setId("cluster-find-relay");
        ComboBox<RelayPod> pods = new ComboBox<>(model.relayPods());
        pods.setId("cluster-relay-pods");
        Em.prefWidth(pods, 46);
        pods.setButtonCell(podCell());
        pods.setCellFactory(list -> podCell());
        CheckBox readSecret = new CheckBox("Read the secrets into the form, in memory only: the replica's address"
                + " from " + ReplicaSecrets.REPLICA + "; the database, user and password from it in dev, from "
                + ReplicaSecrets.PRIMARY + " in preprod and prod");
        readSecret.setId("cluster-read-secret");
        readSecret.setWrapText(true);
        Button go = new Button("Forward and connect");
        go.setId("cluster-connect");
        go.getStyleClass().add(Styles.PRIMARY);

        GridPane form = new GridPane();
        Em.apply(form, 0.62, form::setHgap);
        Em.apply(form, 0.46, form::setVgap);
        form.addRow(0, name("kubectl"), kubectl);
        form.addRow(1, name("Context"), Em.spacing(new HBox(context, loadContexts), 0.46));
        form.addRow(2, name("Namespace"), Em.spacing(new HBox(namespace, find), 0.46));
        form.addRow(3, name("Relay pod"), pods);
        GridPane.setHgrow(kubectl, Priority.ALWAYS);
        // Zoomed in, the fields give way, never a field's name or a button's.
        loadContexts.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        find.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        context.setMinWidth(0);
        namespace.setMinWidth(0);
        pods.setMinWidth(0);
        pods.setMaxWidth(Double.MAX_VALUE);

        Label intro = new Label("Runbook step 3 reaches the replica through a relay pod: kubectl port-forward to its "
                + "5432. The console does it with a free local port (yours may already run PostgreSQL on 5432), "
                + "keeps the forward up, and fills the form from the secrets if you allow it. The kubectl, context and "
                + "namespace are those of every step: change them here or there.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.STEP_INTRO);
        MessageLabel message = new MessageLabel(model.messageProperty());
        message.setId("cluster-message");
        MessageLabel forwardState = new MessageLabel(model.forwardStateProperty());
        forwardState.setId("cluster-forward-state");

        kubectl.textProperty().bindBidirectional(model.kubectlPathProperty());
        context.valueProperty().bindBidirectional(model.contextProperty());
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        pods.valueProperty().bindBidirectional(model.selectedPodProperty());
        readSecret.selectedProperty().bindBidirectional(model.readSecretProperty());
        loadContexts.setOnAction(e -> model.loadContexts());
        find.setOnAction(e -> model.findRelayPods());
        go.setOnAction(e -> model.connectThroughCluster());
        loadContexts.disableProperty().bind(model.busyProperty());
        find.disableProperty().bind(model.busyProperty());
        go.disableProperty().bind(model.busyProperty().or(model.selectedPodProperty().isNull()));

        // Short enough to stay whole at 200 % beside the sidebar (a pane's title does not wrap); the intro says how.
        setText("Through the cluster (relay pod)");
        setId("through-cluster");
        setWrapText(true);
        setMinWidth(0);
        setContent(Em.spacing(new VBox(intro, form, readSecret, new HBox(8, go), message, forwardState), 0.62));
        setExpanded(false);
        setAnimated(false);
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** The pod and the database it relays to, wrapped (the RDS host name after its dots) rather than cut at 150 %. */
    private static ListCell<RelayPod> podCell() {
        return new WrappingCell<>(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RelayPod pod) {
                return pod == null ? "" : pod.name() + " \u2192 " + pod.relaysTo();
            }

            @Override
            public RelayPod fromString(String s) {
                return null;
            }
        });
    }
}
