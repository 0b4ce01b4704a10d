package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A note on disk of each long-running kubectl the console starts (port-forwards, log follows), removed when it
 * ends. The console kills its processes on exit and from a shutdown hook, but a console killed outright (kill -9,
 * a power cut) cannot; the next start reads the notes and ends what is still running, so that no port-forward to a
 * pod's admin port is left open behind it.
 */
public final class ProcessLedger {

    private final Path folder;

    public ProcessLedger(Path folder) {
        this.folder = folder;
    }

    /** {@code $XDG_STATE_HOME/rollback-console/processes}, or {@code ~/.local/state/...}. */
    public static Path defaultFolder() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("rollback-console").resolve("processes");
    }

    public Path folder() {
        return folder;
    }

    /** Notes a process started by this console; the note goes when the process ends. */
    void record(Process process) {
        Path note = folder.resolve(Long.toString(process.pid()));
        try {
            Files.createDirectories(folder);
            String started = process.info().startInstant().map(Instant::toString).orElse("");
            Path tmp = Files.createTempFile(folder, ".note", ".tmp");
            Files.writeString(tmp, started + "\n" + process.info().commandLine().orElse("kubectl"), StandardCharsets.UTF_8);
            Files.move(tmp, note, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Without the note only a console killed outright leaves this process behind; never a reason to fail.
            return;
        }
        process.onExit().thenRun(() -> {
            try {
                Files.deleteIfExists(note);
            } catch (IOException ignored) {
                // The next start finds the process gone and removes the note then.
            }
        });
    }

    /**
     * Ends the processes an earlier console noted and left running, and clears the notes. A process is ended only
     * if it is the one noted: same pid and same start time (a pid can be reused by something else entirely).
     *
     * @return how many were ended
     */
    public int endLeftovers() {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int ended = 0;
        List<Path> notes;
        try (var listing = Files.list(folder)) {
            notes = listing.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
        } catch (IOException e) {
            return 0;
        }
        for (Path note : notes) {
            try {
                long pid = Long.parseLong(note.getFileName().toString());
                String started = Files.readString(note, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                Optional<ProcessHandle> process = ProcessHandle.of(pid);
                if (process.isPresent() && process.get().isAlive() && !started.isEmpty()
                        && process.get().info().startInstant().map(i -> i.toString().equals(started)).orElse(false)) {
                    process.get().descendants().forEach(ProcessHandle::destroyForcibly);
                    process.get().destroyForcibly();
                    ended++;
                }
                Files.deleteIfExists(note);
            } catch (IOException | NumberFormatException e) {
                // An unreadable note names nothing that can be safely ended.
            }
        }
        return ended;
    }
}
