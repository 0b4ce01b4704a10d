package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the processes one owner started, so that they all end with it: on {@link #close()}, and from a JVM
 * shutdown hook if the console exits without closing (a port-forward left behind keeps a pod's admin port open).
 */
final class ProcessReaper implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private final Thread hook;
    private volatile boolean closed;

    ProcessReaper(String name) {
        hook = new Thread(this::killAll, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a started process; if this reaper is already closed, the process is killed at once. */
    void track(Process process) {
        live.add(process);
        process.onExit().thenRun(() -> live.remove(process));
        if (closed) {
            kill(process);
        }
    }

    int liveCount() {
        return (int) live.stream().filter(Process::isAlive).count();
    }

    /** Ends the process and everything it started (an exec credential plugin, a shell script's child). */
    static void kill(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private void killAll() {
        closed = true;
        for (Process p : List.copyOf(live)) {
            kill(p);
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running or ran.
        }
    }
}
