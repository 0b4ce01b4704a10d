package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchSource;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.task.ChunkedDelivery;

/**
 * One recluster run as the screen shows it. The run reports on its own thread (journal entries, progress read from
 * the pod's log, the log follow's state, the ending); every report is queued and applied on the UI thread in
 * batches, so the screen keeps up however often the run reports and no list is touched off the UI thread.
 */
public final class ReclusterMonitor implements AutoCloseable {

    public enum RunState {
        SENDING,
        PAUSED,
        STOPPING,
        FINISHED
    }

    /** More not-found ids than this are counted but not listed. */
    static final int MAX_LISTED_NOT_FOUND = RunFigures.MAX_LISTED_NOT_FOUND;

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final ReadOnlyObjectWrapper<ReclusterPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final Executor uiExecutor;
    private final Optional<BatchJournal> incidentJournal;
    private final ChunkedDelivery<Runnable> delivery;

    // The UI thread's state.
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(this, "state", RunState.SENDING);
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", true);
    private final ReadOnlyObjectWrapper<ReclusterRun.Ending> ending = new ReadOnlyObjectWrapper<>(this, "ending");
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<Message> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyStringWrapper logStatus = new ReadOnlyStringWrapper(this, "logStatus",
            "following the pod's log from just before the first batch");
    private final RunFigures figures;
    // What the run's state depends on beyond the above: where it waits, and whether its pod is gone.
    private final ReadOnlyObjectWrapper<RunStatus.Waiting> waiting = new ReadOnlyObjectWrapper<>(this, "waiting",
            RunStatus.Waiting.NONE);
    private final ReadOnlyBooleanWrapper podGone = new ReadOnlyBooleanWrapper(this, "podGone");
    private final ReadOnlyObjectWrapper<RunStatus> status = new ReadOnlyObjectWrapper<>(this, "status");

    // After a run ended part way: what can be sent to another pod, and to which.
    private final RunRecovery recovery;
    // Every pod this run has sent to, in order: more than one once the rest went to another pod.
    private final java.util.LinkedHashSet<String> podsSentTo = new java.util.LinkedHashSet<>();

    // Set once on the UI thread by attach(); closed by the run's own thread when it ends.
    private ReclusterRun run;
    private LogFollow log;
    // The same run, for the step's commands pane: its log follow and port-forward as they are.
    private final ReadOnlyObjectWrapper<ReclusterRun> runShown = new ReadOnlyObjectWrapper<>(this, "run");
    private BatchSource batchesFile;


    /**
     * @param uiExecutor      the UI thread, where every report is applied
     * @param incidentJournal the incident's own journal, written before the screen is told: if it cannot record a
     *                        batch, that batch is not sent
     */
    public ReclusterMonitor(ReclusterPlan plan, Executor uiExecutor, Optional<BatchJournal> incidentJournal) {
        this(plan, uiExecutor, incidentJournal, java.time.Clock.systemDefaultZone());
    }

    /** @param clock the lead's clock, in the lead's zone: the run's elapsed time, its ETA and each batch's times */
    public ReclusterMonitor(ReclusterPlan plan, Executor uiExecutor, Optional<BatchJournal> incidentJournal,
                            java.time.Clock clock) {
        this.plan.set(Objects.requireNonNull(plan, "plan"));
        this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.incidentJournal = Objects.requireNonNull(incidentJournal, "incidentJournal");
        this.delivery = new ChunkedDelivery<>(uiExecutor, jobs -> jobs.forEach(Runnable::run));
        this.figures = new RunFigures(this::plan, clock);
        this.recovery = new RunRecovery(this, message::set, uiExecutor);
        var offer = recovery.offerProperty();
        var undecided = recovery.undecidedProperty();
        status.bind(javafx.beans.binding.Bindings.createObjectBinding(() -> RunStatus.of(new RunStatus.Facts(
                state.get() == RunState.PAUSED, state.get() == RunState.STOPPING, ending.get(), waiting.get(),
                podGone.get(), offer.get() != null, undecided.get() != null, figures.skippedMergedProperty().get(),
                figures.notFoundProperty().get(), figures.record().decidedDone())), state, ending, waiting, podGone,
                offer, undecided, figures.skippedMergedProperty(), figures.notFoundProperty()));
    }

