package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The common frame of a step: a title, a sentence on what it does in runbook terms, then its content. */
public final class StepLayout {
    private StepLayout() {
    }

    public static VBox page(String title, String intro, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.STEP_TITLE);
        // Zoomed in on a shared screen, a long title wraps rather than end in "...".
        heading.setWrapText(true);
        Label introLabel = new Label(intro);
        introLabel.getStyleClass().add(Styles.STEP_INTRO);
        introLabel.setWrapText(true);
        VBox page = new VBox(heading, introLabel);
        page.getChildren().addAll(content);
        Em.spacing(page, 0.92);
        Em.padding(page, 1.23, 1.54, 1.23, 1.54);
        return page;
    }

    public static ScrollPane scrolling(Node page) {
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent;");
        return scroll;
    }

    public static GridPane facts() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add(Styles.FACTS);
        return grid;
    }

    /** The facts' values give way (wrap) when the page is narrow, never their names. */
    public static void valuesGiveWay(GridPane facts) {
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        values.setMinWidth(0);
        facts.getColumnConstraints().setAll(names, values);
    }

    public static void addFact(GridPane grid, int row, String name, Node value) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.FACT_NAME);
        // A fact's name is never cut to "..."; its value wraps or gives way instead.
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.getStyleClass().add(Styles.FACT_VALUE);
        grid.add(n, 0, row);
        grid.add(value, 1, row);
    }
}
