package uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;

/**
 * Writes what a window shows to {@code target/screenshots/NAME.png}, so that a person can look at each screen the
 * UI tests walk through. Converts pixels by hand to avoid a dependency on javafx-swing.
 */
public final class Screenshots {
    private Screenshots() {
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
