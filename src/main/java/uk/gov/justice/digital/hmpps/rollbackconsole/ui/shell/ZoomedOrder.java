package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * A page whose parts come in another order when zoomed in: at 150 % and more a 1280x720 screen shows a few lines of
 * a page, and the number that matters (Preview's counts, the value compared with event_timestamp) must be among them,
 * for the lead and for the people watching; explanations follow it there instead of leading.
 */
public final class ZoomedOrder {

    /** From this zoom on (in per cent), the zoomed order is used. */
    public static final int FROM_PERCENT = 150;

    private ZoomedOrder() {
    }

    /**
     * Shows {@code page}'s children in their present order below {@link #FROM_PERCENT} and in {@code zoomed} (the
     * same nodes, reordered) from it, following the zoom of the window the page is shown in.
     */
    public static void apply(Pane page, List<Node> zoomed) {
        List<Node> normal = new ArrayList<>(page.getChildren());
        if (normal.size() != zoomed.size() || !normal.containsAll(zoomed)) {
            throw new IllegalArgumentException("the zoomed order must hold the page's own parts, each once");
        }
        Presenter.follow(page, n -> {
            List<Node> wanted = zoomedIn(n) ? zoomed : normal;
            if (!page.getChildren().equals(wanted)) {
                // The part being typed in keeps the keyboard: taken out and put back, it would lose it.
                Node focused = page.getScene() == null ? null : page.getScene().getFocusOwner();
                page.getChildren().setAll(wanted);
                if (focused != null && focused.getScene() != null && !focused.isFocused()) {
                    focused.requestFocus();
                }
            }
        });
    }

    /** True when the window {@code node} is shown in is zoomed to {@link #FROM_PERCENT} or more. */
    public static boolean zoomedIn(Node node) {
        return Presenter.emFor(node) >= Presenter.BASE_FONT_PX * FROM_PERCENT / 100.0 - 0.01;
    }
}
