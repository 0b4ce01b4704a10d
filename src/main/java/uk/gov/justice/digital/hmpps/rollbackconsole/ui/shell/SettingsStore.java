package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The settings remembered between runs (host, port, database, user, environment, TLS, zone, folders), in a small
 * properties file. Passwords have no key here and are never stored: the user types them, or pgjdbc reads .pgpass.
 */
public final class SettingsStore {

    private final Path file;
    private final Properties values = new Properties();

    public SettingsStore(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file only costs the user some typing; never a reason not to start.
                values.clear();
            }
        }
    }

    /** {@code $XDG_CONFIG_HOME/rollback-console/settings.properties}, or the platform's equivalent. */
    public static Path defaultFile() {
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        Path base;
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            base = Path.of(System.getenv("APPDATA"));
        } else if (os.contains("mac")) {
            base = home.resolve("Library").resolve("Application Support");
        } else if (System.getenv("XDG_CONFIG_HOME") != null && !System.getenv("XDG_CONFIG_HOME").isBlank()) {
            base = Path.of(System.getenv("XDG_CONFIG_HOME"));
        } else {
            base = home.resolve(".config");
        }
        return base.resolve("rollback-console").resolve("settings.properties");
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public void put(String key, String value) {
        if (key.toLowerCase().contains("password")) {
            throw new IllegalArgumentException("passwords are never stored");
        }
        if (value == null || value.isBlank()) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** Writes to a temporary file and renames it, so a crash never leaves half a settings file. */
    public void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(out, "Rollback Console settings (no passwords are ever stored here)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
