package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;

class DesktopAlertsTest {

    @Test
    void theTestsGlassHasNoDesktopSoNothingReachesARealTray() {
        // Surefire runs the window tests on Monocle: a run's alert there must never touch AWT's tray.
        assertThat(DesktopAlerts.hasDesktop()).isFalse();
    }

    @Test
    void closingTwiceAndAnAlertAfterClosingAreHarmless() {
        DesktopAlerts alerts = new DesktopAlerts();
        alerts.close();
        assertThatCode(() -> {
            alerts.close();
            alerts.raise(new RunAlert(RunAlert.Kind.COMPLETE, "Recluster run complete", "Complete."), true);
        }).doesNotThrowAnyException();
    }

    @Test
    void theChimeIsBundled() {
        assertThat(DesktopAlerts.class.getResource(DesktopAlerts.CHIME)).isNotNull();
    }
}
