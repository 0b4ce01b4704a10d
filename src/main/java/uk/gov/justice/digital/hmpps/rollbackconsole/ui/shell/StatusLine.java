package uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell;

import java.util.HashMap;
import java.util.Map;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * What the status bar says: the last message given while the step now shown was current, so that it speaks of the
 * current step, never of one left behind ("Connected: ..." on the Preview). A step with no message of its own is
 * named instead; going back to a step brings its last message back. A screen shown beside the runbook (the offline
 * review, the start screen) says its own messages; they count for the step underneath too, which is where a resumed
 * incident or a reviewed file goes on.
 */
final class StatusLine {

    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper(this, "shown", "");
    private final Map<Integer, String> said = new HashMap<>();
    private int step;
    private String stepName;
    private Object aside;
    private String asideName;
    private String asideSaid;
    // A message given in the same event as the step changes (Send starts the run, then goes to Progress) speaks of
    // the step it leads to: it is held until the event is over, and follows a step change made meanwhile.
    private String justSaid;

    /** {@code status} is the session's: every step and screen writes its messages there. */
    StatusLine(ObservableValue<String> status, int firstStep, String firstStepName) {
        step = firstStep;
        stepName = firstStepName;
        if (status.getValue() != null) {
            said.put(step, status.getValue());
        }
        status.addListener((obs, was, now) -> {
            said.put(step, now);
            if (justSaid == null) {
                javafx.application.Platform.runLater(() -> justSaid = null);
            }
            justSaid = now;
            if (aside != null) {
                asideSaid = now;
            }
            update();
        });
        update();
    }

    /** The runbook's current step ({@code index}), and what to say when it has said nothing. */
    void step(int index, String name) {
        if (justSaid != null && index != step && !said.containsKey(index)) {
            said.put(index, justSaid);
        }
        step = index;
        stepName = name;
        update();
    }

    /** A screen shown in place of the steps, and what to say until it says something. */
    void aside(Object screen, String name) {
        aside = screen;
        asideName = name;
        asideSaid = null;
        update();
    }

    /** The steps are shown again. */
    void wizard() {
        aside = null;
        update();
    }

    ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    private void update() {
        String own = aside != null ? asideSaid : said.get(step);
        shown.set(own == null || own.isBlank() ? (aside != null ? asideName : stepName) : own);
    }
}