    /** The present plan: after a resend to another pod, that pod's. */
    public ReclusterPlan plan() {
        return plan.get();
    }

    /** Lets the run, once it ends part way, be carried on by the step that started it. Set on the UI thread. */
    public void continuedBy(RunContinuation continuation) {
        recovery.continuedBy(continuation);
    }

    /** Where the run writes each batch before and after sending it: the incident's journal, then this screen. */
    public BatchJournal journal() {
        return new MonitorJournal(incidentJournal, delivery::offer, this);
    }

    /** Where the run says what it waits for and what the log proved: shown at once, as the run goes. */
    public Consumer<ReclusterRun.Notice> noticeSink() {
        return n -> delivery.offer(() -> {
            if (active.get()) {
                message.set(n.kind() == ReclusterRun.NoticeKind.FORWARD_BACK ? Message.info(n.text())
                        : Message.warning(n.text()));
                switch (n.kind()) {
                    case FORWARD_WAIT -> waiting.set(RunStatus.Waiting.FORWARD);
                    case OTHER_RUN -> waiting.set(RunStatus.Waiting.OTHER_RUN);
                    case FORWARD_BACK -> waiting.set(RunStatus.Waiting.NONE);
                    default -> { }
                }
            }
        });
    }

    /** Where the run reports what the pod's log shows. */
    public Consumer<ReclusterProgress> progressSink() {
        return p -> delivery.offer(() -> progressed(p));
    }

    /** Where the log follow reports its state. */
    public Consumer<LogFollow.Status> logStatusSink() {
        return s -> delivery.offer(() -> logFollow(s));
    }

    /** Where the follow of this pod's log reports; once the run has moved to another pod, it is not heard. */
    public Consumer<LogFollow.Status> logStatusSink(String pod) {
        return s -> delivery.offer(() -> {
            if (pod.equals(plan().pod())) {
                logFollow(s);
            }
        });
    }

    /**
     * Carries on from a run that ended part way, with a new run (on another pod, or on the same one after a
     * decision), in the same table and totals. {@code carried} is the batch the last run ended in, whose records
     * proven done are counted as done; {@code why} is said on the screen.
     */
    public void carryOn(ReclusterPlan next, ReclusterRun nextRun, LogFollow nextLog, BatchSource batches,
                        Optional<ReclusterRun.Unfinished> carried, String rowStatus, String why) {
        if (state.get() != RunState.FINISHED) {
            throw new IllegalStateException("the run has not ended");
        }
        carried.ifPresent(u -> figures.carried(u, rowStatus));
        plan.set(next);
        recovery.clear();
        state.set(RunState.SENDING);
        active.set(true);
        ending.set(null);
        podGone.set(false);
        waiting.set(RunStatus.Waiting.NONE);
        logStatus.set("following pod " + next.pod() + "'s log from just before its first batch");
        start(nextRun, nextLog, batches);
        message.set(Message.info(why));
    }

    /** Counts records and batches that an earlier run of the incident sent as done, when carrying it on. */
    public void alreadyDone(long records, int batches) {
        figures.alreadyDone(records, batches);
    }

    /** A batch of unknown outcome that the user chose to treat as done. */
    public void skipped(int batchNumber, int records, String rowStatus) {
        figures.skipped(batchNumber, records, rowStatus);
        recovery.decided();
    }

    /** Says how a decision about the ended run came out, when it starts nothing new. */
    public void decided(Message m) {
        recovery.decided();
        message.set(m);
    }

    /** Sends what the pod that died left undone to the chosen pod, once the user confirms. */
    public void resendRest() {
        recovery.resendRest();
    }

    /** Looks again for the deployment's other Running and Ready pods. */
    public void findOtherPods() {
        recovery.findOtherPods();
    }

    /** Asks again what to do with the batch of unknown outcome, after the question was closed unanswered. */
    public void decideUnknown() {
        recovery.decideUnknown();
    }

