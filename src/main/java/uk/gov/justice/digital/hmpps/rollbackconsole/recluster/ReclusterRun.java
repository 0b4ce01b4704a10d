package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;

/**
 * Sends a file's batches to one pod, one at a time: batch k goes only after the pod has logged
 * {@code ADMIN RECLUSTER: Complete.} for batch k-1, because two runs on one pod compete and interleave. Pause and
 * stop take effect between batches; a run already started on the pod cannot be stopped from here. Anything but a
 * plain acceptance ends the run, for a person to decide: nothing is ever sent again automatically.
 */
public final class ReclusterRun implements AutoCloseable {

    public enum State {
        READY,
        SENDING,
        WAITING_FOR_POD,
        /** The forward is down, or the service not healthy through it: the next batch waits, bounded. */
        WAITING_FOR_FORWARD,
        /** Another recluster run goes on the pod: the next batch waits for its Complete. */
        WAITING_FOR_OTHER_RUN,
        PAUSED,
        FINISHED
    }

    public enum Ending {
        /** Every batch's run logged Complete. */
        COMPLETE,
        STOPPED,
        REJECTED,
        OUTCOME_UNKNOWN,
        /** The pod's log ended before the run logged Complete: the pod is gone, and its work with it. */
        LOG_ENDED,
        /** The run died on a healthy pod: the service's uncaught exception is in its log. */
        DIED,
        /** The run logged nothing of its own for the stall time. */
        STALLED,
        /**
         * The port-forward was not back and healthy within the wait: the batch was not sent. The one way a run ends
         * with a batch unsent (there is no separate "not sent" ending: a send that dropped before the request left
         * waits for the forward again, and the request is never started without it).
         */
        FORWARD_LOST,
        FAILED
    }

    /**
     * @param unfinished the batch the run ended in, when it ended because its pod died or its answer never came
     */
    public record Result(Ending ending, List<ReclusterProgress> completedBatches, String detail,
                         Optional<Unfinished> unfinished) {
        public Result {
            completedBatches = List.copyOf(completedBatches);
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(unfinished, "unfinished");
        }

        public Result(Ending ending, List<ReclusterProgress> completedBatches, String detail) {
            this(ending, completedBatches, detail, Optional.empty());
        }
    }

    /**
     * A batch the run ended in, and how many of its records, from its first, the pod's log proved reclustered
     * (see {@link ReclusterTracker#provenDone()}): those are never to be sent again.
     *
     * @param lastProgress what the log showed of it; null when the pod logged nothing of it
     */
    public record Unfinished(Batch batch, int provenDone, ReclusterProgress lastProgress) {
        public Unfinished {
            Objects.requireNonNull(batch, "batch");
            if (provenDone < 0 || provenDone > batch.size()) {
                throw new IllegalArgumentException("proven done " + provenDone + " of " + batch.size());
            }
        }

        /** The records after those proven done, as a batch of the same number; empty when all were done. */
        public Optional<Batch> rest() {
            if (provenDone == batch.size()) {
                return Optional.empty();
            }
            if (provenDone == 0) {
                return Optional.of(batch);
            }
            return Optional.of(ReclusterBatches.batchOf(batch.number(), batch.firstRecord() + provenDone,
                    batch.records().subList(provenDone, batch.size())));
        }
    }

    /**
     * How long the run waits, and for what.
     *
     * @param forwardWait how long a batch waits for the port-forward to be back and the service healthy through it
     * @param stallAfter  how long our run may log nothing of its own before it is taken as stalled (both phases);
     *                    another run on the pod that logs nothing this long is taken as ended
     * @param takenWithin after a non-2xx answer or none, how long the log is watched for the batch's Triggered line
     */
    public record Settings(Duration forwardWait, Duration stallAfter, Duration takenWithin) {
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(2), Duration.ofMinutes(3),
                Duration.ofSeconds(20));

        /** The keys a settings file gives them by, in whole seconds. */
        public static final String FORWARD_WAIT = "recluster.forward-wait-seconds";
        public static final String STALL_AFTER = "recluster.stall-after-seconds";
        public static final String TAKEN_WITHIN = "recluster.taken-within-seconds";

        /** From a settings file's values (null when not set); a missing or bad value keeps the default. */
        public static Settings read(java.util.function.Function<String, String> valueOf) {
            return new Settings(seconds(valueOf.apply(FORWARD_WAIT), DEFAULT.forwardWait),
                    seconds(valueOf.apply(STALL_AFTER), DEFAULT.stallAfter),
                    seconds(valueOf.apply(TAKEN_WITHIN), DEFAULT.takenWithin));
        }

        private static Duration seconds(String value, Duration otherwise) {
            try {
                long n = value == null ? 0 : Long.parseLong(value.trim());
                return n >= 1 ? Duration.ofSeconds(n) : otherwise;
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }

        public Settings {
            Objects.requireNonNull(forwardWait, "forwardWait");
            Objects.requireNonNull(stallAfter, "stallAfter");
            Objects.requireNonNull(takenWithin, "takenWithin");
        }
    }

    /** What the run says while it goes, for a screen or a terminal: waits, evidence, another run. */
    public record Notice(NoticeKind kind, String text) {
    }

    public enum NoticeKind { FORWARD_WAIT, FORWARD_BACK, OTHER_RUN, TAKEN, REFUSED }

