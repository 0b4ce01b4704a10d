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
 */
public record IncidentSummary(Path folder, Instant started, Environment environment, IncidentStep step,
                              boolean finished, Optional<String> problem) {

    /** How an unreadable journal is described; its reason follows. */
    public static final String UNREADABLE = "the journal could not be read";
}
