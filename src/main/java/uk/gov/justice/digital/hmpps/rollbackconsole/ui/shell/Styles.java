package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

/** Style-class names used in app.css; views refer to these constants, never to colours. */
public final class Styles {
    private Styles() {
    }

    public static final String STEP_TITLE = "step-title";
    public static final String STEP_INTRO = "step-intro";
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_STEP = "sidebar-step";
    public static final String SIDEBAR_SCROLL = "sidebar-scroll";
    /** The tick before a step that is complete. */
    public static final String SIDEBAR_TICK = "sidebar-tick";
    public static final String NAV_BAR = "nav-bar";
    public static final String STATUS_BAR = "status-bar";
    public static final String BANNER = "environment-banner";
    public static final String BANNER_STEP = "banner-step";
    /** The banner's warning that the replica's environment and the namespace's disagree. */
    public static final String BANNER_MISMATCH = "banner-mismatch";
    public static final String AUDIENCE_CARD = "audience-card";
    public static final String AUDIENCE_NOW = "audience-now";
    public static final String AUDIENCE_BAR = "audience-bar";
    public static final String COMMAND_PANE = "command-pane";
    public static final String MESSAGE = "message";
    public static final String MESSAGE_ERROR = "message-error";
    public static final String MESSAGE_WARNING = "message-warning";
    public static final String MESSAGE_OK = "message-ok";
    public static final String MESSAGE_INFO = "message-info";
    /** The sign before a message that says its kind (error, warning, success, information). */
    public static final String MESSAGE_ICON = "message-icon";
    public static final String FACTS = "facts";
    public static final String FACT_NAME = "fact-name";
    public static final String FACT_VALUE = "fact-value";
    public static final String MONOSPACE = "monospace";
    public static final String BIG_NUMBER = "big-number";
    public static final String CARD = "card";
    public static final String PRIMARY = "primary";
    public static final String UTC_LINE = "utc-line";

    public static final String SECTION_TITLE = "section-title";
    public static final String NUMBER_COLUMN = "number-column";

    // The offline review.
    public static final String REVIEW = "review";
    public static final String REVIEW_HEADER = "review-header";
    public static final String REVIEW_STATUS = "review-status";
    public static final String REVIEW_BODY = "review-body";
    public static final String REVIEW_PANE = "review-pane";
    public static final String VERDICT = "verdict";
    public static final String VERDICT_HEADLINE = "verdict-headline";
    public static final String VERDICT_DETAIL = "verdict-detail";
    public static final String VERDICT_SAFE = "verdict-safe";
    public static final String VERDICT_NOT_SAFE = "verdict-not-safe";
    public static final String VERDICT_NOTHING = "verdict-nothing";
    public static final String VERDICT_CAUTION = "verdict-caution";
    /** A count card whose number is not what it seems at a glance (rows that are events, not records): amber. */
    public static final String CARD_CAUTION = "card-caution";
    public static final String SEVERITY_ERROR = "severity-error";
    public static final String SEVERITY_WARNING = "severity-warning";
    public static final String COMPARE_COUNTS = "compare-counts";
    public static final String EXCERPT = "excerpt";
    public static final String EXCERPT_SCROLL = "excerpt-scroll";
    public static final String EXCERPT_LINE = "excerpt-line";
    public static final String EXCERPT_MARKED = "excerpt-marked";
    public static final String EXCERPT_CARET = "excerpt-caret";
    public static final String PROGRESS_OVERALL = "progress-overall";

    // The Outcome step and the recent incidents.
    public static final String OUTCOME = "outcome";
    public static final String COMPARISON_CHART = "comparison-chart";
    /** The Outcome step's leading line; with VERDICT_SAFE when attention fell, VERDICT_CAUTION or VERDICT_NOTHING. */
    public static final String OUTCOME_VERDICT = "outcome-verdict";
    /** A difference in the comparison: fewer needing attention; more; a status that changed; no change. */
    public static final String DIFFERENCE_BETTER = "difference-better";
    public static final String DIFFERENCE_WORSE = "difference-worse";
    public static final String DIFFERENCE_CHANGED = "difference-changed";
    public static final String DIFFERENCE_NONE = "difference-none";
    public static final String INCIDENTS = "incidents";

    /**
     * The step's own action is the primary button until it is done (connected, exported, the after statistics
     * taken); then Next is the only primary one, so that two blue buttons never compete for the lead's eye. A default
     * button (Enter) stops being the default with it.
     */
    public static void primaryUntil(javafx.scene.control.Button action, javafx.beans.value.ObservableBooleanValue done) {
        boolean wasDefault = action.isDefaultButton();
        Runnable show = () -> {
            action.getStyleClass().remove(PRIMARY);
            if (!done.get()) {
                action.getStyleClass().add(PRIMARY);
            }
            if (wasDefault) {
                action.setDefaultButton(!done.get());
            }
        };
        done.addListener((o, was, now) -> show.run());
        // Held by the button: a binding nobody holds stops passing on changes.
        action.getProperties().put("primary-until", done);
        show.run();
    }
}
