package uk.gov.justice.digital.hmpps.rollbackconsole.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves on by a fixed step each time it is read, so that every entry of a test has its own time. */
public final class StepClock extends Clock {

    private final Duration step;
    private Instant next;

    public StepClock(Instant first, Duration step) {
        this.next = first;
        this.step = step;
    }

    @Override
    public synchronized Instant instant() {
        Instant now = next;
        next = next.plus(step);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
