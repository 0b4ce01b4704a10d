package uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.testfx.util.WaitForAsyncUtils;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;

/**
 * Writes what a window shows to {@code target/screenshots/NAME.png}, so that a person can look at each screen the
 * UI tests walk through. Converts pixels by hand to avoid a dependency on javafx-swing.
 */
public final class Screenshots {
    private Screenshots() {
    }

    /** True when the run asked for the grid ({@code -Dscreens.grid=true}). */
    public static boolean gridWanted() {
        return Boolean.getBoolean("screens.grid");
    }

    /**
     * Saves {@code shown} as {@code target/screenshots/grid/NAME-ZOOM-LOOK.png} at 100, 150 and 200 %, in the light,
     * dark and high-contrast themes of {@code presenter} (the main window's, which the windows over it follow), with
     * {@code main} at 1280 x 720. {@code shown} is the main window itself, or a window beside it that follows its
     * look while open (the keyboard shortcuts); for one that blocks it while open, see {@link #gridOpened}. The
     * windows are put back as they were afterwards, scroll positions included, so that the test carries on.
     */
    public static void grid(Stage main, Presenter presenter, Window shown, String name) {
        grid(main, presenter, shown, name, shot -> { });
    }

    /** As {@link #grid(Stage, Presenter, Window, String)}, calling {@code afterEach} with each image's name once saved. */
    public static void grid(Stage main, Presenter presenter, Window shown, String name,
                            java.util.function.Consumer<String> afterEach) {
        try {
            double width = main.getWidth();
            double height = main.getHeight();
            int zoom = presenter.zoomProperty().get();
            boolean dark = presenter.darkProperty().get();
            boolean contrast = presenter.highContrastProperty().get();
            Map<ScrollPane, double[]> scrolled = new HashMap<>();
            onFx(() -> main.getScene().getRoot().lookupAll(".scroll-pane").forEach(n -> {
                if (n instanceof ScrollPane sp) {
                    scrolled.put(sp, new double[] {sp.getHvalue(), sp.getVvalue()});
                }
            }));
            for (int percent : new int[] {100, 150, 200}) {
                for (String look : new String[] {"light", "dark", "contrast"}) {
                    showLook(main, presenter, percent, look);
                    settle();
                    save(shown.getScene(), "grid/" + name + "-" + percent + "-" + look);
                    afterEach.accept("grid/" + name + "-" + percent + "-" + look);
                }
            }
            onFx(() -> {
                presenter.zoomProperty().set(zoom);
                presenter.darkProperty().set(dark);
                presenter.highContrastProperty().set(contrast);
                main.setWidth(width);
                main.setHeight(height);
            });
            settle();
            onFx(() -> scrolled.forEach((sp, at) -> {
                sp.setHvalue(at[0]);
                sp.setVvalue(at[1]);
            }));
            settle();
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not save the screenshots of " + name, e);
        }
    }

    /**
     * For a window that is opened over the main one and blocks it while open (a dialog, the About box), so that the
     * look cannot change under it: in each zoom and theme of {@code presenter}, with {@code main} at 1280 x 720,
     * {@code open} opens it anew (from the test's thread; it returns once the window shows), it is saved at the size
     * it opened at as {@code target/screenshots/grid/NAME-ZOOM-LOOK.png}, and hidden again. The look is put back.
     */
    public static void gridOpened(Stage main, Presenter presenter, String name, java.util.function.Supplier<Window> open) {
        double width = main.getWidth();
        double height = main.getHeight();
        int zoom = presenter.zoomProperty().get();
        boolean dark = presenter.darkProperty().get();
        boolean contrast = presenter.highContrastProperty().get();
        for (int percent : new int[] {100, 150, 200}) {
            for (String look : new String[] {"light", "dark", "contrast"}) {
                showLook(main, presenter, percent, look);
                settle();
                Window shown = open.get();
                settle();
                save(shown.getScene(), "grid/" + name + "-" + percent + "-" + look);
                onFx(shown::hide);
                settle();
            }
        }
        onFx(() -> {
            presenter.zoomProperty().set(zoom);
            presenter.darkProperty().set(dark);
            presenter.highContrastProperty().set(contrast);
            main.setWidth(width);
            main.setHeight(height);
        });
        settle();
    }

    /** The main window on a 1280 x 720 screen at {@code percent}, in {@code look} (light, dark or contrast). */
    private static void showLook(Stage main, Presenter presenter, int percent, String look) {
        onFx(() -> {
            main.setWidth(1280);
            main.setHeight(720);
            presenter.zoomProperty().set(percent);
            presenter.darkProperty().set(look.equals("dark"));
            presenter.highContrastProperty().set(look.equals("contrast"));
        });
    }

    private static void onFx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two rounds of pulses: layouts that depend on the zoom (side by side, wrapping) settle. */
    private static void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static Path save(Scene scene, String name) {
        try {
            CompletableFuture<WritableImage> shot = new CompletableFuture<>();
            Platform.runLater(() -> shot.complete(scene.snapshot(null)));
            WritableImage image = shot.get(10, TimeUnit.SECONDS);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Path file = Path.of("target", "screenshots").resolve(name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(out, "png", file.toFile());
            return file;
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not save screenshot " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
