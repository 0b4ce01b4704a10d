package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import javafx.geometry.Orientation;
import javafx.scene.control.Control;
import javafx.scene.layout.Region;

import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Presenter;

/**
 * A field and its button on one line while the field's whole value fits beside the button; otherwise the field takes
 * the whole width and the button goes under it. The context drop-down shows a context's whole name
 * ("live.cloud-platform.service.justice.gov.uk") at 150 % in bold high contrast and at 200 %, where beside "Read
 * contexts" it ended in "...".
 */
final class ButtonBeside extends Region {

    private static final double GAP_EM = 0.46;

    private final Control field;
    private final Control button;
    private final java.util.function.DoubleSupplier wanted;

    /**
     * @param wanted how wide the field must be to show its value whole (a drop-down's own preferred width is that of
     *               its list, wider than its value)
     */
    ButtonBeside(Control field, Control button, java.util.function.DoubleSupplier wanted) {
        this.field = field;
        this.button = button;
        this.wanted = wanted;
        getChildren().addAll(field, button);
    }

    private double gap() {
        return GAP_EM * Presenter.emFor(this);
    }

    private boolean oneLine(double width) {
        return wanted.getAsDouble() + gap() + button.prefWidth(-1) <= width;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(field.minWidth(-1), button.prefWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + wanted.getAsDouble() + gap() + button.prefWidth(-1);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double w = (width < 0 ? getWidth() : width) - snappedLeftInset() - snappedRightInset();
        double f = field.prefHeight(-1);
        double b = button.prefHeight(-1);
        return snappedTopInset() + snappedBottomInset() + (w <= 0 || oneLine(w) ? Math.max(f, b) : f + gap() + b);
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double f = field.prefHeight(-1);
        double b = button.prefHeight(-1);
        double bw = button.prefWidth(-1);
        if (oneLine(w)) {
            double h = Math.max(f, b);
            field.resizeRelocate(x, y, w - gap() - bw, h);
            button.resizeRelocate(x + w - bw, y, bw, h);
        } else {
            field.resizeRelocate(x, y, w, f);
            button.resizeRelocate(x, y + f + gap(), bw, b);
        }
    }
}
