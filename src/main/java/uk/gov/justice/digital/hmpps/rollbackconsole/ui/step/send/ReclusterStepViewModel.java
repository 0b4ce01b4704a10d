package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.review.ReviewedFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunEstimate;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner;

/**
 * Step 5: picks the pod through the user's own kubectl, keeps a port-forward to it up, and sends the exported file
 * to it in batches once the incident lead has confirmed where it goes. The run itself is then followed in step 6.
 */
public final class ReclusterStepViewModel implements AutoCloseable {

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
    private final javafx.beans.property.ReadOnlyObjectWrapper<ExportResult> sendFile =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "sendFile");
    private final ReclusterClient client = new ReclusterClient();
    private final PodChoice choice;
    private final PodForwarding forwarding;
    private final RunStarter starter;

    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize",
            Integer.toString(ReclusterBatches.DEFAULT_BATCH_SIZE));
    private final ReadOnlyObjectWrapper<Message> sendMessage = new ReadOnlyObjectWrapper<>(this, "sendMessage");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");

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
        this.choice = new PodChoice(session, tasks, dialogs, settings, clock, busy);
        this.forwarding = new PodForwarding(session, tasks, client, clock, choice::choose);
        this.starter = new RunStarter(session, tasks, dialogs, settings, clock, incidentJournal, client, forwarding,
                choice::kubectl, busy, sendMessage::set);
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
    }

    /** Each time the step is entered: the namespace follows the connected environment, and contexts are read once. */
    public void enter() {
        choice.enter(busy.get());
    }

    public void chooseKubectl() {
        choice.chooseKubectl();
    }

    public void loadContexts() {
        choice.loadContexts();
    }

    /** Reads the deployment (its image: is the rollback live?) and its pods that can take a request. */
    public void findPods() {
        if (runStarted()) {
            return;
        }
        choice.findPods(forwarding::forget);
    }

    /** Starts a managed port-forward to the chosen pod, replacing any earlier one. */
    public void startForward() {
        if (runStarted()) {
            return;
        }
        PodInfo pod = choice.selectedPodProperty().get();
        Kubectl kubectl = choice.kubectl();
        if (kubectl == null || pod == null) {
            forwarding.message(Message.error("Find the pods and pick one first."));
            return;
        }
        forwarding.start(kubectl, pod.name());
    }

    /** Checks the file and the counts, asks the incident lead to confirm, then starts the run. */
    public void send() {
        if (runStarted()) {
            return;
        }
        Resumption resuming = resumption.get();
        if (resuming != null && !resuming.toSettle().isEmpty()) {
            SettleBeforeSend.run(tasks, session, choice.kubectl(), starter.runSettings(), clock, sendMessage::set, settled -> {
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
            String ns = choice.namespaceProperty().get();
            Environment env = Environment.fromNamespace(ns == null ? "" : ns.trim())
                    .orElse(Environment.LOCAL);
            session.incident().ifPresent(incident -> incident.start(env));
            session.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Sending " + export.file()
                    + ", reviewed offline (SHA-256 " + export.sha256() + ", " + export.records() + " records)."));
        }
        PortForward f = forwarding.current();
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
        Kubectl kubectl = choice.kubectl();
        ReclusterPlan plan = new ReclusterPlan(envLabel, kubectl.context(), kubectl.namespace(), f.pod(), export.file(),
                export.sha256(), counted.records(), counted.batches(), size);
        Resumption resuming = resumption.get();
        Optional<Message> notSent = SendConfirmation.ask(dialogs, env, plan, counted, resuming,
                RunEstimate.minutesPer500(settings.get(RunEstimate.MINUTES_PER_500).orElse(null)));
        if (notSent.isPresent()) {
            sendMessage.set(notSent.get());
            return;
        }
        if (f != forwarding.current() || f.state().status() != PortForward.Status.UP) {
            sendMessage.set(Message.error("Nothing was sent: the port-forward to " + f.pod() + " is no longer up."));
            return;
        }
        sendMessage.set(Message.info("Checking the file once more before the first batch\u2026"));
        starter.startConfirmed(plan, kubectl, f, export, counted, resuming);
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
                decision -> starter.decide(null, decision));
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

    /** How long ago the pod started, as kubectl shows it. */
    public String age(PodInfo pod) {
        return choice.age(pod);
    }

    private static String describe(Throwable error) {
        return RunStarter.describe(error);
    }

    /** Ends the port-forward and kubectl's processes; a run in progress is the session's to stop. */
    @Override
    public void close() {
        forwarding.close();
        choice.close();
        client.close();
    }


    /** "2, 3, 4". */
    static String numbers(List<Integer> numbers) {
        return SendConfirmation.numbers(numbers);
    }


    /** The unfinished incident this step carries on, once {@link #continueIncident} has prepared it; else null. */
    public ReadOnlyObjectProperty<Resumption> resumptionProperty() {
        return resumption.getReadOnlyProperty();
    }

    public StringProperty kubectlPathProperty() { return choice.kubectlPathProperty(); }
    public ObservableList<String> contexts() { return choice.contexts(); }
    public StringProperty contextProperty() { return choice.contextProperty(); }
    public StringProperty namespaceProperty() { return choice.namespaceProperty(); }
    public StringProperty batchSizeProperty() { return batchSize; }
    public ObservableList<PodInfo> pods() { return choice.pods(); }
    public ObjectProperty<PodInfo> selectedPodProperty() { return choice.selectedPodProperty(); }
    public ReadOnlyStringProperty deploymentImageProperty() { return choice.deploymentImageProperty(); }
    public ReadOnlyStringProperty deploymentReplicasProperty() { return choice.deploymentReplicasProperty(); }
    /** The label selector of the deployment last read (kubectl's {@code -l} form); empty before. */
    public ReadOnlyStringProperty deploymentSelectorProperty() { return choice.deploymentSelectorProperty(); }
    /** The command line of the port-forward now kept up, executable first; null before one is started. */
    public ReadOnlyObjectProperty<List<String>> forwardCommandProperty() { return forwarding.commandProperty(); }
    /** The recluster run this session started, once Send has been pressed. */
    public ReadOnlyObjectProperty<ReclusterMonitor> runProperty() { return session.reclusterProperty(); }
    public ReadOnlyObjectProperty<Message> kubeMessageProperty() { return choice.kubeMessageProperty(); }
    public ReadOnlyObjectProperty<Message> forwardMessageProperty() { return forwarding.messageProperty(); }
    public ReadOnlyObjectProperty<Message> sendMessageProperty() { return sendMessage.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PortForward.State> forwardStateProperty() { return forwarding.stateProperty(); }
    public ReadOnlyBooleanProperty forwardUpProperty() { return forwarding.upProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }
    /** The file the step sends: the export, or a reviewed file when nothing was exported here. */
    public ReadOnlyObjectProperty<ExportResult> exportProperty() { return sendFile.getReadOnlyProperty(); }

    /** A reviewed file lets the step be entered without the steps before it. */
    public javafx.beans.binding.BooleanBinding reviewedFileReady() {
        return session.reviewedFileProperty().isNotNull().and(session.exportProperty().isNull());
    }
}
