package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.io.IOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanWrapper;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.PodLink;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SelectedBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.WizardSession;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;

/**
 * Starts the engine ({@link ReclusterRun}) for the Send step once the lead has confirmed, and again when a run that
 * ended part way is carried on by choice (the {@link RunCarryOn.Host} side): the log follow from just before the
 * first send, the run's waits from the settings, the monitor Progress presents. Every method runs on the UI thread.
 */
final class RunStarter implements RunCarryOn.Host {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final WizardSession session;
    private final uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner tasks;
    private final SettingsStore settings;
    private final Clock clock;
    private final Optional<BatchJournal> incidentJournal;
    private final ReclusterClient client;
    private final PodForwarding forwarding;
    private final Supplier<Kubectl> kubectl;
    private final ReadOnlyBooleanWrapper busy;
    private final Consumer<Message> stepMessage;
    private final RunCarryOn carryOn;

    RunStarter(WizardSession session, uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.TaskRunner tasks,
               uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService dialogs, SettingsStore settings,
               Clock clock, Optional<BatchJournal> incidentJournal, ReclusterClient client, PodForwarding forwarding,
               Supplier<Kubectl> kubectl, ReadOnlyBooleanWrapper busy, Consumer<Message> stepMessage) {
        this.session = session;
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
        this.incidentJournal = incidentJournal;
        this.client = client;
        this.forwarding = forwarding;
        this.kubectl = kubectl;
        this.busy = busy;
        this.stepMessage = stepMessage;
        this.carryOn = new RunCarryOn(this, dialogs);
    }

    /** Starts the first run of the session on the plan's pod: Progress follows it from here. */
    private void start(ReclusterPlan plan, Kubectl k, PortForward f, BatchSource batches) {
        // Times on the screen are the lead's wall-clock times, whatever zone the console's clock keeps.
        ReclusterMonitor monitor = new ReclusterMonitor(plan, tasks.uiExecutor(), incidentJournal,
                clock.withZone(java.time.ZoneId.systemDefault()));
        monitor.continuedBy(carryOn);
        // The log is followed from just before the first send: the pod's log holds earlier runs too.
        LogFollow log = PodLink.followFromNow(k, plan.pod(), clock, monitor.logStatusSink());
        ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(f), log, monitor.journal(),
                monitor.progressSink(), clock).with(runSettings()).onNotice(monitor.noticeSink());
        monitor.start(run, log, batches);
        stepMessage.accept(Message.ok("Started: " + COUNT.format(plan.records()) + " records in "
                + COUNT.format(plan.batches()) + " batches to pod " + plan.pod() + ". Follow it in Progress."));
        session.reclusterProperty().set(monitor);
    }

    /**
     * After the lead confirmed {@code plan}: journals what is planned (or, carrying an incident on, which batches go
     * now), checks the file once more and opens its batches in the background, then starts the run.
     */
    void startConfirmed(ReclusterPlan plan, Kubectl k, PortForward f, ExportResult export, SendCount.Counted counted,
                        Resumption resuming) {
        busy.set(true);
        int size = plan.batchSize();
        session.record(SendGate.started(session, resuming, export, counted, size, plan.namespace(), plan.pod()));
        if (resuming == null) {
            session.record(new JournalEntry.BatchesPlanned(counted.batches(), counted.records(), size));
        } else {
            session.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Carrying on from the journal: batches "
                    + SendConfirmation.numbers(counted.numbers()) + " (" + counted.records() + " records) to pod "
                    + plan.pod() + "; batches " + (resuming.sent().isEmpty() ? "none"
                    : SendConfirmation.numbers(resuming.sent())) + " were sent before."));
        }
        // Progress shows the whole file when an incident is carried on: the batches sent before count as done.
        ReclusterPlan shown = resuming == null ? plan : new ReclusterPlan(plan.environment(), plan.context(),
                plan.namespace(), plan.pod(), plan.file(), plan.sha256(), counted.fileRecords(), counted.fileBatches(),
                size);
        tasks.run(() -> {
            SendCount.checkUnchanged(export);
            if (resuming == null) {
                return (BatchSource) ReclusterBatches.open(export.file(), size, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
            }
            Set<Integer> chosen = Set.copyOf(counted.numbers());
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
            stepMessage.accept(Message.error(describe(error)));
        });
    }

    @Override
    public void otherReadyPods(String except, Consumer<List<String>> found, Consumer<String> failed) {
        Kubectl k = kubectl.get();
        if (k == null) {
            failed.accept("kubectl is not set up: find the pods in the Port-forward and recluster step.");
            return;
        }
        tasks.run(() -> k.servingPods(k.deployment(ReclusterStepViewModel.DEPLOYMENT).selector()),
                serving -> found.accept(serving.stream().map(PodInfo::name).filter(n -> !n.equals(except)).toList()),
                error -> failed.accept(describe(error)));
    }

    @Override
    public boolean carryingOn() {
        return forwarding.awaiting() || busy.get();
    }

    @Override
    public Environment environment() {
        return session.environmentProperty().get();
    }

    @Override
    public Kubectl kubectl() {
        return kubectl.get();
    }

    @Override
    public PortForward forward() {
        return forwarding.current();
    }

    @Override
    public void forwardMessage(Message m) {
        forwarding.message(m);
    }

    /** Writes a decision to disk before anything it decides is done; false, and said, when it cannot be. */
    @Override
    public boolean decide(ReclusterMonitor monitor, JournalEntry.Decision decision) {
        Optional<IncidentRecorder> incident = session.incident();
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
                stepMessage.accept(m);
            }
            return false;
        }
    }

    @Override
    public PortForward forwardAndThen(Kubectl k, String pod, Runnable onUp, Consumer<String> failed) {
        return forwarding.startThen(k, pod, onUp, failed);
    }

    @Override
    public PortForward awaitedOrCurrent(String pod) {
        return forwarding.awaitedOrCurrent(pod);
    }

    /** Checks the file again, then starts the next run on the plan's pod, in the same monitor. */
    @Override
    public void carryOn(ReclusterMonitor monitor, ReclusterPlan plan, PortForward f, List<Batch> leading,
                        IntPredicate include, Optional<ReclusterRun.Unfinished> carried, String rowStatus, String why) {
        Kubectl k = kubectl.get();
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

    /** The run's waits: the settings file's {@code recluster.*-seconds}, or the run's defaults. */
    ReclusterRun.Settings runSettings() {
        return ReclusterRun.Settings.read(key -> settings.get(key).orElse(null));
    }

    static String describe(Throwable error) {
        if (error instanceof KubectlException k) {
            return k.getMessage();
        }
        return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
}
