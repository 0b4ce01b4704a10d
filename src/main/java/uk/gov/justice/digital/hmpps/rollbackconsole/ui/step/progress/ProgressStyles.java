package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.util.List;

import javafx.scene.Node;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;

/** The style classes a run's state is drawn with (app.css): one per tone, for its headline and for its bar. */
public final class ProgressStyles {

    public static final String RUN_STATE = "run-state";
    public static final String GOING = "run-state-going";
    public static final String DECISION = "run-state-decision";
    public static final String DANGER = "run-state-danger";
    public static final String SUCCESS = "run-state-success";
    public static final List<String> TONES = List.of(GOING, DECISION, DANGER, SUCCESS);

    public static final String BAR_GOING = "run-bar-going";
    public static final String BAR_DECISION = "run-bar-decision";
    public static final String BAR_DANGER = "run-bar-danger";
    public static final String BAR_SUCCESS = "run-bar-success";
    public static final List<String> BARS = List.of(BAR_GOING, BAR_DECISION, BAR_DANGER, BAR_SUCCESS);

    private ProgressStyles() {
    }

    public static String tone(RunStatus.Tone tone) {
        return switch (tone) {
            case GOING -> GOING;
            case DECISION -> DECISION;
            case DANGER -> DANGER;
            case SUCCESS -> SUCCESS;
        };
    }

    public static String bar(RunStatus.Tone tone) {
        return switch (tone) {
            case GOING -> BAR_GOING;
            case DECISION -> BAR_DECISION;
            case DANGER -> BAR_DANGER;
            case SUCCESS -> BAR_SUCCESS;
        };
    }

    /** Gives the node {@code chosen} and none of the others in {@code set}. */
    static void only(Node node, List<String> set, String chosen) {
        node.getStyleClass().removeAll(set);
        node.getStyleClass().add(chosen);
    }
}
