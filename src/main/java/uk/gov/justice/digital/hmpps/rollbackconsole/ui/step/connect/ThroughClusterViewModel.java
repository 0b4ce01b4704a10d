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

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.RelayPod;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ReplicaSecrets;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Connect "through the cluster", as runbook step 3 does by hand: a port-forward from a free local port to the relay
 * pod's 5432, kept up by the console, and, with the user's consent, the secrets read into the form: the replica's
 * address (the certificate's host name) from the replica's secret, the database, user and password from whichever
 * secret holds them (the primary's in preprod and prod). Nothing from a secret is written anywhere.
 */
public final class ThroughClusterViewModel implements AutoCloseable {

    /** The secret that holds the read replica's address (and, in dev, its credentials). */
    public static final String SECRET = ReplicaSecrets.REPLICA;

    private final ConnectStepViewModel connect;
    private final TaskRunner tasks;
    private final SettingsStore settings;
    private final Clock clock;

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath");
    private final StringProperty context = new SimpleStringProperty(this, "context", "");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final ObservableList<RelayPod> relayPods = FXCollections.observableArrayList();
    private final ObjectProperty<RelayPod> selectedPod = new SimpleObjectProperty<>(this, "selectedPod");
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
            Optional<RelayPod> preferred = RelayPod.preferred(pods);
            selectedPod.set(preferred.orElse(null));
            if (pods.isEmpty()) {
                message.set(Message.error("No running relay pod (a name with port-forward in it) in " + ns + ". Ask the"
                        + " team that owns the namespace to start " + RelayPod.PERSON_RECORD + ", as the runbook's"
                        + " connection guide describes."));
            } else if (preferred.isEmpty()) {
                message.set(Message.error("The only relay pods in " + ns + " are hmpps-person-match's ("
                        + String.join(", ", pods.stream().map(RelayPod::name).toList()) + "): they reach another"
                        + " service's database. Ask for " + RelayPod.PERSON_RECORD + " to be started."));
            } else {
                message.set(Message.info("Relay pod " + preferred.get().name() + " relays to " + preferred.get().relaysTo()
                        + (pods.size() > 1 ? "; " + (pods.size() - 1) + " more listed, each with where it relays to" : "")
                        + ". Forward to it, then connect."));
            }
        }, this::failed);
    }

    /** Starts the forward to the relay pod's 5432, reads the secret if allowed, fills the form and connects. */
    public void connectThroughCluster() {
        RelayPod relay = selectedPod.get();
        if (relay == null) {
            message.set(Message.error("Find the relay pods and choose one first."));
            return;
        }
        if (relay.isPersonMatch()) {
            message.set(Message.error(relay.name() + " relays to hmpps-person-match's database, not Person Record's:"
                    + " choose " + RelayPod.PERSON_RECORD + " (or port-forward-pod)."));
            return;
        }
        var pod = relay.pod();
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
                Optional<ReplicaSecrets.Credentials> secret = withSecret ? Optional.of(ReplicaSecrets.read(k))
                        : Optional.empty();
                if (secret.isPresent() && !relay.remoteHost().isEmpty()
                        && !relay.remoteHost().equalsIgnoreCase(secret.get().address())) {
                    throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, relay.name() + " relays to "
                            + relay.remoteHost() + ", not to the read replica's address in " + ReplicaSecrets.REPLICA
                            + ": it would reach another database. Choose the relay pod that relays to the replica.", "");
                }
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
                connect.tlsServerNameProperty().set(s.address());
                connect.databaseProperty().set(s.database());
                connect.userProperty().set(s.user());
                connect.passwordProperty().set(s.password());
            });
            message.set(Message.ok("Forwarding 127.0.0.1:" + forwarded.port() + " to " + pod.name() + ":5432"
                    + forwarded.secret().map(s -> "; the form holds the replica's address from " + ReplicaSecrets.REPLICA
                    + (s.credentialsSecret().equals(ReplicaSecrets.REPLICA) ? " with its database, user and password"
                    : " and the database, user and password from " + s.credentialsSecret())
                    + " (in memory only).").orElse(".")));
            connect.connect();
        }, this::failed);
    }

    /** The replica is being reached through the cluster target: a forward to a relay pod was started here. */
    boolean forwarding() {
        return forward != null;
    }

    private record Forwarded(Kubectl kubectl, PortForward forward, int port, Optional<ReplicaSecrets.Credentials> secret) {
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
    public ObservableList<RelayPod> relayPods() { return relayPods; }
    public ObjectProperty<RelayPod> selectedPodProperty() { return selectedPod; }
    public BooleanProperty readSecretProperty() { return readSecret; }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> forwardStateProperty() { return forwardState.getReadOnlyProperty(); }
}
