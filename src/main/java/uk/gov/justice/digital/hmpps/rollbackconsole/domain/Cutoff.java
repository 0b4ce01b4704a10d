package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The deployment time of the bad release, held both as the wall clock the incident lead meant and as an instant.
 * The runbook compares it with {@code event_timestamp}, a {@code timestamp without time zone} holding UTC
 * wall-clock time, so the zone is never implied.
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

    /**
     * The bound the query binds. The column keeps microseconds, so a finer cutoff is rounded up: for
     * {@code event_timestamp >= bound} that selects exactly the events at or after the cutoff, whereas the
     * driver's own half-up rounding could let in an event from just before it.
     */
    public LocalDateTime utcWallClock() {
        LocalDateTime utc = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        LocalDateTime micros = utc.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(utc) ? utc : micros.plus(1, ChronoUnit.MICROS);
    }

    public String describe() {
        String utc = format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + " UTC";
        if (ZoneOffset.UTC.equals(zone.normalized())) {
            return utc;
        }
        return format(local) + " " + zone.getId() + " (" + zoneAbbreviation + ") = " + utc;
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
