package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Dropping an exported file on the window reviews it. One file, named {@code .json}; anything else is not taken,
 * so the pointer shows that the drop would do nothing. The file is copied by nobody: the drop takes its path only.
 */
public final class ReviewDrop {

    private ReviewDrop() {
    }

    /** The file to review if {@code files} is one {@code .json} file, whatever the case of its extension. */
    public static Optional<Path> reviewable(List<Path> files) {
        if (files.size() != 1 || files.get(0).getFileName() == null) {
            return Optional.empty();
        }
        Path file = files.get(0);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? Optional.of(file)
                : Optional.empty();
    }

    /**
     * Makes {@code target} take dropped files; {@code drop} is given their paths and says whether it took them.
     * The source is offered a copy, never a move, so a file manager leaves the file where it is.
     */
    public static void install(Node target, Predicate<List<Path>> drop) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && e.getDragboard().hasFiles()
                    && reviewable(paths(e.getDragboard().getFiles())).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            boolean taken = e.getDragboard().hasFiles() && drop.test(paths(e.getDragboard().getFiles()));
            e.setDropCompleted(taken);
            e.consume();
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}
