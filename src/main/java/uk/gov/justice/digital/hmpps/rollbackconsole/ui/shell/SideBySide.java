package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Two parts of a page side by side while the page is wide enough for both, one above the other when it is not
 * (zoomed in): a form and what it found are on one 1280x720 screen at 100 %, and still readable, scrolled, at 200 %.
 * Widths are in em of the window's font, so the switch follows the zoom.
 */
public final class SideBySide extends Region {

    private final Node left;
    private final Node right;
    private final double twoColumnsFromEm;
    private final double leftShare;
    private double gapEm = 1.23;

    /**
     * @param twoColumnsFromEm the narrowest page, in em, that holds both parts side by side
     * @param leftShare        the left part's share of the width when side by side (0 to 1)
     */
    public SideBySide(Node left, Node right, double twoColumnsFromEm, double leftShare) {
        this.left = left;
        this.right = right;
        this.twoColumnsFromEm = twoColumnsFromEm;
        this.leftShare = leftShare;
        getChildren().addAll(left, right);
    }

    /** True when the parts stand side by side at the width the page has now. */
    public boolean sideBySide() {
        return twoColumns(getWidth());
    }

    private boolean twoColumns(double width) {
        return width >= twoColumnsFromEm * Presenter.emFor(this);
    }

    private double gap() {
        return gapEm * Presenter.emFor(this);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(left.minWidth(-1), right.minWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(left.prefWidth(-1), right.prefWidth(-1));
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        double height;
        if (twoColumns(w)) {
            height = Math.max(heightOf(left, leftWidth(w)), heightOf(right, w - leftWidth(w) - gap()));
        } else {
            double l = heightOf(left, w);
            double r = heightOf(right, w);
            height = l + r + (l > 0 && r > 0 ? gap() : 0);
        }
        return snappedTopInset() + snappedBottomInset() + height;
    }

    private double leftWidth(double w) {
        return Math.floor((w - gap()) * leftShare);
    }

    private static double heightOf(Node n, double width) {
        return n.isManaged() ? n.prefHeight(width) : 0;
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        if (twoColumns(w)) {
            double lw = leftWidth(w);
            double rw = w - lw - gap();
            left.resizeRelocate(x, y, lw, heightOf(left, lw));
            right.resizeRelocate(x + lw + gap(), y, rw, heightOf(right, rw));
        } else {
            double l = heightOf(left, w);
            left.resizeRelocate(x, y, w, l);
            right.resizeRelocate(x, y + l + (l > 0 ? gap() : 0), w, heightOf(right, w));
        }
    }
}
