package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.text.NumberFormat;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Shortcuts;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Em;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.MessageLabel;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.StepLayout;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WrappingTableCell;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Styles;

/** Step 5's screen: kubectl and where it points, the deployment and its pods, the port-forward, and the send. */
public final class ReclusterStepView {

    private final ReclusterStepViewModel model;
    private final TextField kubectlPath = new TextField();
    private final Button browse = new Button("Browse\u2026");
    private final ComboBox<String> context = new ComboBox<>();
    private final uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WrappingListCell contextShown;
    private final Button loadContexts = new Button("Read _contexts");
    private final TextField namespace = new TextField();
    private final Button findPods = new Button("_Find pods");
    private final Label image = new Label();
    private final Label replicas = new Label();
    private final TableView<PodInfo> pods = new TableView<>();
    private final Button startForward = new Button("Start _port-forward");
    private final Label file = new Label();
    private final Label records = new Label();
    private final Label sha256 = new Label();
    private final TextField batchSize = new TextField();
    private final Button send = new Button("_Send\u2026");
    private final Node root;
    private final RollbackLiveViewModel live;

    public ReclusterStepView(ReclusterStepViewModel model) {
        this(model, null);
    }

    /** @param live "is the rollback live?", shown above the send; null for none */
    public ReclusterStepView(ReclusterStepViewModel model, RollbackLiveViewModel live) {
        this.model = model;
        this.live = live;
        kubectlPath.setId("kubectl-path");
        browse.setId("browse-kubectl");
        context.setId("kube-context");
        loadContexts.setId("load-contexts");
        namespace.setId("kube-namespace");
        findPods.setId("find-pods");
        image.setId("deployment-image");
        replicas.setId("deployment-replicas");
        pods.setId("pods-table");
        startForward.setId("start-forward");
        file.setId("send-file");
        records.setId("send-records");
        sha256.setId("send-sha256");
        batchSize.setId("batch-size");
        send.setId("send");
        Shortcuts.bind(send, Shortcuts.SEND);

        kubectlPath.getStyleClass().add(Styles.MONOSPACE);
        namespace.getStyleClass().add(Styles.MONOSPACE);
        image.getStyleClass().add(Styles.MONOSPACE);
        sha256.getStyleClass().add(Styles.MONOSPACE);
        context.setMaxWidth(Double.MAX_VALUE);
        for (Button b : new Button[] {browse, loadContexts, findPods, startForward, send}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        // Short enough to show whole beside "Read contexts" at 200 %: "choose the cluster's context" ended in "...".
        context.setPromptText("choose one");
        contextShown = new uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WrappingListCell(context);
        context.setButtonCell(contextShown);
        batchSize.setPrefColumnCount(6);
        send.getStyleClass().add(Styles.PRIMARY);

        GridPane form = new GridPane();
        Em.gaps(form, 0.77, 0.62);
        HBox pathRow = Em.spacing(new HBox(kubectlPath, browse), 0.46);
        HBox.setHgrow(kubectlPath, Priority.ALWAYS);
        // The context's whole name, with "Read contexts" under it when both do not fit on one line (zoomed in).
        // The context's name, the drop-down's padding and its arrow.
        ButtonBeside contextRow = new ButtonBeside(context, loadContexts,
                () -> contextShown.prefWidth(-1) + 2.5 * uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter
                        .emFor(context));
        HBox namespaceRow = Em.spacing(new HBox(namespace, findPods), 0.46);
        HBox.setHgrow(namespace, Priority.ALWAYS);
        form.addRow(0, label("_kubectl", kubectlPath), pathRow);
        form.addRow(1, label("C_ontext", context), contextRow);
        form.addRow(2, label("_Namespace", namespace), namespaceRow);
        GridPane.setHgrow(pathRow, Priority.ALWAYS);
        GridPane.setHgrow(contextRow, Priority.ALWAYS);
        GridPane.setHgrow(namespaceRow, Priority.ALWAYS);
        MessageLabel kubeMessage = new MessageLabel(model.kubeMessageProperty());
        kubeMessage.setId("kube-message");

        GridPane deployment = StepLayout.facts();
        StepLayout.addFact(deployment, 0, "Image", image);
        StepLayout.addFact(deployment, 1, "Replicas", replicas);
        TableColumn<PodInfo, String> name = new TableColumn<>("Pod");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(290);
        TableColumn<PodInfo, String> age = new TableColumn<>("Age");
        age.setCellValueFactory(c -> new ReadOnlyStringWrapper(model.age(c.getValue())));
        age.setPrefWidth(90);
        TableColumn<PodInfo, String> restarts = new TableColumn<>("Restarts");
        restarts.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().restarts())));
        restarts.setPrefWidth(80);
        TableColumn<PodInfo, String> podImage = new TableColumn<>("Image");
        podImage.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().image()));
        podImage.setPrefWidth(420);
        // Zoomed in, the pod's name, its age and restarts keep their width (the table scrolls sideways) rather than
        // their headers and values ending in "..." ("Re..."); the image gives way to them, and it and the pod's name
        // wrap in their columns rather than ending in "..." (a pod mid-rollout may run another image: read it whole).
        name.setCellFactory(WrappingTableCell::new);
        podImage.setCellFactory(WrappingTableCell::new);
        name.setMinWidth(290);
        age.setMinWidth(60);
        restarts.setMinWidth(80);
        pods.getColumns().add(name);
        pods.getColumns().add(age);
        pods.getColumns().add(restarts);
        pods.getColumns().add(podImage);
        Em.columns(pods); // widths follow the zoom
        Em.prefHeight(pods, 9.23);
        pods.setPlaceholder(new Label("No pods yet: find them above."));
        pods.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        MessageLabel forwardMessage = new MessageLabel(model.forwardMessageProperty());
        forwardMessage.setId("forward-status");
        Label deploymentTitle = new Label("Deployment " + ReclusterStepViewModel.DEPLOYMENT
                + ": running and ready pods only (a CronJob's pods are left out)");
        deploymentTitle.getStyleClass().add(Styles.FACT_NAME);
        // Zoomed in, the heading, the file's path and its SHA-256 wrap rather than end in "...": the lead reads and
        // checks them whole at 150 % and 200 % (the SHA-256 breaks where it must, having no spaces).
        deploymentTitle.setWrapText(true);
        deploymentTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Label l : new Label[] {file, sha256, image}) {
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        VBox podsCard = Em.spacing(new VBox(deploymentTitle, deployment, pods,
                Em.spacing(new HBox(startForward), 0.77), forwardMessage), 0.62);
        podsCard.getStyleClass().add(Styles.CARD);

        GridPane sendFacts = StepLayout.facts();
        StepLayout.addFact(sendFacts, 0, "File", file);
        StepLayout.addFact(sendFacts, 1, "Records", records);
        StepLayout.addFact(sendFacts, 2, "SHA-256", sha256);
        StepLayout.valuesGiveWay(sendFacts);
        Label sizeNote = new Label("records a request (the runbook's is 500)");
        sizeNote.setWrapText(true);
        sizeNote.setMinWidth(0);
        sizeNote.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        batchSize.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(sizeNote, Priority.ALWAYS);
        HBox sizeRow = Em.spacing(new HBox(label("_Batch size", batchSize), batchSize, sizeNote), 0.77);
        sizeRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        MessageLabel sendMessage = new MessageLabel(model.sendMessageProperty());
        sendMessage.setId("send-message");
        VBox sendCard = Em.spacing(new VBox(sendFacts, sizeRow, Em.spacing(new HBox(send), 0.77), sendMessage), 0.62);
        sendCard.getStyleClass().add(Styles.CARD);

        root = StepLayout.scrolling(StepLayout.page("Port-forward and recluster",
                "Runbook step 4: through your own kubectl and kubeconfig, check that the rolled-back image is live, "
                        + "pick one ready pod of " + ReclusterStepViewModel.DEPLOYMENT + ", forward a local port to it, "
                        + "and send the exported file to POST /admin/recluster in batches. Every kubectl command names "
                        + "the context and namespace shown here.",
                live == null ? new Node[] {form, kubeMessage, podsCard, sendCard, SendCommands.pane(model)}
                : new Node[] {form, kubeMessage, podsCard, new RollbackLivePane(live), sendCard, SendCommands.pane(model)}));
        bind();
    }

    private static Label label(String text, Node target) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(target);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private void bind() {
        kubectlPath.textProperty().bindBidirectional(model.kubectlPathProperty());
        namespace.textProperty().bindBidirectional(model.namespaceProperty());
        batchSize.textProperty().bindBidirectional(model.batchSizeProperty());
        context.setItems(model.contexts());
        context.valueProperty().bindBidirectional(model.contextProperty());
        pods.setItems(model.pods());
        pods.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> model.selectedPodProperty().set(now));
        model.selectedPodProperty().addListener((obs, was, now) -> {
            if (now == null) {
                pods.getSelectionModel().clearSelection();
            }
        });
        image.textProperty().bind(model.deploymentImageProperty());
        replicas.textProperty().bind(model.deploymentReplicasProperty());
        browse.setOnAction(e -> model.chooseKubectl());
        loadContexts.setOnAction(e -> model.loadContexts());
        findPods.setOnAction(e -> model.findPods());
        startForward.setOnAction(e -> model.startForward());
        send.setOnAction(e -> model.send());
        var locked = model.busyProperty().or(model.validProperty());
        for (Node n : new Node[] {kubectlPath, browse, context, loadContexts, namespace, findPods}) {
            n.disableProperty().bind(locked);
        }
        // A send carried on from the journal cuts the file as the first run did: its batch size is not a choice.
        batchSize.disableProperty().bind(locked.or(model.resumptionProperty().isNotNull()));
        startForward.disableProperty().bind(locked.or(model.selectedPodProperty().isNull()));
        send.disableProperty().bind(locked.or(model.forwardUpProperty().not()).or(model.exportProperty().isNull())
                .or(live == null ? javafx.beans.binding.Bindings.createBooleanBinding(() -> false) : live.blocksSend()));
        file.textProperty().bind(Bindings.createStringBinding(() -> exportText(model.exportProperty().get(), "file"),
                model.exportProperty()));
        records.textProperty().bind(Bindings.createStringBinding(() -> exportText(model.exportProperty().get(), "records"),
                model.exportProperty()));
        sha256.textProperty().bind(Bindings.createStringBinding(() -> exportText(model.exportProperty().get(), "sha"),
                model.exportProperty()));
    }

    private static String exportText(ExportResult r, String what) {
        if (r == null) {
            return what.equals("file") ? "(none: export the records first)" : "";
        }
        return switch (what) {
            case "file" -> r.file().toString();
            case "records" -> NumberFormat.getIntegerInstance(Locale.UK).format(r.records());
            default -> r.sha256();
        };
    }

    public Node root() {
        return root;
    }
}
