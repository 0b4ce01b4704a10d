package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * The incidents on this machine: one folder each under a root, named by when it started (UTC) and where, e.g.
 * {@code 2025-06-10T14-02-00Z-prod}, each holding its journal and the files it produced.
 */
public final class IncidentStore {

    // Hyphens instead of colons: a colon is not allowed in a Windows file name.
    private static final DateTimeFormatter FOLDER_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;

    public IncidentStore(Path root, Clock clock) {
        this.root = Objects.requireNonNull(root, "root");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code $XDG_DATA_HOME/rollback-console/incidents}, or the platform's equivalent. */
    public static Path defaultRoot() {
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        Path base;
        String xdg = System.getenv("XDG_DATA_HOME");
        if (os.contains("win") && System.getenv("LOCALAPPDATA") != null) {
            base = Path.of(System.getenv("LOCALAPPDATA"));
        } else if (os.contains("mac")) {
            base = home.resolve("Library").resolve("Application Support");
        } else if (xdg != null && !xdg.isBlank()) {
            base = Path.of(xdg);
        } else {
            base = home.resolve(".local").resolve("share");
        }
        return base.resolve("rollback-console").resolve("incidents");
    }

    public Path root() {
        return root;
    }

    /** Starts an incident in a new folder under the root, its journal opened with the incident-started entry. */
    public IncidentJournal start(Environment environment, String appVersion) throws IOException {
        Files.createDirectories(root);
        String name = FOLDER_TIME.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + "-" + environment.label();
        // Two incidents in the same second get -2, -3...: a folder is never shared.
        for (int n = 1; ; n++) {
            Path folder = root.resolve(n == 1 ? name : name + "-" + n);
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            return start(folder, environment, appVersion);
        }
    }

    /** Starts an incident in a folder the user chose. */
    public IncidentJournal start(Path folder, Environment environment, String appVersion) throws IOException {
        IncidentJournal journal = IncidentJournal.create(folder, clock);
        try {
            journal.append(new JournalEntry.IncidentStarted(appVersion, environment));
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /**
     * Opens an incident's journal to carry it on: entries are appended to the same journal, after a torn last
     * line is cut off (and kept beside it).
     */
    public IncidentJournal resume(Path folder) throws IOException {
        return IncidentJournal.resume(folder, clock);
    }

    /** Reads an incident without writing to it. */
    public IncidentState open(Path folder) throws IOException {
        return IncidentState.of(folder, new JournalReader().read(folder.resolve(IncidentJournal.FILE_NAME)));
    }

    /** The incidents under the root, newest first; one whose journal cannot be read is listed with the reason. */
    public List<IncidentSummary> recent(int limit) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<IncidentSummary> all = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(IncidentJournal.FILE_NAME)))
                    .toList()) {
                all.add(summarise(folder));
            }
        }
        all.sort(Comparator.comparing((IncidentSummary s) -> s.started() == null ? Instant.MIN : s.started())
                .thenComparing(s -> s.folder().getFileName().toString()).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    private IncidentSummary summarise(Path folder) {
        try {
            IncidentState state = open(folder);
            // A run that is over is at the Outcome, whatever its last entry was: that is where resuming lands.
            IncidentStep step = state.sendFinished() && state.step().compareTo(IncidentStep.OUTCOME) < 0
                    ? IncidentStep.OUTCOME : state.step();
            return new IncidentSummary(folder, state.started(), state.environment(), step, state.finished(),
                    state.note(), state.sent().size(), state.outcomeUnknown().size(), state.notSent().size());
        } catch (IOException | RuntimeException e) {
            return new IncidentSummary(folder, null, null, IncidentStep.CONNECT, false,
                    Optional.of(IncidentSummary.UNREADABLE + ": " + e.getMessage()));
        }
    }
}
