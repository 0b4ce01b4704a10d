package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunStatus;

/**
 * The window's title leads with the run's state once a run has started ("Run died \u2014 Rollback Console"), so a
 * lead in another window or on a call sees it in the taskbar.
 */
public final class RunTitle {

    private RunTitle() {
    }

    public static void follow(Stage stage, ObservableValue<ReclusterMonitor> run) {
        String[] base = new String[1];
        InvalidationListener retitle = o -> {
            ReclusterMonitor m = run.getValue();
            if (m == null) {
                return;
            }
            if (base[0] == null) {
                base[0] = stage.getTitle() == null ? "Rollback Console" : stage.getTitle();
            }
            RunStatus status = m.statusProperty().get();
            stage.setTitle(title(status, base[0]));
        };
        run.addListener((obs, was, now) -> {
            if (was != null) {
                was.statusProperty().removeListener(retitle);
            }
            if (now != null) {
                now.statusProperty().addListener(retitle);
                retitle.invalidated(now.statusProperty());
            }
        });
    }

    /** "Run died \u2014 Rollback Console". */
    public static String title(RunStatus status, String base) {
        return status.headline() + " \u2014 " + base;
    }
}
