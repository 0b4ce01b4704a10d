package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.DeploymentInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Where the Send step sends to, as the lead chooses it: the kubectl, its context and the namespace (always passed
 * explicitly), the deployment's image and its Running and Ready pods, and the pod picked. Remembered in the
 * settings once the pods were found. The UI thread's.
 */
final class PodChoice implements AutoCloseable {

    static final String KUBECTL_PATH = ReclusterStepViewModel.KUBECTL_PATH;
    static final String KUBECTL_CONTEXT = ReclusterStepViewModel.KUBECTL_CONTEXT;
    static final String KUBECTL_NAMESPACE = ReclusterStepViewModel.KUBECTL_NAMESPACE;
    static final String DEPLOYMENT = ReclusterStepViewModel.DEPLOYMENT;

    private final WizardSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper busy;

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final ObservableList<PodInfo> pods = FXCollections.observableArrayList();
    private final ObjectProperty<PodInfo> selectedPod = new SimpleObjectProperty<>(this, "selectedPod");
    private final ReadOnlyStringWrapper deploymentImage = new ReadOnlyStringWrapper(this, "deploymentImage", "");
    private final ReadOnlyStringWrapper deploymentReplicas = new ReadOnlyStringWrapper(this, "deploymentReplicas", "");
    // What the commands pane shows as run: the deployment's label selector.
    private final ReadOnlyStringWrapper deploymentSelector = new ReadOnlyStringWrapper(this, "deploymentSelector", "");
    private final ReadOnlyObjectWrapper<Message> kubeMessage = new ReadOnlyObjectWrapper<>(this, "kubeMessage");

    // The kubectl the pods were found with.
    private Kubectl kubectl;

