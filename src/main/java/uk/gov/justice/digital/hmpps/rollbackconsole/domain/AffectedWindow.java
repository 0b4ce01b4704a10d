package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The events the affected-records query selects: {@code cutoff <= event_timestamp < asOf}.
 * The runbook's query is open-ended; the console fixes an upper bound when a preview starts so that what is
 * counted, previewed and exported is one and the same set while the live service keeps writing events.
 */
public record AffectedWindow(Instant cutoff, Instant asOf) {
    public AffectedWindow {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(asOf, "asOf");
        if (!asOf.isAfter(cutoff)) {
            throw new IllegalArgumentException("the as-of bound " + asOf + " is not after the cutoff " + cutoff);
        }
    }
}
