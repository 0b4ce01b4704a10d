package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The deployment time of the bad release, held both as the wall clock the incident lead meant and as an instant.
 * The runbook compares it with {@code event_timestamp}, a {@code timestamp without time zone} holding wall-clock
 * time in event_log's {@link EventClock} (UK time on the real service), so the zone is never implied: the cutoff
 * is an instant, and only the value compared with the column is read in the data's clock.
 */
public record Cutoff(String typed, ZoneId zone, LocalDateTime local, Instant instant, String zoneAbbreviation) {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    public Cutoff {
        Objects.requireNonNull(typed, "typed");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(zoneAbbreviation, "zoneAbbreviation");
        // A cutoff whose two halves disagree would show one time and query another.
        if (!instant.atZone(zone).toLocalDateTime().equals(local)) {
            throw new IllegalArgumentException(local + " in " + zone + " is not the instant " + instant);
        }
    }

    public String describe() {
        String utc = format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + " UTC";
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return utc;
        }
        return format(local) + " " + zone.getId() + " (" + zoneAbbreviation + ") = " + utc;
    }

    /**
     * The cutoff three ways: as typed with its zone, as an instant in UTC, and as the value compared with
     * event_timestamp in the data's clock, e.g. {@code 2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55
     * UTC, so event_timestamp >= '2025-06-09 13:21:55' (UK time)}.
     */
    public String describe(EventClock clock) {
        EventClock.Bound bound = clock.lowerBound(instant);
        return describe() + ", so event_timestamp >= '" + format(bound.value()) + "' (" + clock.label()
                + (bound.widened() ? ": the start of the hour the clocks went back, which event_log cannot tell apart"
                : "") + ")";
    }

    /** Seconds always, as the runbook writes them; a fraction only as long as it needs to be. */
    static String format(LocalDateTime time) {
        String seconds = SECONDS.format(time);
        int nanos = time.getNano();
        if (nanos == 0) {
            return seconds;
        }
        if (nanos % 1_000_000 == 0) {
            return seconds + String.format(".%03d", nanos / 1_000_000);
        }
        if (nanos % 1_000 == 0) {
            return seconds + String.format(".%06d", nanos / 1_000);
        }
        return seconds + String.format(".%09d", nanos);
    }
}
