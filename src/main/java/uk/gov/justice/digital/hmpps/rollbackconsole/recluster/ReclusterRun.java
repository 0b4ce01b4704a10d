package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

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
        PAUSED,
        FINISHED
    }

    public enum Ending {
        /** Every batch's run logged Complete. */
        COMPLETE,
        STOPPED,
        REJECTED,
        OUTCOME_UNKNOWN,
        NOT_SENT,
        /** The pod's log ended before the run logged Complete: the pod is gone, and its work with it. */
        LOG_ENDED,
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

    private static final Duration POLL = Duration.ofMillis(200);
    private static final int DRAIN = 1000;

    private final BatchSource batches;
    private final ReclusterClient client;
    private final Supplier<Optional<URI>> service;
    private final LogFollow log;
    private final BatchJournal journal;
    private final Consumer<ReclusterProgress> progress;
    private final Clock clock;
    private final Object lock = new Object();
    private final Thread worker;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
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
        this.batches = Objects.requireNonNull(batches, "batches");
        this.client = Objects.requireNonNull(client, "client");
        this.service = Objects.requireNonNull(service, "service");
        this.log = Objects.requireNonNull(log, "log");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.worker = new Thread(this::work, "recluster-run");
        this.worker.setDaemon(true);
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
            Optional<URI> base = service.get();
            if (base.isEmpty()) {
                return new Result(Ending.NOT_SENT, done, "batch " + batch.number() + " was not sent: the port-forward is not up");
            }
            set(State.SENDING);
            journal.beforeSend(batch, log.pod(), clock.instant());
            Instant sentAt = clock.instant();
            SendOutcome outcome = client.send(base.get(), batch);
            journal.afterSend(batch, outcome, clock.instant());
            if (outcome instanceof SendOutcome.Rejected r) {
                return new Result(Ending.REJECTED, done, "batch " + batch.number() + " was rejected with HTTP "
                        + r.status() + ": " + r.body());
            }
            if (outcome instanceof SendOutcome.Unknown u) {
                return new Result(Ending.OUTCOME_UNKNOWN, done, "batch " + batch.number() + ": " + u.reason()
                        + ". Look at the pod's log before sending it again.",
                        Optional.of(new Unfinished(batch, 0, null)));
            }
            if (outcome instanceof SendOutcome.NotSent n) {
                return new Result(Ending.NOT_SENT, done, "batch " + batch.number() + " was not sent: " + n.reason());
            }
            set(State.WAITING_FOR_POD);
            ReclusterTracker tracker = new ReclusterTracker(batch.number(), batch.size(), sentAt, clock);
            progress.accept(tracker.snapshot());
            while (!tracker.snapshot().isComplete()) {
                List<TimestampedLine> lines = log.poll(POLL, DRAIN);
                boolean moved = false;
                for (TimestampedLine line : lines) {
                    moved |= tracker.accept(line);
                }
                progress.accept(tracker.snapshot());
                if (!moved && lines.isEmpty() && log.isFinished()) {
                    ReclusterProgress last = tracker.snapshot();
                    journal.ended(batch, last);
                    return new Result(Ending.LOG_ENDED, done, "the log of pod " + log.pod() + " ended (" + log.status()
                            + ") before batch " + batch.number() + " was complete: " + log.lastError(),
                            Optional.of(new Unfinished(batch, tracker.provenDone(), last)));
                }
            }
            ReclusterProgress complete = tracker.snapshot();
            journal.completed(batch, complete);
            done.add(complete);
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

    private void set(State next) {
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
