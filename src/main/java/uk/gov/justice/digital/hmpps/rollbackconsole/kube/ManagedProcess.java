package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A long-running kubectl (port-forward, logs -f) whose stdout and stderr are each read on a thread of their own,
 * line by line, so that neither pipe can fill and stall it.
 */
final class ManagedProcess implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<Integer> exit;

    Process process() {
        return process;
    }

    private ManagedProcess(Process process, CompletableFuture<Integer> exit) {
        this.process = process;
        this.exit = exit;
    }

    /**
     * Ends a supervised kubectl: stops its supervisor (which would otherwise start it again), ends the process it
     * runs now, if any, and waits up to 5 s for the supervisor to finish.
     */
    static void stopSupervised(Thread supervisor, ManagedProcess current) {
        supervisor.interrupt();
        if (current != null) {
            current.close();
        }
        try {
            supervisor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ManagedProcess start(List<String> command, String name, Consumer<String> stdout, Consumer<String> stderr,
                                ProcessReaper reaper) throws IOException {
        Process process = new ProcessBuilder(command).start();
        reaper.track(process);
        process.getOutputStream().close();
        CompletableFuture<Void> out = drain(process.getInputStream(), stdout, name + "-stdout");
        CompletableFuture<Void> err = drain(process.getErrorStream(), stderr, name + "-stderr");
        // The exit is reported once every line is read, so a caller that sees it has also seen the last words.
        CompletableFuture<Integer> exit = CompletableFuture.allOf(out, err).thenCompose(v -> process.onExit())
                .thenApply(Process::exitValue);
        return new ManagedProcess(process, exit);
    }

    private static CompletableFuture<Void> drain(InputStream in, Consumer<String> lines, String threadName) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    try {
                        lines.accept(line);
                    } catch (RuntimeException e) {
                        // A faulty consumer must not stop the draining, or kubectl blocks on a full pipe.
                    }
                }
            } catch (IOException e) {
                // The stream closes when the process is destroyed.
            } finally {
                done.complete(null);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** Completes with the exit code once the process has ended and all its output is read. */
    CompletableFuture<Integer> exit() {
        return exit;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        ProcessReaper.kill(process);
    }
}
