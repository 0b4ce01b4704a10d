package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;

/**
 * Where a run's alert goes: the desktop's notification, sound and taskbar in the app ({@link DesktopAlerts}), a
 * record of what was raised in the window tests, which must not reach a real tray.
 */
public interface Alerts {

    /**
     * Raises {@code alert}: a notification and a request for the user's attention, and a short sound when
     * {@code sound}. Never throws; a desktop that has none of these simply shows nothing.
     */
    void raise(RunAlert alert, boolean sound);

    /** Gives back what the alerts hold (a tray icon); nothing by default. */
    default void close() {
    }
}