    /** Starts the run and takes charge of it; the log follow and the batches are closed when it ends. */
    public void start(ReclusterRun run, LogFollow log, BatchSource batchesFile) {
        this.run = run;
        this.log = log;
        runShown.set(run);
        this.batchesFile = batchesFile;
        message.set(Message.info("Sending " + COUNT.format(plan().records()) + " records in " + COUNT.format(plan().batches())
                + " batches to pod " + plan().pod() + ", one batch at a time: each goes only after the pod has logged"
                + " the previous one complete."));
        ReclusterRun started = run;
        podsSentTo.add(log.pod());
        CompletableFuture<ReclusterRun.Result> done = run.start();
        done.whenComplete((result, error) -> {
            ReclusterRun.Result r = result != null ? result : new ReclusterRun.Result(ReclusterRun.Ending.FAILED,
                    List.of(), String.valueOf(error));
            String pod = log.pod();
            delivery.offer(() -> {
                if (this.run == started) {
                    finished(r, pod);
                }
            });
            // On the run's own thread: closing waits for kubectl to end, which the UI thread must not.
            log.close();
            try {
                batchesFile.close();
            } catch (Exception e) {
                // Read to the end or abandoned: nothing more comes from it either way.
            }
        });
    }

    public void pause() {
        if (run != null && state.get() == RunState.SENDING) {
            run.pause();
            state.set(RunState.PAUSED);
            message.set(Message.warning("Paused: no further batch is sent until you resume. A batch the pod has "
                    + "already started runs to its end there; its progress is still shown."));
        }
    }

    public void resume() {
        if (run != null && state.get() == RunState.PAUSED) {
            run.resume();
            state.set(RunState.SENDING);
            message.set(Message.info("Resumed: the next batch goes once the pod has logged the present one complete."));
        }
    }

    /** No further batch is sent; one already on the pod cannot be called back and is followed to its end. */
    public void stop() {
        if (run != null && (state.get() == RunState.SENDING || state.get() == RunState.PAUSED)) {
            run.stop();
            state.set(RunState.STOPPING);
            message.set(Message.warning("Stopping: no further batch will be sent. A batch already sent cannot be "
                    + "called back from here; the run ends once the pod logs it complete."));
        }
    }

    /** The port-forward's state, as the step that keeps it up reports it; called on the UI thread. */
    public void showConnection(Message m) {
        connection.set(m);
    }

    void sending(SentRecord.SentBatch s) {
        waiting.set(RunStatus.Waiting.NONE);
        figures.sending(s);
    }

    void answered(int number, SendOutcome outcome) {
        figures.answered(number, outcome);
    }

    void progressed(ReclusterProgress p) {
        if (active.get() && p.phase() != Phase.WAITING) {
            waiting.set(RunStatus.Waiting.NONE);
        }
        figures.progressed(p);
    }

    private void logFollow(LogFollow.Status s) {
        if (!active.get()) {
            return;
        }
        switch (s) {
            case FOLLOWING -> logStatus.set("following the pod's log");
            case RECONNECTING -> logStatus.set("the log stream was dropped; opening it again");
            case POD_GONE -> {
                podGone.set(true);
                logStatus.set("POD GONE");
                message.set(Message.error("POD " + plan().pod() + " IS GONE. Its log has ended, and any batch it was "
                        + "working on has stopped with it. " + figures.record().stoppedAt(plan())));
            }
            case DOWN -> logStatus.set("not following: the log could not be read");
        }
    }

    private void finished(ReclusterRun.Result r, String pod) {
        ending.set(r.ending());
        if (!"POD GONE".equals(logStatus.get())) {
            logStatus.set("no longer followed: the run has ended");
        }
        state.set(RunState.FINISHED);
        active.set(false);
        figures.ended(r);
        Message said = RunEndWording.ended(r, pod, plan(), figures.record(), podsSentTo,
                figures.skippedMergedProperty().get(), figures.notFoundProperty().get(),
                figures.batchesCompleteProperty().get());
        // The message is coloured as the headline is: complete with exceptions is not a plain success.
        message.set(status.get().tone() == RunStatus.Tone.DECISION && said.kind() == Message.Kind.OK
                ? Message.warning(said.text()) : said);
        recovery.ended(r, pod);
    }

