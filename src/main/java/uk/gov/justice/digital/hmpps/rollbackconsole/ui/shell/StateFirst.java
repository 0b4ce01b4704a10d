package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * Keeps a step's state above the fold when the window is zoomed in (150 %, 200 % on a 1280x720 shared screen): while
 * the page is narrower than a width in em of the window's font, the sentence that introduces the step goes under the
 * state instead of above it, so that the title is followed at once by what the audience came to see. Text keeps its
 * size; only the order changes. At 100 % the page reads as every other step does.
 */
public final class StateFirst {

    private StateFirst() {
    }

    /**
     * @param page       a page of {@link StepLayout#page}: its title, its introduction, then its content
     * @param state      the content node that holds the state, a child of {@code page}
     * @param wideFromEm the narrowest page, in em, on which the introduction stays above the state
     */
    public static void whenNarrow(VBox page, Node state, double wideFromEm) {
        Node intro = page.getChildren().get(1);
        Runnable order = () -> {
            boolean narrow = page.getWidth() > 0 && page.getWidth() < wideFromEm * Presenter.emFor(page);
            int at = page.getChildren().indexOf(intro);
            int want = narrow ? page.getChildren().indexOf(state) + (at < page.getChildren().indexOf(state) ? 0 : 1) : 1;
            if (at != want) {
                page.getChildren().remove(intro);
                page.getChildren().add(want, intro);
            }
        };
        page.widthProperty().addListener(o -> order.run());
        Presenter.follow(page, n -> order.run());
    }
}
