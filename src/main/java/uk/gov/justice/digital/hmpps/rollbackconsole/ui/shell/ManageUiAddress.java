package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.io.IOException;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;

/**
 * The team's manage UI base address (links are {@code BASE/cluster/PERSON_UUID}), kept in the settings file so that
 * it is typed once: empty by default, an http(s) address otherwise. The Outcome step's Paths tab and Recent
 * incidents' re-check both read it here and keep what the lead types when it is used.
 */
public final class ManageUiAddress {

    public static final String KEY = "manageUi.base";

    private final SettingsStore settings;

    /** @param settings null for an address that lives only as long as the window (tests, no settings file) */
    public ManageUiAddress(SettingsStore settings) {
        this.settings = settings;
    }

    /** The address kept, or "" when none is. */
    public String get() {
        return settings == null ? "" : settings.get(KEY, "");
    }

    /** Why {@code text} cannot serve as the address, or empty when it can (blank means: no links). */
    public static Optional<String> problem(String text) {
        return ClusterPaths.validBase(text) ? Optional.empty() : Optional.of("The manage UI address \u201c"
                + text.strip() + "\u201d is not an http(s) address with a host, e.g. https://manage-people.example.");
    }

    /**
     * Keeps {@code text} (stripped; blank removes it), which {@link #problem} has accepted. Returns what went wrong
     * writing the settings file, if anything: the address still applies to what is read now.
     */
    public Optional<String> keep(String text) {
        if (problem(text).isPresent()) {
            throw new IllegalArgumentException(problem(text).get());
        }
        String value = text == null ? "" : text.strip();
        if (settings == null || value.equals(get())) {
            return Optional.empty();
        }
        settings.put(KEY, value);
        try {
            settings.save();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("The manage UI address is used but not kept for next time: the settings file could"
                    + " not be written (" + e.getMessage() + ").");
        }
    }
}
