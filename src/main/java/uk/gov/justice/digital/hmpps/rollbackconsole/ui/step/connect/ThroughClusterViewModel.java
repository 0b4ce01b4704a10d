package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.connect;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubeSecret;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Connect "through the cluster", as runbook step 3 does by hand: a port-forward from a free local port to the relay
 * pod's 5432, kept up by the console, and, with the user's consent, the read-replica secret read into the form
 * (host name for TLS, database, user, password). Nothing from the secret is written anywhere.
 */
public final class ThroughClusterViewModel implements AutoCloseable {

    /** The secret that holds the read replica's address and credentials (values base64, as usual). */
    public static final String SECRET = "hmpps-person-record-rds-read-replica-instance-output";

    private final ConnectStepViewModel connect;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    private final Clock clock;

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<PodInfo> relayPods = FXCollections.observableArrayList();
    private final ObjectProperty<PodInfo> selectedPod = new SimpleObjectProperty<>(this, "selectedPod");
    private final BooleanProperty readSecret = new SimpleBooleanProperty(this, "readSecret", true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Message> forwardState = new ReadOnlyObjectWrapper<>(this, "forwardState");

    // Owned here and closed with the step: the replica is reached through it for as long as the console runs.
    private Kubectl kubectl;
    private PortForward forward;

    ThroughClusterViewModel(ConnectStepViewModel connect, TaskRunner tasks, SettingsStore settings, Clock clock) {
        this.connect = connect;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        kubectlPath.set(settings.get("kubectl.path", "kubectl"));
        context.set(settings.get("kubectl.context", ""));
        connect.environmentProperty().addListener((obs, was, now) -> now.namespace().ifPresent(namespace::set));
        if (connect.environmentProperty().get() != null) {
            connect.environmentProperty().get().namespace().ifPresent(namespace::set);
        }
    }

    public void loadContexts() {
        Path path = Path.of(kubectlPath.get().trim());
        busy.set(true);
        tasks.run(() -> Kubectl.contexts(path, Kubectl.DEFAULT_TIMEOUT), names -> {
            busy.set(false);
            contexts.setAll(names);
            message.set(names.isEmpty() ? Message.warning("Your kubeconfig has no contexts: log in to the cluster first.") : null);
        }, this::failed);
    }

    public void findRelayPods() {
        if (blank(context.get()) || blank(namespace.get())) {
            message.set(Message.error("Choose a context and a namespace first: the console never uses whatever context "
                    + "is current."));
            return;
        }
        Path path = Path.of(kubectlPath.get().trim());
        String ctx = context.get().trim();
        String ns = namespace.get().trim();
        busy.set(true);
        tasks.run(() -> {
            try (Kubectl k = new Kubectl(path, ctx, ns)) {
                return k.relayPods();
            }
        }, pods -> {
            busy.set(false);
            relayPods.setAll(pods);
            if (pods.size() == 1 || (selectedPod.get() == null && !pods.isEmpty())) {
                selectedPod.set(pods.get(0));
            }
            message.set(pods.isEmpty()
                    ? Message.error("No running relay pod (a name with port-forward in it) in " + ns + ". Ask the team "
                    + "that owns the namespace to start one, as the runbook describes.")
                    : Message.info("Relay pod " + pods.get(0).name() + (pods.size() > 1 ? " and " + (pods.size() - 1)
                    + " more" : "") + ". Forward to it, then connect."));
        }, this::failed);
    }

    /** Starts the forward to the relay pod's 5432, reads the secret if allowed, fills the form and connects. */
    public void connectThroughCluster() {
        PodInfo pod = selectedPod.get();
        if (pod == null) {
            message.set(Message.error("Find the relay pods and choose one first."));
            return;
        }
        Path path = Path.of(kubectlPath.get().trim());
        String ctx = context.get().trim();
        String ns = namespace.get().trim();
        boolean withSecret = readSecret.get();
        stopForward();
        busy.set(true);
        message.set(Message.info("Forwarding a local port to " + pod.name() + ":5432\u2026"));
        tasks.run(() -> {
            Kubectl k = new Kubectl(path, ctx, ns);
            connect.session().processLedger().ifPresent(k::noting);
            try {
                Optional<KubeSecret> secret = withSecret ? Optional.of(k.secret(SECRET)) : Optional.empty();
                PortForward f = PortForward.start(k, pod.name(), new PortForward.Options(5432, Duration.ofMillis(500),
                        Duration.ofSeconds(15), 10, Duration.ofSeconds(30)), ThroughClusterViewModel::acceptsConnections,
                        state -> tasks.uiExecutor().execute(() -> showForward(state)), clock);
                int port = f.awaitUp(Duration.ofSeconds(60));
                return new Forwarded(k, f, port, secret);
            } catch (Exception e) {
                k.close();
                throw e;
            }
        }, forwarded -> {
            busy.set(false);
            kubectl = forwarded.kubectl();
            forward = forwarded.forward();
            settings.put("kubectl.path", path.toString());
            settings.put("kubectl.context", ctx);
            connect.hostProperty().set("127.0.0.1");
            connect.portProperty().set(Integer.toString(forwarded.port()));
            forwarded.secret().ifPresent(s -> {
                s.text("rds_instance_address").ifPresent(connect.tlsServerNameProperty()::set);
                s.text("database_name").ifPresent(connect.databaseProperty()::set);
                s.text("database_username").ifPresent(connect.userProperty()::set);
                s.text("database_password").ifPresent(connect.passwordProperty()::set);
                s.wipe();
            });
            message.set(Message.ok("Forwarding 127.0.0.1:" + forwarded.port() + " to " + pod.name() + ":5432"
                    + (forwarded.secret().isPresent() ? "; the form holds the secret's host name, database, user and "
                    + "password (in memory only)." : ".")));
            connect.connect();
        }, this::failed);
    }

    private record Forwarded(Kubectl kubectl, PortForward forward, int port, Optional<KubeSecret> secret) {
    }

    // The relay forwards raw TCP to the database: it is ready when a connection to the local port is accepted.
    private static Optional<String> acceptsConnections(int localPort) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", localPort), 2000);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("nothing answers on 127.0.0.1:" + localPort + " yet: " + e.getMessage());
        }
    }

    private void showForward(PortForward.State state) {
        forwardState.set(switch (state.status()) {
            case UP -> Message.ok("Port-forward up: 127.0.0.1:" + state.localPort() + " \u2192 relay pod :5432.");
            case STARTING -> Message.info("Port-forward starting\u2026");
            case RECONNECTING -> Message.warning("Port-forward reconnecting (attempt " + state.attempt() + "): "
                    + state.lastError());
            case POD_GONE -> Message.error("THE RELAY POD IS GONE: the replica cannot be reached through it. Find the "
                    + "relay pods again.");
            default -> Message.error("Port-forward down: " + (state.lastError() == null ? "" : state.lastError()));
        });
    }

    private void failed(Throwable e) {
        busy.set(false);
        message.set(Message.error(e instanceof KubectlException k ? k.getMessage()
                : "Could not forward to the relay pod: " + e.getMessage()));
    }

    private void stopForward() {
        if (forward != null) {
            forward.close();
            forward = null;
        }
        if (kubectl != null) {
            kubectl.close();
            kubectl = null;
        }
    }

    @Override
    public void close() {
        stopForward();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public StringProperty kubectlPathProperty() { return kubectlPath; }
    public StringProperty contextProperty() { return context; }
    public StringProperty namespaceProperty() { return namespace; }
    public ObservableList<String> contexts() { return contexts; }
    public ObservableList<PodInfo> relayPods() { return relayPods; }
    public ObjectProperty<PodInfo> selectedPodProperty() { return selectedPod; }
    public BooleanProperty readSecretProperty() { return readSecret; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> forwardStateProperty() { return forwardState.getReadOnlyProperty(); }
}
