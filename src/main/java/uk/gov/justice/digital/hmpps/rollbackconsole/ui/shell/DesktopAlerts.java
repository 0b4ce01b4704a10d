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
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;

/**
 * A run's alert on the desktop, for a lead on a call or in another window: a notification ({@code notify-send} on
 * Linux, the system tray's message elsewhere or when that fails), a request for attention in the taskbar or dock
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
        // On Linux the desktop's own notifications come first (freedesktop, through notify-send): there AWT's tray
        // "message" is a balloon AWT draws beside its icon, which the notification daemon never sees (neither kept
        // nor shown over a full-screen share), and the tray AWT finds may be one nobody looks at. The tray is the
        // fallback when notify-send is missing or no daemon answers it.
        if (LINUX && notifySend(alert)) {
            return;
        }
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
        }
    }

    static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");

    /**
     * The alert as a freedesktop notification; false when there is no {@code notify-send} or it failed (no
     * notification daemon on the session bus, no session bus), so that the caller can try the tray.
     */
    static boolean notifySend(RunAlert alert) throws Exception {
        String notifySend = onPath("notify-send");
        if (notifySend == null) {
            return false;
        }
        String urgency = alert.kind() == RunAlert.Kind.COMPLETE ? "normal" : "critical";
        Process p = new ProcessBuilder(notifySend, "--app-name=Rollback Console", "--urgency=" + urgency,
                "--category=" + category(alert.kind()), alert.title(), alert.text())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroy();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** The freedesktop notification category of each kind, which a desktop may sound or show differently. */
    static String category(RunAlert.Kind kind) {
        return switch (kind) {
            case COMPLETE -> "transfer.complete";
            case FAILED -> "transfer.error";
            case DECISION -> "transfer";
        };
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
            play(audio.getFormat(), audio.readAllBytes());
        } catch (Exception | LinkageError e) {
            // No audio device (a remote desktop, a server): the toolkit's beep is better than silence.
            Toolkit.getDefaultToolkit().beep();
        }
    }

    /**
     * Plays {@code sound} to its end, on this (the alerts') thread. A line, not a {@link javax.sound.sampled.Clip}: a
     * device that starts only once its buffer is full (ALSA's default device through PulseAudio, as on most Linux
     * desktops) played nothing of the short chime, in a Clip or a line alike, nor with half a second of silence after
     * it; with two of the line's buffers of silence, and at least a second, after it, the device plays it whole.
     */
    static void play(AudioFormat format, byte[] sound) throws Exception {
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            line.write(sound, 0, sound.length);
            int frames = Math.max(2 * line.getBufferSize() / format.getFrameSize(), Math.round(format.getFrameRate()));
            byte[] silence = new byte[frames * format.getFrameSize()];
            line.write(silence, 0, silence.length);
            line.drain();
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

    /** Waits for the alerts raised before {@link #close} to have been shown and heard; for checks on a desktop. */
    boolean awaitClosed(long seconds) throws InterruptedException {
        return worker.awaitTermination(seconds, java.util.concurrent.TimeUnit.SECONDS);
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
