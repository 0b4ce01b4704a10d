package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.Taskbar;

import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.Mixer;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;

/**
 * Raises a run's three kinds of alert through the console's real {@link DesktopAlerts} on the desktop it is started
 * on, and says what that desktop offers each part of an alert. Run by {@code packaging/check-alerts.sh}, which starts
 * the desktop (X server, session bus, notification daemon, sound server) and checks what arrived; not a unit test.
 *
 * <pre>java -cp target/classes:target/test-classes uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.AlertsCheck</pre>
 */
public final class AlertsCheck {

    private AlertsCheck() {
    }

    public static void main(String[] args) throws Exception {
        // The same pod name as a run's alert would carry; nothing about a person, as in the real alerts.
        String pod = "hmpps-person-record-7c9d5b6f4-x2x9q";
        RunAlert[] alerts = {
            new RunAlert(RunAlert.Kind.COMPLETE, RunAlert.Kind.COMPLETE.title(),
                    "Complete. 1,000 of 1,000 records done, on pod " + pod + "."),
            new RunAlert(RunAlert.Kind.FAILED, RunAlert.Kind.FAILED.title(),
                    "Run failed: the service answered 500 to batch 2. 500 of 1,000 records done, on pod " + pod + "."),
            new RunAlert(RunAlert.Kind.DECISION, RunAlert.Kind.DECISION.title(),
                    "Batch 2: outcome unknown. 500 of 1,000 records done, on pod " + pod + "."),
        };
        say("desktop", DesktopAlerts.hasDesktop() ? "yes (DISPLAY " + System.getenv("DISPLAY") + ")"
                : "none (headless AWT or Monocle): nothing is raised");
        say("notify-send", String.valueOf(DesktopAlerts.onPath("notify-send")));
        boolean headless = GraphicsEnvironment.isHeadless();
        say("tray", headless ? "no (headless)" : SystemTray.isSupported() ? "supported" : "not supported (no tray on this desktop)");
        if (headless || !Taskbar.isTaskbarSupported()) {
            say("attention", "not supported: AWT has no taskbar here, so no taskbar or dock attention request");
        } else {
            say("attention", Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION)
                    ? "supported (Taskbar USER_ATTENTION)" : "not supported: AWT's taskbar here has no USER_ATTENTION");
        }
        try {
            Clip clip = AudioSystem.getClip();
            Mixer.Info mixer = null;
            for (Mixer.Info m : AudioSystem.getMixerInfo()) {
                if (AudioSystem.getMixer(m).isLineSupported(clip.getLineInfo())) {
                    mixer = m;
                    break;
                }
            }
            say("audio", "a clip line" + (mixer == null ? "" : " on " + mixer.getName() + " (" + mixer.getDescription() + ")"));
            clip.close();
        } catch (Exception | LinkageError e) {
            say("audio", "no clip line (" + e + "): the toolkit's beep instead");
        }
        DesktopAlerts desktop = new DesktopAlerts();
        for (RunAlert alert : alerts) {
            desktop.raise(alert, true);
            say("raised", alert.kind() + ": " + alert.title());
            // One after the other, as a run's alerts come: the chime is under a second.
            Thread.sleep(1500);
        }
        desktop.close();
        // Every notification sent and every chime played out before the process ends.
        if (!desktop.awaitClosed(60)) {
            say("raised", "the alerts were not all done within 60 s");
            System.exit(1);
        }
        System.exit(0);
    }

    private static void say(String what, String value) {
        System.out.println(what + ": " + value);
    }
}
