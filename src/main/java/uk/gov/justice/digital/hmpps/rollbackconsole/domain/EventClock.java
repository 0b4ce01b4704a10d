package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * The clock {@code event_log.event_timestamp} is written in. The column is a {@code timestamp without time zone}
 * filled by its {@code DEFAULT CURRENT_TIMESTAMP} in the service's session zone, and the service runs with
 * {@code TZ=Europe/London}: the values are UK wall-clock time (GMT in winter, BST in summer), not UTC.
 * <p>
 * The console keeps instants everywhere; only the values it compares with the column are wall-clock readings in
 * this clock. In the autumn the hour 01:00-02:00 UK happens twice and the column cannot tell the two apart, so a
 * bound that falls in it takes the whole repeated hour ({@link Bound#widened()}).
 */
public enum EventClock {
    /** The service's clock: Europe/London. */
    UK("UK time", ZoneId.of("Europe/London")),
    UTC("UTC", ZoneOffset.UTC);

    /** What the service is configured with; used whenever the data cannot tell. */
    public static final EventClock SERVICE = UK;

    private final String label;
    private final ZoneId zone;

    EventClock(String label, ZoneId zone) {
        this.label = label;
        this.zone = zone;
    }

    /** "UK time" or "UTC", as screens and the report name it. */
    public String label() {
        return label;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The wall-clock reading of {@code instant} in this clock, as the column would hold it. */
    public LocalDateTime wallClock(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /**
     * The value to compare {@code event_timestamp >= ?} with so that every event at or after {@code instant} is in:
     * rounded up to the column's microseconds, and moved back to the start of a repeated hour it falls in.
     */
    public Bound lowerBound(Instant instant) {
        LocalDateTime exact = micros(wallClock(instant));
        return repeatedHour(instant).map(t -> new Bound(exact, t.getDateTimeAfter(), true))
                .orElse(new Bound(exact, exact, false));
    }

    /**
     * The value to compare {@code event_timestamp < ?} with so that every event before {@code instant} is in:
     * rounded up to microseconds, and moved forward to the end of a repeated hour it falls in.
     */
    public Bound upperBound(Instant instant) {
        LocalDateTime exact = micros(wallClock(instant));
        return repeatedHour(instant).map(t -> new Bound(exact, t.getDateTimeBefore(), true))
                .orElse(new Bound(exact, exact, false));
    }

    /**
     * The instant a value read from the column stands for. In a repeated hour that cannot be known: the earlier of
     * the two is taken, as {@link ZonedDateTime#of} does.
     */
    public Instant toInstant(LocalDateTime wallClock) {
        return ZonedDateTime.of(wallClock, zone).toInstant();
    }

    /** The clock's abbreviation at that instant (BST, GMT, UTC), for sentences such as "13:21:55 (BST)". */
    public String abbreviation(Instant instant) {
        if (this == UTC) {
            return "UTC";
        }
        return zone.getRules().isDaylightSavings(instant) ? "BST" : "GMT";
    }

    /** The autumn transition whose repeated wall-clock hour holds {@code instant}'s reading, if any. */
    private Optional<ZoneOffsetTransition> repeatedHour(Instant instant) {
        LocalDateTime local = wallClock(instant);
        if (zone.getRules().getValidOffsets(local).size() < 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(zone.getRules().getTransition(local));
    }

    private static LocalDateTime micros(LocalDateTime time) {
        LocalDateTime truncated = time.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(time) ? time : truncated.plus(1, ChronoUnit.MICROS);
    }

    /** Parses the journal's and the command line's names: "UK" (or "Europe/London") and "UTC", any case. */
    public static Optional<EventClock> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("uk") || t.equalsIgnoreCase("Europe/London") || t.equalsIgnoreCase("uk time")) {
            return Optional.of(UK);
        }
        if (t.equalsIgnoreCase("utc") || t.equalsIgnoreCase("z")) {
            return Optional.of(UTC);
        }
        return Optional.empty();
    }

    /**
     * One bound of a window as the column sees it.
     *
     * @param exact   the instant's own reading (to the microsecond)
     * @param value   what the query compares with: {@code exact}, or the edge of the repeated hour it falls in
     * @param widened true when {@code value} is the edge of a repeated hour rather than {@code exact}
     */
    public record Bound(LocalDateTime exact, LocalDateTime value, boolean widened) {
    }
}
