package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.IOException;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Whether a run's alert plays a sound, remembered between runs; on unless turned off (View > Sound on run alerts). */
public final class AlertSettings {

    static final String KEY_SOUND = "alerts.sound";

    private final BooleanProperty sound = new SimpleBooleanProperty(this, "sound", true);

    public AlertSettings(SettingsStore settings) {
        sound.set(settings == null || settings.get(KEY_SOUND).map(Boolean::parseBoolean).orElse(true));
        sound.addListener((obs, was, now) -> {
            if (settings == null) {
                return;
            }
            settings.put(KEY_SOUND, Boolean.toString(now));
            try {
                settings.save();
            } catch (IOException e) {
                // Only the next start's choice is lost; this window keeps it.
            }
        });
    }

    public BooleanProperty soundProperty() {
        return sound;
    }
}