    PodChoice(WizardSession session, TaskRunner tasks, DialogService dialogs, SettingsStore settings, Clock clock,
              ReadOnlyBooleanWrapper busy) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.clock = clock;
        this.busy = busy;
        kubectlPath.set(settings.get(KUBECTL_PATH, "kubectl"));
        context.set(settings.get(KUBECTL_CONTEXT, null));
    }

    /** The kubectl the pods were found with; null before. */
    Kubectl kubectl() {
        return kubectl;
    }

    /** Shows the pod a run's new forward goes to as the chosen one. */
    void choose(String pod) {
        pods.stream().filter(p -> p.name().equals(pod)).findFirst().ifPresent(selectedPod::set);
    }

    /** Each time the step is entered: the namespace follows the connected environment, and contexts are read once. */
    void enter(boolean busyNow) {
        Environment env = session.environmentProperty().get();
        Optional<String> envNamespace = env == null ? Optional.empty() : env.namespace();
        String typed = namespace.get() == null ? "" : namespace.get().trim();
        boolean typedIsAnEnvironments = java.util.Arrays.stream(Environment.values())
                .anyMatch(e -> e.namespace().map(typed::equals).orElse(false));
        if (envNamespace.isPresent() && (typed.isEmpty() || typedIsAnEnvironments)) {
            namespace.set(envNamespace.get());
        } else if (typed.isEmpty()) {
            namespace.set(settings.get(KUBECTL_NAMESPACE, ""));
        }
        if (contexts.isEmpty() && !busyNow) {
            loadContexts();
        }
    }

    void chooseKubectl() {
        Path current = executable();
        dialogs.chooseOpenFile("Where is kubectl?", current.getParent(), "kubectl", "*").ifPresent(p ->
                kubectlPath.set(p.toString()));
    }

    void loadContexts() {
        Path exe;
        try {
            exe = executable();
        } catch (InvalidPathException e) {
            kubeMessage.set(Message.error("\u201c" + kubectlPath.get() + "\u201d is not a path to kubectl."));
            return;
        }
        busy.set(true);
        kubeMessage.set(Message.info("Reading your kubeconfig's contexts\u2026"));
        tasks.run(() -> Kubectl.contexts(exe, Kubectl.DEFAULT_TIMEOUT), found -> {
            busy.set(false);
            String keep = context.get();
            contexts.setAll(found);
            if (keep != null && found.contains(keep)) {
                context.set(keep);
            } else {
                context.set(null);
            }
            kubeMessage.set(found.isEmpty()
                    ? Message.error("Your kubeconfig has no contexts: set up access to the cluster first.")
                    : found.size() == 1 ? Message.info("1 context in your kubeconfig, " + found.get(0)
                    + ": check that it is the cluster's and the namespace, then find the pods.")
                    : Message.info(found.size() + " contexts in your kubeconfig. Choose the cluster's, check the "
                    + "namespace, then find the pods."));
        }, error -> {
            busy.set(false);
            kubeMessage.set(Message.error(describe(error)));
        });
    }

    /**
     * Reads the deployment (its image: is the rollback live?) and its pods that can take a request.
     *
     * @param forgetForward once the form is valid: forgets the forward kept to an earlier pod and hands it over,
     *                      to be closed with the earlier kubectl
     */
    void findPods(java.util.function.Supplier<PortForward> forgetForward) {
        String ctx = context.get();
        String ns = namespace.get() == null ? "" : namespace.get().trim();
        if (ctx == null || ctx.isBlank()) {
            kubeMessage.set(Message.error("Choose a kubeconfig context first."));
            return;
        }
        if (ns.isEmpty()) {
            kubeMessage.set(Message.error("Type the namespace, such as hmpps-person-record-preprod."));
            return;
        }
        Path exe;
        try {
            exe = executable();
        } catch (InvalidPathException e) {
            kubeMessage.set(Message.error("\u201c" + kubectlPath.get() + "\u201d is not a path to kubectl."));
            return;
        }
        Kubectl previous = kubectl;
        PortForward previousForward = forgetForward.get();
        kubectl = null;
        pods.clear();
        selectedPod.set(null);
        deploymentImage.set("");
        deploymentSelector.set("");
        deploymentReplicas.set("");
        busy.set(true);
        kubeMessage.set(Message.info("Asking for deployment " + DEPLOYMENT + " in " + ns + " (context " + ctx + ")\u2026"));
        tasks.run(() -> {
            closeQuietly(previousForward, previous);
            Kubectl k = new Kubectl(exe, ctx, ns);
            session.processLedger().ifPresent(k::noting);
            try {
                DeploymentInfo d = k.deployment(DEPLOYMENT);
                return new Found(k, d, k.servingPods(d.selector()));
            } catch (KubectlException | RuntimeException e) {
                k.close();
                throw e;
            }
        }, found -> {
            busy.set(false);
            kubectl = found.kubectl();
            deploymentImage.set(found.deployment().image());
            deploymentSelector.set(found.deployment().selector());
            deploymentReplicas.set(found.deployment().readyReplicas() + " of " + found.deployment().replicas() + " ready");
            pods.setAll(found.pods());
            remember(exe, ctx, ns);
            kubeMessage.set(found.pods().isEmpty()
                    ? Message.error("Deployment " + DEPLOYMENT + " has no pod that is running and ready: there is "
                    + "nothing to send to. Check the deployment before going on.")
                    : Message.ok("Deployment " + DEPLOYMENT + " runs " + found.deployment().image() + ". Check that this "
                    + "is the rolled-back image (runbook step 2), then pick one of its " + found.pods().size()
                    + " ready pods."));
        }, error -> {
            busy.set(false);
            kubeMessage.set(Message.error(describe(error)));
        });
    }

    private void remember(Path exe, String ctx, String ns) {
        settings.put(KUBECTL_PATH, exe.toString());
        settings.put(KUBECTL_CONTEXT, ctx);
        settings.put(KUBECTL_NAMESPACE, ns);
        try {
            settings.save();
        } catch (IOException ignored) {
            // Remembering them is a convenience.
        }
    }

    private Path executable() {
        String p = kubectlPath.get();
        return Path.of(p == null || p.isBlank() ? "kubectl" : p.trim());
    }

    /** How long ago the pod started, as kubectl shows it. */
    String age(PodInfo pod) {
        Duration d = pod.age(clock);
        if (d.toDays() > 0) {
            return d.toDays() + "d" + (d.toDays() < 10 ? " " + d.toHoursPart() + "h" : "");
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return d.toMinutes() + "m " + d.toSecondsPart() + "s";
    }

    private static String describe(Throwable error) {
        return RunStarter.describe(error);
    }

    private static void closeQuietly(PortForward f, Kubectl k) {
        if (f != null) {
            f.close();
        }
        if (k != null) {
            k.close();
        }
    }

    @Override
    public void close() {
        if (kubectl != null) {
            kubectl.close();
        }
    }

    private record Found(Kubectl kubectl, DeploymentInfo deployment, List<PodInfo> pods) {
    }

    StringProperty kubectlPathProperty() { return kubectlPath; }
    ObservableList<String> contexts() { return contexts; }
    StringProperty contextProperty() { return context; }
    StringProperty namespaceProperty() { return namespace; }
    ObservableList<PodInfo> pods() { return pods; }
    ObjectProperty<PodInfo> selectedPodProperty() { return selectedPod; }
    ReadOnlyStringProperty deploymentImageProperty() { return deploymentImage.getReadOnlyProperty(); }
    ReadOnlyStringProperty deploymentReplicasProperty() { return deploymentReplicas.getReadOnlyProperty(); }
    ReadOnlyStringProperty deploymentSelectorProperty() { return deploymentSelector.getReadOnlyProperty(); }
    ReadOnlyObjectProperty<Message> kubeMessageProperty() { return kubeMessage.getReadOnlyProperty(); }
}
