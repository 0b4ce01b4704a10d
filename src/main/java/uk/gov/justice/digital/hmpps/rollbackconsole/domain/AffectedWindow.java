package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The events the affected-records query selects: {@code cutoff <= event_timestamp < asOf}, the two instants read in
 * event_log's {@link EventClock} (UK wall-clock time on the real service).
 * The runbook's query is open-ended; the console fixes an upper bound when a preview starts so that what is
 * counted, previewed and exported is one and the same set while the live service keeps writing events.
 */
public record AffectedWindow(Instant cutoff, Instant asOf, EventClock clock) {
    public AffectedWindow {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(clock, "clock");
        if (!asOf.isAfter(cutoff)) {
            throw new IllegalArgumentException("the as-of bound " + asOf + " is not after the cutoff " + cutoff);
        }
    }

    /** A window over data in the service's own clock, UK time. */
    public AffectedWindow(Instant cutoff, Instant asOf) {
        this(cutoff, asOf, EventClock.SERVICE);
    }

    /** What {@code event_timestamp >= ?} is compared with. */
    public EventClock.Bound lower() {
        return clock.lowerBound(cutoff);
    }

    /** What {@code event_timestamp < ?} is compared with. */
    public EventClock.Bound upper() {
        return clock.upperBound(asOf);
    }

    /** The same bounds compared in another clock (a journal written before the console knew the data's clock). */
    public AffectedWindow in(EventClock other) {
        return new AffectedWindow(cutoff, asOf, other);
    }
}