    BatchRow row(int number) {
        return figures.row(number);
    }

    /** Stops sending and ends the log follow; for the window closing. */
    @Override
    public void close() {
        if (run != null) {
            run.close();
        }
        if (log != null) {
            log.close();
        }
        if (batchesFile != null) {
            try {
                batchesFile.close();
            } catch (Exception e) {
                // Closing on the way out.
            }
        }
    }

    public ReadOnlyObjectProperty<ReclusterPlan> planProperty() { return plan.getReadOnlyProperty(); }
    /** What the pod that died left undone, while it can be sent elsewhere; null otherwise. */
    /** The run now going or last ended, set on the UI thread when it starts. */
    public ReadOnlyObjectProperty<ReclusterRun> runProperty() { return runShown.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ResendOffer> offerProperty() { return recovery.offerProperty(); }
    public ObservableList<String> offerPods() { return recovery.offerPods(); }
    /** The pod to send the rest to: the first other Ready pod unless the user picks another. */
    public ObjectProperty<String> offerPodProperty() { return recovery.offerPodProperty(); }
    /** A batch of unknown outcome awaiting the user's decision; null otherwise. */
    public ReadOnlyObjectProperty<ReclusterRun.Unfinished> undecidedProperty() { return recovery.undecidedProperty(); }
    public ReadOnlyObjectProperty<RunState> stateProperty() { return state.getReadOnlyProperty(); }
    /** The run's state as every view draws it: headline, colour, controls, status bar, window title. */
    public ReadOnlyObjectProperty<RunStatus> statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty activeProperty() { return active.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ReclusterRun.Ending> endingProperty() { return ending.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Message> connectionProperty() { return connection.getReadOnlyProperty(); }
    public ReadOnlyStringProperty logStatusProperty() { return logStatus.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty overallProperty() { return figures.overallProperty(); }
    public ReadOnlyStringProperty overallTextProperty() { return figures.overallTextProperty(); }
    public ReadOnlyStringProperty batchesTextProperty() { return figures.batchesTextProperty(); }
    public ReadOnlyIntegerProperty batchesCompleteProperty() { return figures.batchesCompleteProperty(); }
    public ReadOnlyStringProperty phaseTextProperty() { return figures.phaseTextProperty(); }
    public ReadOnlyDoubleProperty upsertProperty() { return figures.upsertProperty(); }
    public ReadOnlyStringProperty upsertTextProperty() { return figures.upsertTextProperty(); }
    public ReadOnlyDoubleProperty reclusterProperty() { return figures.reclusterProperty(); }
    public ReadOnlyStringProperty reclusterTextProperty() { return figures.reclusterTextProperty(); }
    public ReadOnlyStringProperty rateTextProperty() { return figures.rateTextProperty(); }
    /**
     * The time left at the measured rate; while the run is paused or waits (for the forward, for another run) no
     * clock time is given, since nothing is sent meanwhile: "about 6 s, done at about 12:30" under Paused misleads.
     */
    public javafx.beans.value.ObservableStringValue etaTextProperty() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            RunStatus s = status.get();
            return switch (s == null ? RunStatus.Kind.RUNNING : s.kind()) {
                case PAUSED -> "not known while paused";
                case WAITING_FOR_FORWARD -> "not known while the port-forward is down";
                case WAITING_FOR_OTHER_RUN -> "not known while another run goes on the pod";
                default -> figures.etaTextProperty().get();
            };
        }, status, figures.etaTextProperty());
    }
    /** "12 min 04 s since 14:02:11", the first batch's sending. */
    public ReadOnlyStringProperty elapsedTextProperty() { return figures.elapsedTextProperty(); }
    /** The rate the pod's log showed last, in upsert and recluster steps a second; 0 before it showed one. */
    public double measuredRate() { return figures.measuredRate(); }
    public ReadOnlyIntegerProperty skippedMergedProperty() { return figures.skippedMergedProperty(); }
    public ReadOnlyIntegerProperty notFoundProperty() { return figures.notFoundProperty(); }
    public ObservableList<BatchRow> rows() { return figures.rows(); }
    public ObservableList<String> notFoundIds() { return figures.notFoundIds(); }
}
