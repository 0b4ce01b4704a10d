package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.Taskbar;
import java.awt.Toolkit;
import java.awt.TrayIcon;
import java.io.BufferedInputStream;
import java.io.File;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Clip;
import javax.sound.sampled.LineEvent;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;

/**
 * A run's alert on the desktop, for a lead on a call or in another window: a notification (the system tray's
 * message where AWT has a tray, else {@code notify-send} on Linux), a request for attention in the taskbar or dock
 * where the platform has one, and a short bundled chime (Java Sound, so no JavaFX media module is needed; the
 * toolkit's beep if no audio line opens). Everything runs on one background thread and any failure is swallowed:
 * an alert that cannot be shown must never disturb the run it reports.
 */
public final class DesktopAlerts implements Alerts {

    static final String CHIME = "sounds/run-alert.wav";

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "desktop-alerts");
        t.setDaemon(true);
        return t;
    });
    private TrayIcon tray;

    @Override
    public synchronized void raise(RunAlert alert, boolean sound) {
        if (!hasDesktop() || worker.isShutdown()) {
            return;
        }
        worker.execute(() -> {
            quietly(() -> notifyDesktop(alert));
            quietly(DesktopAlerts::requestAttention);
            if (sound) {
                quietly(DesktopAlerts::chime);
            }
        });
    }

    /** Monocle (the headless glass of the tests and kiosks) and a headless AWT have no desktop to alert on. */
    static boolean hasDesktop() {
        return !"Monocle".equalsIgnoreCase(System.getProperty("glass.platform"))
                && !GraphicsEnvironment.isHeadless();
    }

    private void notifyDesktop(RunAlert alert) throws Exception {
        TrayIcon.MessageType type = switch (alert.kind()) {
            case COMPLETE -> TrayIcon.MessageType.INFO;
            case FAILED -> TrayIcon.MessageType.ERROR;
            case DECISION -> TrayIcon.MessageType.WARNING;
        };
        if (SystemTray.isSupported()) {
            if (tray == null) {
                try (InputStream icon = DesktopAlerts.class.getResourceAsStream("icons/rollback-console-32.png")) {
                    tray = new TrayIcon(ImageIO.read(icon), "Rollback Console");
                }
                tray.setImageAutoSize(true);
                SystemTray.getSystemTray().add(tray);
            }
            tray.displayMessage(alert.title(), alert.text(), type);
            return;
        }
        String notifySend = onPath("notify-send");
        if (notifySend != null) {
            String urgency = alert.kind() == RunAlert.Kind.COMPLETE ? "normal" : "critical";
            new ProcessBuilder(notifySend, "--app-name=Rollback Console", "--urgency=" + urgency, alert.title(),
                    alert.text()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        }
    }

    private static void requestAttention() {
        if (Taskbar.isTaskbarSupported() && Taskbar.getTaskbar().isSupported(Taskbar.Feature.USER_ATTENTION)) {
            Taskbar.getTaskbar().requestUserAttention(true, false);
        }
    }

    private static void chime() throws Exception {
        try (InputStream in = DesktopAlerts.class.getResourceAsStream(CHIME)) {
            if (in == null) {
                Toolkit.getDefaultToolkit().beep();
                return;
            }
            AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(in));
            Clip clip = AudioSystem.getClip();
            clip.addLineListener(e -> {
                if (e.getType() == LineEvent.Type.STOP) {
                    clip.close();
                }
            });
            clip.open(audio);
            clip.start();
        } catch (Exception | LinkageError e) {
            // No audio device (a remote desktop, a server): the toolkit's beep is better than silence.
            Toolkit.getDefaultToolkit().beep();
        }
    }

    static String onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, command);
            if (f.isFile() && f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            // An alert that cannot be shown is no reason to disturb the run; the window's title still says it.
        }
    }

    @Override
    public synchronized void close() {
        // A window closes its console more than once (on hiding, and when its owner closes it): once is enough.
        if (worker.isShutdown()) {
            return;
        }
        worker.execute(() -> quietly(() -> {
            if (tray != null) {
                SystemTray.getSystemTray().remove(tray);
            }
        }));
        worker.shutdown();
    }
}
