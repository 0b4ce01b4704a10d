package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Alerts;

/**
 * Raises an alert when the session's run changes into a state the lead must hear of (see {@link RunAlert}), as the
 * window's title follows it ({@link RunTitle}): the notification always, the sound when it is turned on.
 */
public final class RunAlerts {

    private RunAlerts() {
    }

    /** Records done so far: all of them once the run completed, else the share of upserts and reclusters logged. */
    public static long recordsDone(ReclusterMonitor m) {
        ReclusterPlan plan = m.plan();
        long total = plan == null ? 0 : plan.records();
        RunStatus now = m.statusProperty().get();
        return now != null && !now.kind().recordsLeft() ? total : (long) Math.floor(m.overallProperty().get() * total);
    }

    public static void follow(ObservableValue<ReclusterMonitor> run, ObservableBooleanValue sound, Alerts alerts) {
        ReclusterMonitor[] current = new ReclusterMonitor[1];
        ChangeListener<RunStatus> changed = (obs, was, now) -> {
            ReclusterMonitor m = current[0];
            if (m == null) {
                return;
            }
            ReclusterPlan plan = m.plan();
            long total = plan == null ? 0 : plan.records();
            RunAlert.on(was, now, recordsDone(m), total, plan == null ? "" : plan.pod())
                    .ifPresent(alert -> alerts.raise(alert, sound.get()));
        };
        run.addListener((obs, was, now) -> {
            if (was != null) {
                was.statusProperty().removeListener(changed);
            }
            current[0] = now;
            if (now != null) {
                now.statusProperty().addListener(changed);
            }
        });
    }
}
