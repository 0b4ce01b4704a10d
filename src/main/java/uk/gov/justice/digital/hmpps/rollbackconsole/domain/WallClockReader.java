package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns event_log's wall-clock readings into instants a million times a second, exactly as
 * {@link EventClock#toInstant} does ({@code ZonedDateTime.of(reading, zone)}): it remembers the stretch of wall-clock
 * time between two clock changes in which every reading has one offset, and answers readings in that stretch with
 * a subtraction. A reading outside it (another season, a repeated or skipped hour) is worked out in full, and
 * starts a new stretch when its offset is unambiguous. One reader per thread.
 */
public final class WallClockReader {

    private final ZoneId zone;
    private final ZoneRules rules;
    private long spanStart = 1;
    private long spanEnd = 0; // empty until the first reading
    private long offsetSeconds;

    public WallClockReader(EventClock clock) {
        this.zone = clock.zone();
        this.rules = zone.getRules();
    }

    /** The instant of the reading {@code localEpochSecond} (the wall-clock reading's seconds as if it were UTC). */
    public Instant instant(long localEpochSecond, int nanoOfSecond) {
        if (localEpochSecond >= spanStart && localEpochSecond < spanEnd) {
            return Instant.ofEpochSecond(localEpochSecond - offsetSeconds, nanoOfSecond);
        }
        LocalDateTime reading = LocalDateTime.ofEpochSecond(localEpochSecond, nanoOfSecond, ZoneOffset.UTC);
        ZonedDateTime zoned = ZonedDateTime.of(reading, zone);
        remember(localEpochSecond, reading, zoned);
        return zoned.toInstant();
    }

    private void remember(long local, LocalDateTime reading, ZonedDateTime zoned) {
        if (rules.getValidOffsets(reading).size() != 1) {
            return; // a repeated or skipped hour: always worked out in full
        }
        ZoneOffset offset = zoned.getOffset();
        Instant at = zoned.toInstant();
        ZoneOffsetTransition previous = rules.previousTransition(at.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        if (previous != null) {
            if (!previous.getOffsetAfter().equals(offset)) {
                return;
            }
            start = previous.toEpochSecond() + Math.max(previous.getOffsetBefore().getTotalSeconds(),
                    previous.getOffsetAfter().getTotalSeconds());
        }
        if (next != null) {
            if (!next.getOffsetBefore().equals(offset)) {
                return;
            }
            end = next.toEpochSecond() + Math.min(next.getOffsetBefore().getTotalSeconds(),
                    next.getOffsetAfter().getTotalSeconds());
        }
        if (local < start || local >= end) {
            return;
        }
        spanStart = start;
        spanEnd = end;
        offsetSeconds = offset.getTotalSeconds();
    }
}
