package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.SettingsStore;

/**
 * The files last opened for review, newest first, remembered in the settings as {@code review.recent.0} to
 * {@code review.recent.7}. Only their paths are kept, never anything read from them.
 */
public final class RecentFiles {

    public static final int MAX = 8;
    static final String KEY = "review.recent.";

    private final SettingsStore settings;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(SettingsStore settings) {
        this.settings = settings;
        List<Path> loaded = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            parse(settings.get(KEY + i)).filter(p -> !loaded.contains(p)).ifPresent(loaded::add);
        }
        files.setAll(loaded);
    }

    public ObservableList<Path> files() {
        return readOnly;
    }

    /** Puts the file first, once; the oldest drops off past {@link #MAX}. */
    public void add(Path file) {
        Path p = normal(file);
        List<Path> next = new ArrayList<>(files);
        next.remove(p);
        next.add(0, p);
        store(next.size() > MAX ? next.subList(0, MAX) : next);
    }

    public void remove(Path file) {
        List<Path> next = new ArrayList<>(files);
        if (next.remove(normal(file))) {
            store(next);
        }
    }

    public void clear() {
        store(List.of());
    }

    private void store(List<Path> next) {
        files.setAll(next);
        for (int i = 0; i < MAX; i++) {
            settings.put(KEY + i, i < next.size() ? next.get(i).toString() : null);
        }
        try {
            settings.save();
        } catch (IOException ignored) {
            // Remembering recent files is a convenience; the review itself does not depend on it.
        }
    }

    private static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static Optional<Path> parse(Optional<String> value) {
        try {
            return value.map(Path::of).map(RecentFiles::normal);
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
