package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
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
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SelectedBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.PodLink;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunContinuation;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Step 5: picks the pod through the user's own kubectl, keeps a port-forward to it up, and sends the exported file
 * to it in batches once the incident lead has confirmed where it goes. The run itself is then followed in step 6.
 */
public final class ReclusterStepViewModel implements AutoCloseable, RunCarryOn.Host {

    /** Where kubectl is; "kubectl" finds it on the PATH. */
    public static final String KUBECTL_PATH = "kubectl.path";
    static final String KUBECTL_CONTEXT = "kubectl.context";
    static final String KUBECTL_NAMESPACE = "kubectl.namespace";
    public static final String DEPLOYMENT = "hmpps-person-record";
    static final int MAX_BATCH_SIZE = 10_000;

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);
    public static final String RUN_TAKEN_WITHIN = ReclusterRun.Settings.TAKEN_WITHIN;

    private final WizardSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final SettingsStore settings;
    private final Clock clock;
    private final Optional<BatchJournal> incidentJournal;
    private final javafx.beans.property.ReadOnlyObjectWrapper<ExportResult> sendFile =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "sendFile");
    private final ReclusterClient client = new ReclusterClient();
    private final RunCarryOn carryOn;

    private final StringProperty kubectlPath = new SimpleStringProperty(this, "kubectlPath");
    private final ObservableList<String> contexts = FXCollections.observableArrayList();
    private final StringProperty context = new SimpleStringProperty(this, "context");
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize",
            Integer.toString(ReclusterBatches.DEFAULT_BATCH_SIZE));
    private final ObservableList<PodInfo> pods = FXCollections.observableArrayList();
    private final ObjectProperty<PodInfo> selectedPod = new SimpleObjectProperty<>(this, "selectedPod");
    private final ReadOnlyStringWrapper deploymentImage = new ReadOnlyStringWrapper(this, "deploymentImage", "");
    private final ReadOnlyStringWrapper deploymentReplicas = new ReadOnlyStringWrapper(this, "deploymentReplicas", "");
    // What the commands pane shows as run: the deployment's label selector and the forward's own command line.
    private final ReadOnlyStringWrapper deploymentSelector = new ReadOnlyStringWrapper(this, "deploymentSelector", "");
    private final ReadOnlyObjectWrapper<List<String>> forwardCommand = new ReadOnlyObjectWrapper<>(this, "forwardCommand");
    private final ReadOnlyObjectWrapper<Message> kubeMessage = new ReadOnlyObjectWrapper<>(this, "kubeMessage");
    private final ReadOnlyObjectWrapper<Message> forwardMessage = new ReadOnlyObjectWrapper<>(this, "forwardMessage");
    private final ReadOnlyObjectWrapper<Message> sendMessage = new ReadOnlyObjectWrapper<>(this, "sendMessage");
    private final ReadOnlyObjectWrapper<PortForward.State> forwardState = new ReadOnlyObjectWrapper<>(this, "forwardState");
    private final ReadOnlyBooleanWrapper forwardUp = new ReadOnlyBooleanWrapper(this, "forwardUp");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

    // The UI thread's: the kubectl the pods were found with, and the forward started through it.
    private Kubectl kubectl;
    private PortForward forward;
    // A run waiting for a forward to come up before it carries on on that forward's pod.
    private PortForward awaitedForward;
    private Runnable onAwaitedUp;
    private java.util.function.Consumer<String> onAwaitedFailed;
    // An unfinished incident this step carries on, set by continueIncident.
    private final ReadOnlyObjectWrapper<Resumption> resumption = new ReadOnlyObjectWrapper<>(this, "resumption");

    /**
     * @param clock           the wall clock: the pod's log is stamped with real time
     * @param incidentJournal the incident's journal, which records each batch before it is sent; empty while the
     *                        console has none, and then the batches are recorded on the progress screen only
     */
    public ReclusterStepViewModel(WizardSession session, TaskRunner tasks, DialogService dialogs, SettingsStore settings,
                                  Clock clock, Optional<BatchJournal> incidentJournal) {
        this.session = session;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.clock = clock;
        this.incidentJournal = incidentJournal;
        this.carryOn = new RunCarryOn(this, dialogs);
        kubectlPath.set(settings.get(KUBECTL_PATH, "kubectl"));
        context.set(settings.get(KUBECTL_CONTEXT, null));
        valid.bind(session.reclusterProperty().isNotNull());
        // What is sent: the file exported here, or else a file the offline review found safe to send.
        sendFile.bind(javafx.beans.binding.Bindings.createObjectBinding(() -> {
            if (resumption.get() != null) {
                return resumption.get().export();
            }
            ExportResult exported = session.exportProperty().get();
            ReviewedFile reviewed = session.reviewedFileProperty().get();
            if (exported != null || reviewed == null) {
                return exported;
            }
            // Its size is not shown here; reading it would put file I/O on the UI thread.
            return new ExportResult(reviewed.file(), reviewed.records(), 0, reviewed.sha256(), java.time.Duration.ZERO);
        }, session.exportProperty(), session.reviewedFileProperty(), resumption));
        forwardUp.bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> forwardState.get() != null
                && forwardState.get().status() == PortForward.Status.UP, forwardState));
    }

    /** Each time the step is entered: the namespace follows the connected environment, and contexts are read once. */
    public void enter() {
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
        if (contexts.isEmpty() && !busy.get()) {
            loadContexts();
        }
    }

    public void chooseKubectl() {
        Path current = executable();
        dialogs.chooseOpenFile("Where is kubectl?", current.getParent(), "kubectl", "*").ifPresent(p ->
                kubectlPath.set(p.toString()));
    }

    public void loadContexts() {
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
                    : Message.info(found.size() + " contexts in your kubeconfig. Choose the cluster's, check the "
                    + "namespace, then find the pods."));
        }, error -> {
            busy.set(false);
            kubeMessage.set(Message.error(describe(error)));
        });
    }

    /** Reads the deployment (its image: is the rollback live?) and its pods that can take a request. */
    public void findPods() {
        if (runStarted()) {
            return;
        }
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
        PortForward previousForward = forward;
        kubectl = null;
        forward = null;
        forwardState.set(null);
        forwardCommand.set(null);
        forwardMessage.set(null);
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

    /** Starts a managed port-forward to the chosen pod, replacing any earlier one. */
    public void startForward() {
        if (runStarted()) {
            return;
        }
        PodInfo pod = selectedPod.get();
        if (kubectl == null || pod == null) {
            forwardMessage.set(Message.error("Find the pods and pick one first."));
            return;
        }
        PortForward previous = forward;
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return null;
            }, ok -> { }, error -> { });
        }
        Kubectl k = kubectl;
        PortForward[] started = new PortForward[1];
        forward = PodLink.forward(k, pod.name(), client,
                state -> tasks.uiExecutor().execute(() -> forwardChanged(started[0], pod.name(), state)), clock);
        started[0] = forward;
        forwardChanged(forward, pod.name(), forward.state());
    }

    private void forwardChanged(PortForward source, String pod, PortForward.State state) {
        if (source != null && source != forward) {
            return;
        }
        if (source != null) {
            forwardCommand.set(source.command());
        }
        forwardState.set(state);
        if (source != null && source == awaitedForward) {
            if (state.status() == PortForward.Status.UP) {
                Runnable go = onAwaitedUp;
                clearAwaited();
                go.run();
            } else if (state.status() == PortForward.Status.DOWN || state.status() == PortForward.Status.POD_GONE) {
                java.util.function.Consumer<String> failed = onAwaitedFailed;
                clearAwaited();
                failed.accept("the port-forward to pod " + pod + " did not come up: " + state.lastError());
            }
        }
        Message m = switch (state.status()) {
            case STARTING -> Message.info("Starting the port-forward to pod " + pod + "\u2026");
            case UP -> Message.ok("Port-forward up: 127.0.0.1:" + state.localPort() + " \u2192 pod " + pod
                    + ":8080. GET /health answers UP.");
            case RECONNECTING -> Message.warning("The port-forward to pod " + pod + " dropped; reconnecting (attempt "
                    + state.attempt() + " of " + PortForward.Options.DEFAULT.maxAttempts() + "). Last error: "
                    + state.lastError());
            case DOWN -> Message.error("The port-forward to pod " + pod + " is down: " + state.lastError());
            case POD_GONE -> Message.error("POD " + pod + " IS GONE. The port-forward has ended; whatever the pod was"
                    + " doing has stopped with it. Find the pods again and pick another.");
        };
        forwardMessage.set(m);
        ReclusterMonitor run = session.reclusterProperty().get();
        if (run != null && run.plan().pod().equals(pod)) {
            run.showConnection(m.kind() == Message.Kind.OK ? null : m);
        }
    }

    /** Checks the file and the counts, asks the incident lead to confirm, then starts the run. */
    public void send() {
        if (runStarted()) {
            return;
        }
        Resumption resuming = resumption.get();
        if (resuming != null && !resuming.toSettle().isEmpty()) {
            SettleBeforeSend.run(tasks, session, kubectl, runSettings(), clock, sendMessage::set, settled -> {
                if (continueIncident(settled.state())) {
                    sendMessage.set(Message.info(settled.found() + " " + sendMessage.get().text()));
                }
            });
            return;
        }
        ExportResult export = resuming != null ? resuming.export() : sendFile.get();
        if (export == null) {
            sendMessage.set(Message.error("There is no exported file: go back to Export, or review a file (File > Open "
                    + "for review) and send it from there."));
            return;
        }
        if (session.exportProperty().get() == null && resuming == null) {
            // A reviewed file, sent without a connection to the replica: the incident starts here.
            Environment env = Environment.fromNamespace(namespace.get() == null ? "" : namespace.get().trim())
                    .orElse(Environment.LOCAL);
            session.incident().ifPresent(incident -> incident.start(env));
            session.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Sending " + export.file()
                    + ", reviewed offline (SHA-256 " + export.sha256() + ", " + export.records() + " records)."));
        }
        PortForward f = forward;
        if (f == null || f.state().status() != PortForward.Status.UP) {
            sendMessage.set(Message.error("The port-forward is not up: start it, and wait for GET /health to answer UP."));
            return;
        }
        int size;
        try {
            size = resuming != null ? resuming.batchSize() : Integer.parseInt(batchSize.get().trim());
        } catch (NumberFormatException | NullPointerException e) {
            size = -1;
        }
        if (size < 1 || size > MAX_BATCH_SIZE) {
            sendMessage.set(Message.error("Batch size must be a whole number from 1 to " + COUNT.format(MAX_BATCH_SIZE)
                    + "; the runbook's is " + ReclusterBatches.DEFAULT_BATCH_SIZE + "."));
            return;
        }
        int chosenSize = size;
        busy.set(true);
        sendMessage.set(Message.info("Checking " + export.file().getFileName() + " and counting its batches\u2026"));
        tasks.run(() -> SendGate.count(session, resuming, export, chosenSize), counted -> {
            busy.set(false);
            if (counted.batches() == 0) {
                sendMessage.set(Message.ok("Nothing is left to send: every batch of the file was sent before."));
                return;
            }
            confirmAndStart(export, f, chosenSize, counted);
        }, error -> {
            busy.set(false);
            sendMessage.set(Message.error(describe(error)));
        });
    }

    private void confirmAndStart(ExportResult export, PortForward f, int size, SendCount.Counted counted) {
        Environment env = session.environmentProperty().get();
        String envLabel = env == null ? "unknown" : env.label().toUpperCase(Locale.ROOT);
        String ns = kubectl.namespace();
        String pod = f.pod();
        ReclusterPlan plan = new ReclusterPlan(envLabel, kubectl.context(), ns, pod, export.file(), export.sha256(),
                counted.records(), counted.batches(), size);
        Resumption resuming = resumption.get();
        String question = "Environment: " + envLabel + "\nContext: " + plan.context() + "\nNamespace: " + ns
                + "\nPod: " + pod + "\nFile: " + export.file() + "\nRecords: " + COUNT.format(counted.records())
                + " in " + COUNT.format(counted.batches()) + " batches of up to " + COUNT.format(size)
                + (resuming == null ? "" : "\n\nCarrying on incident " + resuming.state().folder().getFileName()
                + ": only batches " + numbers(counted.numbers()) + " of " + COUNT.format(counted.fileBatches())
                + " are sent; " + (resuming.sent().isEmpty() ? "none was" : "batches " + numbers(resuming.sent())
                + " were") + " sent before and are not sent again.")
                + "\n\nEach batch is sent once, as POST /admin/recluster, and the next only after the pod has logged "
                + "the previous one complete. A batch the pod has started cannot be called back.";
        if (!dialogs.confirm("Send " + COUNT.format(counted.records()) + " records to pod " + pod + "?", question,
                "Send")) {
            sendMessage.set(Message.info("Nothing was sent."));
            return;
        }
        if (env != null && env.isProduction()) {
            Optional<String> typed = dialogs.ask("Confirm the production namespace", "This sends to PRODUCTION. Type "
                    + "the namespace, " + ns + ", to send " + COUNT.format(counted.records()) + " records to pod " + pod + ".");
            if (typed.isEmpty() || !typed.get().trim().equals(ns)) {
                sendMessage.set(Message.error("Nothing was sent: " + (typed.isEmpty() ? "the confirmation was cancelled."
                        : "\u201c" + typed.get().trim() + "\u201d is not the namespace " + ns + ".")));
                return;
            }
        }
        if (f != forward || f.state().status() != PortForward.Status.UP) {
            sendMessage.set(Message.error("Nothing was sent: the port-forward to " + pod + " is no longer up."));
            return;
        }
        busy.set(true);
        sendMessage.set(Message.info("Checking the file once more before the first batch\u2026"));
        Kubectl k = kubectl;
        session.record(SendGate.started(session, resuming, export, counted, size, ns, pod));
        if (resuming == null) {
            session.record(new JournalEntry.BatchesPlanned(counted.batches(), counted.records(), size));
        } else {
            session.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Carrying on from the journal: batches "
                    + numbers(counted.numbers()) + " (" + counted.records() + " records) to pod " + pod + "; batches "
                    + (resuming.sent().isEmpty() ? "none" : numbers(resuming.sent())) + " were sent before."));
        }
        ReclusterPlan shown = resuming == null ? plan : new ReclusterPlan(envLabel, kubectl.context(), ns, pod,
                export.file(), export.sha256(), counted.fileRecords(), counted.fileBatches(), size);
        tasks.run(() -> {
            SendCount.checkUnchanged(export);
            if (resuming == null) {
                return (BatchSource) ReclusterBatches.open(export.file(), size, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
            }
            java.util.Set<Integer> chosen = java.util.Set.copyOf(counted.numbers());
            return (BatchSource) SelectedBatches.open(export.file(), size, ReclusterBatches.DEFAULT_MAX_BODY_BYTES,
                    SendCount.rests(resuming), chosen::contains);
        }, batches -> {
            busy.set(false);
            start(shown, k, f, batches);
            if (resuming != null) {
                session.reclusterProperty().get().alreadyDone(counted.fileRecords() - counted.records(),
                        counted.fileBatches() - counted.batches());
            }
        }, error -> {
            busy.set(false);
            sendMessage.set(Message.error(describe(error)));
        });
    }

    private void start(ReclusterPlan plan, Kubectl k, PortForward f, BatchSource batches) {
        ReclusterMonitor monitor = new ReclusterMonitor(plan, tasks.uiExecutor(), incidentJournal);
        monitor.continuedBy(carryOn);
        // The log is followed from just before the first send: the pod's log holds earlier runs too.
        LogFollow log = PodLink.followFromNow(k, plan.pod(), clock, monitor.logStatusSink());
        ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(f), log, monitor.journal(),
                monitor.progressSink(), clock).with(runSettings()).onNotice(monitor.noticeSink());
        monitor.start(run, log, batches);
        sendMessage.set(Message.ok("Started: " + COUNT.format(plan.records()) + " records in "
                + COUNT.format(plan.batches()) + " batches to pod " + plan.pod() + ". Follow it in Progress."));
        session.reclusterProperty().set(monitor);
    }


    // ---- Carrying a run on after it ended part way (RunContinuation) ----

    @Override
    public void otherReadyPods(String except, java.util.function.Consumer<List<String>> found,
                               java.util.function.Consumer<String> failed) {
        Kubectl k = kubectl;
        if (k == null) {
            failed.accept("kubectl is not set up: find the pods in the Port-forward and recluster step.");
            return;
        }
        tasks.run(() -> k.servingPods(k.deployment(DEPLOYMENT).selector()), serving -> found.accept(serving.stream()
                .map(PodInfo::name).filter(n -> !n.equals(except)).toList()), error -> failed.accept(describe(error)));
    }

    @Override
    public boolean carryingOn() {
        return awaitedForward != null || busy.get();
    }

    @Override
    public Environment environment() {
        return session.environmentProperty().get();
    }

    @Override
    public Kubectl kubectl() {
        return kubectl;
    }

    @Override
    public PortForward forward() {
        return forward;
    }

    @Override
    public void forwardMessage(Message m) {
        forwardMessage.set(m);
    }

    /** Writes a decision to disk before anything it decides is done; false, and said, when it cannot be. */
    @Override
    public boolean decide(ReclusterMonitor monitor, JournalEntry.Decision decision) {
        Optional<uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder> incident = session.incident();
        if (incident.isEmpty()) {
            return true;
        }
        try {
            incident.get().recordNow(decision);
            return true;
        } catch (IOException e) {
            Message m = Message.error("Nothing was sent: the decision could not be written to the incident's journal ("
                    + e.getMessage() + ").");
            if (monitor != null) {
                monitor.decided(m);
            } else {
                sendMessage.set(m);
            }
            return false;
        }
    }

    /** Starts a port-forward to the pod, and runs {@code onUp} once it is up and GET /health answers UP. */
    @Override
    public PortForward forwardAndThen(Kubectl k, String pod, Runnable onUp, java.util.function.Consumer<String> failed) {
        PortForward previous = forward;
        if (previous != null) {
            tasks.run(() -> {
                previous.close();
                return null;
            }, ok -> { }, error -> { });
        }
        PortForward[] started = new PortForward[1];
        forward = PodLink.forward(k, pod, client,
                state -> tasks.uiExecutor().execute(() -> forwardChanged(started[0], pod, state)), clock);
        started[0] = forward;
        awaitedForward = forward;
        onAwaitedUp = onUp;
        onAwaitedFailed = failed;
        pods.stream().filter(p -> p.name().equals(pod)).findFirst().ifPresent(selectedPod::set);
        forwardChanged(forward, pod, forward.state());
        return started[0];
    }

    @Override
    public PortForward awaitedOrCurrent(String pod) {
        return forward != null && forward.pod().equals(pod) ? forward : null;
    }

    private void clearAwaited() {
        awaitedForward = null;
        onAwaitedUp = null;
        onAwaitedFailed = null;
    }

    /** Checks the file again, then starts the next run on the plan's pod, in the same monitor. */
    @Override
    public void carryOn(ReclusterMonitor monitor, ReclusterPlan plan, PortForward f, List<Batch> leading,
                         java.util.function.IntPredicate include, Optional<ReclusterRun.Unfinished> carried,
                         String rowStatus, String why) {
        Kubectl k = kubectl;
        if (f == null || k == null || f.state().status() != PortForward.Status.UP || !f.pod().equals(plan.pod())) {
            monitor.decided(Message.error("Nothing was sent: the port-forward to pod " + plan.pod() + " is not up. Start"
                    + " it in the Port-forward and recluster step."));
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            SendCount.checkUnchanged(plan.file(), plan.sha256());
            return SelectedBatches.open(plan.file(), plan.batchSize(), ReclusterBatches.DEFAULT_MAX_BODY_BYTES, leading,
                    include);
        }, batches -> {
            busy.set(false);
            LogFollow log = PodLink.followFromNow(k, plan.pod(), clock, monitor.logStatusSink(plan.pod()));
            ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(f), log, monitor.journal(),
                    monitor.progressSink(), clock).with(runSettings()).onNotice(monitor.noticeSink());
            monitor.carryOn(plan, run, log, batches, carried, rowStatus, why);
        }, error -> {
            busy.set(false);
            monitor.decided(Message.error("Nothing was sent: " + describe(error)));
        });
    }

    // ---- Carrying on an unfinished incident from its journal ----

    /**
     * Prepares this step to carry on an unfinished incident from its journal, as the console left it. The file is
     * the one the journal says was exported (its SHA-256 is checked again before anything is sent) and it is cut
     * into batches exactly as before (the journal's batch size), so batch k is the same records. Only batches that
     * were never sent, or that the service refused, are sent; a batch recorded as sent never is. A batch whose
     * outcome is unknown is sent only after an explicit decision: unless the journal already holds one, the user is
     * asked now (resend, skip, or stop), and the answer is written to the journal before anything else happens.
     * <p>
     * The caller passes the state of the incident the session's {@code IncidentRecorder} was resumed on
     * ({@code IncidentRecorder.resume(folder)}), so that the decisions and the batches sent now land in the
     * incident's own journal; a journal refusing batches ({@code WizardSession.resumeSend}) is allowed them again
     * once the run is prepared. Then the user picks a pod, starts the port-forward and sends as usual: the
     * confirmation names the batches, and Progress follows them.
     *
     * @return true when batches are ready to send; false when nothing is left to send, the user stopped, or the
     *         journal cannot be carried on (the message says why)
     */
    public boolean continueIncident(uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState state) {
        if (runStarted()) {
            return false;
        }
        resumption.set(null);
        var exported = uk.gov.justice.digital.hmpps.rollbackconsole.session.CarryOnPlan.sentFile(state);
        if (exported.isEmpty()) {
            sendMessage.set(Message.error("The journal of " + state.folder().getFileName() + " records no exported file:"
                    + " there is nothing to carry on. Export the records first."));
            return false;
        }
        Optional<Path> writing = session.incident().flatMap(uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder::folder);
        if (session.incident().isPresent() && !writing.map(w -> w.equals(state.folder())).orElse(false)) {
            sendMessage.set(Message.error("The journal of " + state.folder().getFileName() + " is not open for writing "
                    + "in this window, so its decisions and batches could not be recorded. Nothing was prepared."));
            return false;
        }
        JournalContinuation.Prepared prepared = JournalContinuation.prepare(state, dialogs,
                decision -> decide(null, decision));
        if (prepared.resumption() == null) {
            prepared.message().ifPresent(sendMessage::set);
            return false;
        }
        resumption.set(prepared.resumption());
        batchSize.set(Integer.toString(prepared.resumption().batchSize()));
        // What this step sends from now on leaves out every batch that may have run, so the journal may record
        // batches again (a resumed incident's journal refuses them until then).
        session.incident().ifPresent(uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder::allowBatches);
        prepared.message().ifPresent(sendMessage::set);
        return true;
    }

    private boolean runStarted() {
        if (session.reclusterProperty().get() != null) {
            sendMessage.set(Message.error("A recluster run has already been started from this window. Sending the file"
                    + " again would recluster every record again, so the console does not: follow the run in Progress."));
            return true;
        }
        return false;
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
    public String age(PodInfo pod) {
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
        if (error instanceof KubectlException k) {
            return k.getMessage();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }

    /** The run's waits: the settings file's {@code recluster.*-seconds}, or the run's defaults. */
    private ReclusterRun.Settings runSettings() {
        return ReclusterRun.Settings.read(key -> settings.get(key).orElse(null));
    }

    private static void closeQuietly(PortForward f, Kubectl k) {
        if (f != null) {
            f.close();
        }
        if (k != null) {
            k.close();
        }
    }

    /** Ends the port-forward and kubectl's processes; a run in progress is the session's to stop. */
    @Override
    public void close() {
        closeQuietly(forward, kubectl);
        client.close();
    }

    private record Found(Kubectl kubectl, DeploymentInfo deployment, List<PodInfo> pods) {
    }

    /** "2, 3, 4". */
    static String numbers(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }


    /** The unfinished incident this step carries on, once {@link #continueIncident} has prepared it; else null. */
    public ReadOnlyObjectProperty<Resumption> resumptionProperty() {
        return resumption.getReadOnlyProperty();
    }

    public StringProperty kubectlPathProperty() { return kubectlPath; }
    public ObservableList<String> contexts() { return contexts; }
    public StringProperty contextProperty() { return context; }
    public StringProperty namespaceProperty() { return namespace; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public ObservableList<PodInfo> pods() { return pods; }
    public ObjectProperty<PodInfo> selectedPodProperty() { return selectedPod; }
    public ReadOnlyStringProperty deploymentImageProperty() { return deploymentImage.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deploymentReplicasProperty() { return deploymentReplicas.getReadOnlyProperty(); }
    /** The label selector of the deployment last read (kubectl's {@code -l} form); empty before. */
    public ReadOnlyStringProperty deploymentSelectorProperty() { return deploymentSelector.getReadOnlyProperty(); }
    /** The command line of the port-forward now kept up, executable first; null before one is started. */
    public ReadOnlyObjectProperty<List<String>> forwardCommandProperty() { return forwardCommand.getReadOnlyProperty(); }
    /** The recluster run this session started, once Send has been pressed. */
    public ReadOnlyObjectProperty<ReclusterMonitor> runProperty() { return session.reclusterProperty(); }
    public ReadOnlyObjectProperty<Message> kubeMessageProperty() { return kubeMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> forwardMessageProperty() { return forwardMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> sendMessageProperty() { return sendMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PortForward.State> forwardStateProperty() { return forwardState.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty forwardUpProperty() { return forwardUp.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** The file the step sends: the export, or a reviewed file when nothing was exported here. */
    public ReadOnlyObjectProperty<ExportResult> exportProperty() { return sendFile.getReadOnlyProperty(); }

    /** A reviewed file lets the step be entered without the steps before it. */
    public javafx.beans.binding.BooleanBinding reviewedFileReady() {
        return session.reviewedFileProperty().isNotNull().and(session.exportProperty().isNull());
    }
}
