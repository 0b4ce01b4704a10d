package uk.gov.justice.digital.hmpps.rollbackconsole.ui.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunAlert;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Alerts;

/** The desktop of a window test: keeps each alert raised, and whether it asked for the sound. */
public final class RaisedAlerts implements Alerts {

    public record Raised(RunAlert alert, boolean sound) {
    }

    public final List<Raised> raised = new CopyOnWriteArrayList<>();

    @Override
    public void raise(RunAlert alert, boolean sound) {
        raised.add(new Raised(alert, sound));
    }
}
