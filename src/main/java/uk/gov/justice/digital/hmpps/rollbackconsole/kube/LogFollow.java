package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code kubectl logs -f pod/NAME --timestamps --since-time=T}: one pod's log from a moment on, read on a thread
 * of its own into a bounded queue that the consumer drains in batches. A full queue holds kubectl back rather than
 * lose a line. When the stream ends while the pod still runs (the API server drops long streams), it is opened
 * again from the last line's second, and the lines seen twice are dropped.
 */
public final class LogFollow implements AutoCloseable {

    public enum Status {
        FOLLOWING,
        RECONNECTING,
        /** The pod is gone: its log has ended, and so has any work it was doing. */
        POD_GONE,
        DOWN
    }

    public record Options(int queueCapacity, Duration firstPause, Duration maxPause, int maxAttempts) {
        public static final Options DEFAULT = new Options(10_000, Duration.ofMillis(500), Duration.ofSeconds(15), 10);
    }

    private static final Duration OFFER_WAIT = Duration.ofMillis(100);

    private final Kubectl kubectl;
    private final String pod;
    private final Options options;
    private final Consumer<Status> listener;
    private final BlockingQueue<TimestampedLine> queue;
    private final LineDeduplicator dedup = new LineDeduplicator();
    private final Thread supervisor;
    private final Object lock = new Object();
    private volatile Instant since;
    private volatile Status status = Status.FOLLOWING;
    private volatile String lastError = "";
    private volatile boolean ended;
    private volatile boolean closed;
    private volatile boolean sawLine;
    private ManagedProcess current;

    private LogFollow(Kubectl kubectl, String pod, Instant since, Options options, Consumer<Status> listener) {
        this.kubectl = kubectl;
        this.pod = pod;
        this.since = since;
        this.options = options;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.supervisor = new Thread(this::supervise, "logs-" + pod);
        this.supervisor.setDaemon(true);
    }

    /** Follows the pod's log from {@code since} (kubectl rounds it down to the second). */
    public static LogFollow start(Kubectl kubectl, String pod, Instant since, Options options,
                                  Consumer<Status> listener) {
        LogFollow follow = new LogFollow(Objects.requireNonNull(kubectl, "kubectl"), Objects.requireNonNull(pod, "pod"),
                Objects.requireNonNull(since, "since"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(listener, "listener"));
        follow.supervisor.start();
        return follow;
    }

    public String pod() {
        return pod;
    }

    /** When the log is followed from, as asked of kubectl (it rounds down to the second). */
    public Instant since() {
        return since;
    }

    /** The command line this follow runs, executable first: what the Progress step shows. */
    public List<String> command() {
        return kubectl.command(CommandLine.logs(pod, since));
    }

    public Status status() {
        return status;
    }

    public String lastError() {
        return lastError;
    }

    /** True once the follow has ended for good and every line has been taken. */
    public boolean isFinished() {
        return ended && queue.isEmpty();
    }

    /** Up to {@code max} lines, waiting up to {@code wait} for the first; empty if none came. */
    public List<TimestampedLine> poll(Duration wait, int max) throws InterruptedException {
        List<TimestampedLine> lines = new ArrayList<>();
        TimestampedLine first = queue.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (first != null) {
            lines.add(first);
            queue.drainTo(lines, max - 1);
        }
        return lines;
    }

    /** Up to {@code max} lines that are waiting, without waiting. */
    public List<TimestampedLine> drain(int max) {
        List<TimestampedLine> lines = new ArrayList<>();
        queue.drainTo(lines, max);
        return lines;
    }

    private void supervise() {
        int attempt = 0;
        try {
            while (!closed) {
                ManagedProcess process;
                List<String> stderr = new ArrayList<>();
                sawLine = false;
                try {
                    process = kubectl.start(CommandLine.logs(pod, since), "logs-" + pod,
                            this::offer, line -> {
                                synchronized (stderr) {
                                    if (stderr.size() < 20) {
                                        stderr.add(line);
                                    }
                                }
                            });
                } catch (KubectlException e) {
                    lastError = e.getMessage();
                    set(Status.DOWN);
                    return;
                }
                synchronized (lock) {
                    current = process;
                }
                if (closed) {
                    process.close();
                    return;
                }
                int code = exitCode(process);
                if (closed) {
                    return;
                }
                if (sawLine) {
                    attempt = 0;
                }
                synchronized (stderr) {
                    lastError = stderr.isEmpty() ? "kubectl logs ended with exit code " + code : String.join("\n", stderr);
                }
                if (podGone()) {
                    set(Status.POD_GONE);
                    return;
                }
                attempt++;
                if (attempt > options.maxAttempts()) {
                    set(Status.DOWN);
                    return;
                }
                Instant last = dedup.lastTimestamp();
                if (last != null) {
                    since = last;
                }
                dedup.reconnected();
                set(Status.RECONNECTING);
                long pause = Math.min(options.firstPause().toMillis() << Math.min(attempt - 1, 16),
                        options.maxPause().toMillis());
                Thread.sleep(pause);
            }
        } catch (InterruptedException e) {
            // Closed.
        } finally {
            ended = true;
            if (closed && status != Status.POD_GONE) {
                set(Status.DOWN);
            }
        }
    }

    private void offer(String raw) {
        TimestampedLine line = TimestampedLine.parse(raw);
        if (!dedup.accept(line)) {
            return;
        }
        if (!sawLine) {
            sawLine = true;
            if (status != Status.FOLLOWING) {
                set(Status.FOLLOWING);
            }
        }
        try {
            while (!closed && !queue.offer(line, OFFER_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                // The consumer is behind: wait for it rather than drop a line it may need.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int exitCode(ManagedProcess process) throws InterruptedException {
        try {
            return process.exit().get();
        } catch (ExecutionException e) {
            return -1;
        }
    }

    private boolean podGone() {
        try {
            return kubectl.pod(pod).map(p -> !"Running".equals(p.phase())).orElse(true);
        } catch (KubectlException e) {
            lastError = e.getMessage();
            return false;
        }
    }

    private void set(Status next) {
        status = next;
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            // The follow goes on whatever a listener does.
        }
    }

    @Override
    public void close() {
        closed = true;
        ManagedProcess process;
        synchronized (lock) {
            process = current;
        }
        ManagedProcess.stopSupervised(supervisor, process);
    }
}
