package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code kubectl port-forward --address 127.0.0.1 pod/NAME 0:8080}, kept up. kubectl picks the free local port and
 * says which ({@code Forwarding from 127.0.0.1:PORT -> 8080}); a laptop's usual ports may be taken. The forward is
 * UP only once the probe (the service's health through it) passes. When kubectl exits, the forward is started
 * again with growing pauses for as long as the pod exists; once the pod is gone it stops in POD_GONE, because the
 * work that pod was doing has stopped with it.
 */
public final class PortForward implements AutoCloseable {

    public enum Status {
        STARTING,
        UP,
        RECONNECTING,
        DOWN,
        POD_GONE
    }

    /** @param localPort 0 unless UP; attempt counts restarts since the last time it was UP */
    public record State(Status status, int localPort, int attempt, String lastError, Instant at) {
        public State {
            Objects.requireNonNull(status, "status");
            lastError = lastError == null ? "" : lastError;
            Objects.requireNonNull(at, "at");
        }

        public boolean isFinal() {
            return status == Status.DOWN || status == Status.POD_GONE;
        }
    }

    /** Whether the service answers through the forward; empty when ready, or why not. */
    @FunctionalInterface
    public interface Probe {
        Optional<String> notReadyBecause(int localPort);
    }

    public record Options(int remotePort, Duration firstPause, Duration maxPause, int maxAttempts, Duration startTimeout) {
        public static final Options DEFAULT = new Options(8080, Duration.ofMillis(500), Duration.ofSeconds(15), 10,
                Duration.ofSeconds(30));
    }

    private static final Pattern FORWARDING = Pattern.compile("Forwarding from 127\\.0\\.0\\.1:(\\d+) -> (\\d+)");
    private static final int STDERR_LINES = 5;

    private final Kubectl kubectl;
    private final String pod;
    private final Options options;
    private final Probe probe;
    private final Consumer<State> listener;
    private final Clock clock;
    private final Thread supervisor;
    private final Object lock = new Object();
    private State state;
    private ManagedProcess current;
    private volatile boolean closed;

    private PortForward(Kubectl kubectl, String pod, Options options, Probe probe, Consumer<State> listener, Clock clock) {
        this.kubectl = kubectl;
        this.pod = pod;
        this.options = options;
        this.probe = probe;
        this.listener = listener;
        this.clock = clock;
        this.state = new State(Status.STARTING, 0, 0, "", clock.instant());
        this.supervisor = new Thread(this::supervise, "port-forward-" + pod);
        this.supervisor.setDaemon(true);
    }

    public static PortForward start(Kubectl kubectl, String pod, Options options, Probe probe,
                                    Consumer<State> listener, Clock clock) {
        PortForward forward = new PortForward(Objects.requireNonNull(kubectl, "kubectl"), Objects.requireNonNull(pod, "pod"),
                Objects.requireNonNull(options, "options"), Objects.requireNonNull(probe, "probe"),
                Objects.requireNonNull(listener, "listener"), Objects.requireNonNull(clock, "clock"));
        forward.listener.accept(forward.state);
        forward.supervisor.start();
        return forward;
    }

    public String pod() {
        return pod;
    }

    /** The command line this forward runs, executable first: what the Send step shows. */
    public List<String> command() {
        return kubectl.command(CommandLine.portForward(pod, options.remotePort()));
    }

    public State state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Waits until the forward is UP and gives its local port; fails at once if it ends for good. */
    public int awaitUp(Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (state.status() != Status.UP) {
                if (state.isFinal()) {
                    throw new IllegalStateException("the port-forward to " + pod + " is " + state.status()
                            + (state.lastError().isEmpty() ? "" : ": " + state.lastError()));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("the port-forward to " + pod + " is not up after " + timeout.toSeconds()
                            + " s (" + state.status() + (state.lastError().isEmpty() ? "" : ": " + state.lastError()) + ")");
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return state.localPort();
        }
    }

    private void supervise() {
        int attempt = 0;
        String lastError = "";
        while (!closed) {
            Deque<String> stderr = new ArrayDeque<>();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            ManagedProcess process;
            try {
                process = kubectl.start(CommandLine.portForward(pod, options.remotePort()), "port-forward-" + pod, line -> {
                            Matcher m = FORWARDING.matcher(line);
                            if (m.find()) {
                                port.complete(Integer.parseInt(m.group(1)));
                            }
                        }, line -> {
                            synchronized (stderr) {
                                stderr.addLast(line);
                                if (stderr.size() > STDERR_LINES) {
                                    stderr.removeFirst();
                                }
                            }
                        });
            } catch (KubectlException e) {
                publish(Status.DOWN, 0, attempt, e.getMessage());
                return;
            }
            synchronized (lock) {
                current = process;
            }
            if (closed) {
                process.close();
                break;
            }
            process.exit().thenRun(() -> port.complete(-1));
            lastError = runOnce(process, port, attempt);
            if (closed) {
                break;
            }
            if (lastError == null) {
                // It was up: restarting after a drop begins the count again.
                attempt = 0;
                lastError = lastWords(stderr, process);
            } else if (lastError.isEmpty()) {
                lastError = lastWords(stderr, process);
            }
            process.close();
            Optional<Status> end = podEnded();
            if (end.isPresent()) {
                publish(end.get(), 0, attempt, end.get() == Status.POD_GONE ? "pod " + pod + " is gone" : lastError);
                return;
            }
            attempt++;
            if (attempt > options.maxAttempts()) {
                publish(Status.DOWN, 0, attempt - 1, lastError);
                return;
            }
            publish(Status.RECONNECTING, 0, attempt, lastError);
            if (!pause(attempt)) {
                break;
            }
        }
        publish(Status.DOWN, 0, attempt, closed ? "closed" : lastError);
    }

    /** Null once it was UP and then ended; otherwise why it never came up ("" when kubectl's own words say it). */
    private String runOnce(ManagedProcess process, CompletableFuture<Integer> port, int attempt) {
        int local;
        try {
            local = port.get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "kubectl did not say which local port it forwards within " + options.startTimeout().toSeconds() + " s";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        }
        if (local < 0) {
            return "";
        }
        Optional<String> notReady = Optional.of("not checked");
        long deadline = System.nanoTime() + options.startTimeout().toNanos();
        while (!closed && process.isAlive() && System.nanoTime() < deadline) {
            notReady = probe.notReadyBecause(local);
            if (notReady.isEmpty()) {
                break;
            }
            sleep(Duration.ofMillis(100));
        }
        if (notReady.isPresent()) {
            return process.isAlive() ? "the service's health is not UP through the forward: " + notReady.get() : "";
        }
        publish(Status.UP, local, attempt, "");
        try {
            process.exit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // Ended either way.
        }
        return null;
    }

    private Optional<Status> podEnded() {
        try {
            Optional<PodInfo> info = kubectl.pod(pod);
            if (info.isEmpty() || !"Running".equals(info.get().phase()) || info.get().terminating()) {
                return Optional.of(Status.POD_GONE);
            }
            return Optional.empty();
        } catch (KubectlException e) {
            // A login that has expired will not come back by itself.
            if (e.reason() == KubectlException.Reason.LOGIN_EXPIRED || e.reason() == KubectlException.Reason.FORBIDDEN
                    || e.reason() == KubectlException.Reason.NOT_INSTALLED) {
                return Optional.of(Status.DOWN);
            }
            return Optional.empty();
        }
    }

    private static String lastWords(Deque<String> stderr, ManagedProcess process) {
        synchronized (stderr) {
            if (!stderr.isEmpty()) {
                return String.join("\n", stderr);
            }
        }
        Integer code = process.exit().getNow(null);
        return "kubectl port-forward ended" + (code == null ? "" : " with exit code " + code);
    }

    private boolean pause(int attempt) {
        long millis = options.firstPause().toMillis() << Math.min(attempt - 1, 16);
        return sleep(Duration.ofMillis(Math.min(millis, options.maxPause().toMillis())));
    }

    private boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private void publish(Status status, int port, int attempt, String error) {
        State next;
        synchronized (lock) {
            if (state.isFinal()) {
                return;
            }
            next = new State(status, port, attempt, error, clock.instant());
            state = next;
            lock.notifyAll();
        }
        try {
            listener.accept(next);
        } catch (RuntimeException e) {
            // A listener's fault must not stop the forward being kept up.
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
        publish(Status.DOWN, 0, 0, "closed");
    }
}
