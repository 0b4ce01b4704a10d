package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

/**
 * One line of the recent incidents list.
 *
 * @param started     null when the journal could not be read
 * @param environment null when the journal could not be read
 * @param problem     why the journal could not be read, or what was noticed reading it (a torn last line)
 * @param sent        batches the service took
 * @param unknown     batches started with no answer recorded: they may have run
 * @param notSent     batches planned and known not to have run
 */
public record IncidentSummary(Path folder, Instant started, Environment environment, IncidentStep step,
                              boolean finished, Optional<String> problem, int sent, int unknown, int notSent) {

    public IncidentSummary(Path folder, Instant started, Environment environment, IncidentStep step,
                           boolean finished, Optional<String> problem) {
        this(folder, started, environment, step, finished, problem, 0, 0, 0);
    }

    /** Whether the journal could be read at all. */
    public boolean readable() {
        return started != null;
    }

    /** Whether it may be carried on in the wizard: read, and no report written yet. */
    public boolean resumable() {
        return readable() && !finished;
    }

    /** "2 sent, 1 unknown, 3 not sent", or "none" when no batch was planned. */
    public String batchesText() {
        if (sent + unknown + notSent == 0) {
            return "none";
        }
        return sent + " sent, " + unknown + " unknown, " + notSent + " not sent";
    }

    /** How an unreadable journal is described; its reason follows. */
    public static final String UNREADABLE = "the journal could not be read";
}
