package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class ClockReadingTest {

    /** 13:31:20 UTC on a summer afternoon: 14:31:20 in London. */
    private static final Instant SUMMER_NOW = Instant.parse("2025-06-09T13:31:20Z");
    private static final Instant WINTER_NOW = Instant.parse("2025-12-09T13:31:20Z");

    @Test
    void ukDataIsNewestJustBehindTheUkClockAndAnHourAheadOfUtc() {
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-06-09T14:31:07"), SUMMER_NOW);

        assertThat(r.detected()).contains(EventClock.UK);
        assertThat(r.explanation()).startsWith("event_log is in UK time: newest event 14:31:07, UK now 14:31:20,"
                + " UTC now 13:31:20");
    }

    @Test
    void ukDataThatHasBeenQuietForHalfAnHourIsStillAheadOfUtc() {
        // read as UTC, an event 30 minutes in the future: UTC data can never be that
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-06-09T14:02:00"), SUMMER_NOW);

        assertThat(r.detected()).contains(EventClock.UK);
        assertThat(r.explanation()).contains("30 minutes in the future");
    }

    @Test
    void utcDataIsNewestJustBehindTheUtcClock() {
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-06-09T13:30:50"), SUMMER_NOW);

        assertThat(r.detected()).contains(EventClock.UTC);
        assertThat(r.explanation()).startsWith("event_log looks like UTC, not the service's UK time: newest event"
                + " 13:30:50, UK now 14:31:20, UTC now 13:31:20").contains("nothing would have been written for 60 minutes");
    }

    @Test
    void inWinterBothClocksAgreeSoTheDataCannotTell() {
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-12-09T13:31:07"), WINTER_NOW);

        assertThat(r.detected()).isEmpty();
        assertThat(r.explanation()).startsWith("UK time and UTC agree now (GMT)").endsWith("the service's clock, UK time, is used.");
    }

    @Test
    void noRecentEventCannotTell() {
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-06-08T09:00:00"), SUMMER_NOW);

        assertThat(r.detected()).isEmpty();
        assertThat(r.explanation()).startsWith("No event in the last 15 minutes (newest event 2025-06-08 09:00:00");
    }

    @Test
    void anEmptyEventLogCannotTell() {
        ClockReading r = new ClockReading(null, SUMMER_NOW);

        assertThat(r.detected()).isEmpty();
        assertThat(r.explanation()).startsWith("event_log has no events");
    }

    @Test
    void anEventAheadOfBothClocksCannotTell() {
        ClockReading r = new ClockReading(LocalDateTime.parse("2025-06-09T16:00:00"), SUMMER_NOW);

        assertThat(r.detected()).isEmpty();
        assertThat(r.explanation()).startsWith("event_log's newest event is ahead of both clocks");
    }
}
