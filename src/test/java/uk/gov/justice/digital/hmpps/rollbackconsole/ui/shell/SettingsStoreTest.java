package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void settingsSurviveARestart() throws Exception {
        Path file = dir.resolve("nested/settings.properties");
        SettingsStore first = new SettingsStore(file);
        first.put("connect.host", "replica.example");
        first.save();

        SettingsStore second = new SettingsStore(file);
        assertThat(second.get("connect.host")).contains("replica.example");
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aPasswordCanNeverBeStored() {
        SettingsStore store = new SettingsStore(dir.resolve("s.properties"));
        assertThatThrownBy(() -> store.put("connect.password", "secret")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDamagedFileStartsEmptyInsteadOfFailing() throws Exception {
        Path file = dir.resolve("s.properties");
        Files.write(file, new byte[] {'a', '=', '\\', 'u', 'z', 'z'});
        assertThat(new SettingsStore(file).get("a")).isEmpty();
    }
}
