package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;

public final class ExportNames {

    // Hyphens instead of colons: a colon is not allowed in a Windows file name.
    private static final DateTimeFormatter CUTOFF =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);

    private ExportNames() {
    }

    /** For example {@code affected-records-prod-2025-06-09T12-21-55Z.json}: environment and cutoff in UTC. */
    public static String defaultFileName(Environment env, Instant cutoff) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(cutoff, "cutoff");
        // The body must stay the runbook's array, so a rehearsal's file says so in its name.
        return Environment.filePrefix(env) + "affected-records-" + env.label() + "-" + CUTOFF.format(cutoff.truncatedTo(ChronoUnit.SECONDS)) + ".json";
    }
}