    private final BatchSource batches;
    private final ReclusterClient client;
    private final Supplier<Optional<URI>> service;
    private final LogFollow log;
    private final PodWatch watch;
    private final BatchJournal journal;
    private final Consumer<ReclusterProgress> progress;
    private final Clock clock;
    private final Object lock = new Object();
    private final Thread worker;
    private final BatchSend sender;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private volatile Settings settings = Settings.DEFAULT;
    private volatile Consumer<Notice> notices = n -> { };
    private State state = State.READY;
    private boolean paused;
    private boolean stopRequested;

    /**
     * @param service the pod's address through the port-forward, empty while the forward is not up
     * @param log     a follow of the same pod's log, started before the first send
     */
    public ReclusterRun(ReclusterBatches batches, ReclusterClient client, Supplier<Optional<URI>> service, LogFollow log,
                        BatchJournal journal, Consumer<ReclusterProgress> progress, Clock clock) {
        this((BatchSource) batches, client, service, log, journal, progress, clock);
    }

    /** A run over any source of batches: some of a file's, after an earlier run ended part way. */
    public ReclusterRun(BatchSource batches, ReclusterClient client, Supplier<Optional<URI>> service, LogFollow log,
                        BatchJournal journal, Consumer<ReclusterProgress> progress, Clock clock) {
        this(batches, client, service, log, journal, progress, clock, true);
    }

    /** With {@code deathDetection} false, tests prove a died run is caught because of it. */
    ReclusterRun(BatchSource batches, ReclusterClient client, Supplier<Optional<URI>> service, LogFollow log,
                 BatchJournal journal, Consumer<ReclusterProgress> progress, Clock clock, boolean deathDetection) {
        this.batches = Objects.requireNonNull(batches, "batches");
        this.client = Objects.requireNonNull(client, "client");
        this.service = Objects.requireNonNull(service, "service");
        this.log = Objects.requireNonNull(log, "log");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watch = new PodWatch(log, clock, this::otherRun);
        if (!deathDetection) {
            this.watch.withoutDeathDetection();
        }
        this.sender = new BatchSend(this);
        this.worker = new Thread(this::work, "recluster-run");
        this.worker.setDaemon(true);
    }

    /**
     * The service through a kept port-forward: its present local port while it is UP (its probe passed), empty
     * otherwise. Read afresh before each batch, so a forward started again on another port is never missed.
     */
    public static Supplier<Optional<URI>> through(PortForward forward) {
        return () -> {
            PortForward.State s = forward.state();
            return s.status() == PortForward.Status.UP ? Optional.of(URI.create("http://127.0.0.1:" + s.localPort()))
                    : Optional.empty();
        };
    }

    /** Waits and bounds other than the defaults; before {@link #start()}. */
    public ReclusterRun with(Settings s) {
        settings = Objects.requireNonNull(s, "settings");
        return this;
    }

    /** Who hears the run's notices (waits, evidence, another run); before {@link #start()}. */
    public ReclusterRun onNotice(Consumer<Notice> listener) {
        notices = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Settings settings() {
        return settings;
    }

    public CompletableFuture<Result> start() {
        synchronized (lock) {
            if (state != State.READY) {
                throw new IllegalStateException("the run has already started");
            }
            state = State.SENDING;
        }
        worker.start();
        return result;
    }

    /** The follow of the pod's log this run reads its progress from. */
    public LogFollow log() {
        return log;
    }

    /** Where the batches go now: the port-forward's local address, empty while the forward is not up. */
    public Optional<URI> service() {
        return service.get();
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The next batch waits until {@link #resume()}; the one the pod is working on carries on. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** No further batch is sent; the run ends once the pod finishes the present one. */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    private void work() {
        List<ReclusterProgress> done = new ArrayList<>();
        Result end;
        try {
            end = sendAll(done);
        } catch (InterruptedException e) {
            end = new Result(Ending.STOPPED, done, "interrupted");
        } catch (Exception e) {
            end = new Result(Ending.FAILED, done, String.valueOf(e.getMessage()));
        }
        set(State.FINISHED);
        result.complete(end);
    }

    private Result sendAll(List<ReclusterProgress> done) throws Exception {
        while (true) {
            if (!waitWhilePaused()) {
                return new Result(Ending.STOPPED, done, "stopped after " + done.size() + " batches");
            }
            Optional<Batch> next = batches.next();
            if (next.isEmpty()) {
                return new Result(Ending.COMPLETE, done, done.size() + " batches complete");
            }
            Batch batch = next.get();
            Result ended = sender.sendOne(batch, done);
            if (ended != null) {
                return ended;
            }
        }
    }

    // What the batch sender shares with the run: one journal, one watch of the pod, one set of waits.
    ReclusterClient client() {
        return client;
    }

    Supplier<Optional<URI>> serviceSupplier() {
        return service;
    }

    PodWatch watch() {
        return watch;
    }

    BatchJournal journal() {
        return journal;
    }

    Consumer<ReclusterProgress> progress() {
        return progress;
    }

    Clock clock() {
        return clock;
    }

    void notice(Notice n) {
        notices.accept(n);
    }

    private void otherRun(String what) {
        journal.observed(what);
        notices.accept(new Notice(NoticeKind.OTHER_RUN, what));
    }

    boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** False when stopped. */
    private boolean waitWhilePaused() throws InterruptedException {
        synchronized (lock) {
            while (paused && !stopRequested) {
                state = State.PAUSED;
                lock.wait();
            }
            return !stopRequested;
        }
    }

    void set(State next) {
        synchronized (lock) {
            state = next;
        }
    }

    /** Stops sending and waits briefly for the worker; the batches file is the caller's to close. */
    @Override
    public void close() {
        stop();
        worker.interrupt();
        try {
            worker.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
