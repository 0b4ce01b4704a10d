package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class EventClockTest {

    @Test
    void aSummerInstantIsComparedAsTheUkWallClockAnHourAheadOfUtc() {
        Instant cutoff = Instant.parse("2025-06-09T12:21:55Z");

        assertThat(EventClock.UK.lowerBound(cutoff)).isEqualTo(new EventClock.Bound(
                LocalDateTime.parse("2025-06-09T13:21:55"), LocalDateTime.parse("2025-06-09T13:21:55"), false));
        assertThat(EventClock.UTC.lowerBound(cutoff).value()).isEqualTo(LocalDateTime.parse("2025-06-09T12:21:55"));
    }

    @Test
    void aBoundInTheFirstPassOfTheRepeatedHourTakesTheWholeHour() {
        Instant firstPass = Instant.parse("2025-10-26T00:40:00Z"); // 01:40 BST

        assertThat(EventClock.UK.lowerBound(firstPass)).isEqualTo(new EventClock.Bound(
                LocalDateTime.parse("2025-10-26T01:40:00"), LocalDateTime.parse("2025-10-26T01:00:00"), true));
        assertThat(EventClock.UK.upperBound(firstPass)).isEqualTo(new EventClock.Bound(
                LocalDateTime.parse("2025-10-26T01:40:00"), LocalDateTime.parse("2025-10-26T02:00:00"), true));
    }

    @Test
    void aBoundInTheSecondPassOfTheRepeatedHourTakesTheWholeHourToo() {
        Instant secondPass = Instant.parse("2025-10-26T01:40:00Z"); // 01:40 GMT

        assertThat(EventClock.UK.lowerBound(secondPass).value()).isEqualTo(LocalDateTime.parse("2025-10-26T01:00:00"));
        assertThat(EventClock.UK.upperBound(secondPass).value()).isEqualTo(LocalDateTime.parse("2025-10-26T02:00:00"));
    }

    @Test
    void theHoursAroundTheRepeatedOneAreNotWidened() {
        assertThat(EventClock.UK.lowerBound(Instant.parse("2025-10-25T23:59:59Z")).widened()).isFalse(); // 00:59:59 BST
        assertThat(EventClock.UK.lowerBound(Instant.parse("2025-10-26T02:00:00Z")).widened()).isFalse(); // 02:00 GMT
        assertThat(EventClock.UTC.lowerBound(Instant.parse("2025-10-26T01:40:00Z")).widened()).isFalse();
    }

    @Test
    void aValueReadInTheRepeatedHourIsTakenAsTheEarlierInstant() {
        assertThat(EventClock.UK.toInstant(LocalDateTime.parse("2025-10-26T01:30:00")))
                .isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(EventClock.UK.toInstant(LocalDateTime.parse("2025-06-09T13:50:00")))
                .isEqualTo(Instant.parse("2025-06-09T12:50:00Z"));
    }

    @Test
    void namesItsAbbreviationBySeason() {
        assertThat(EventClock.UK.abbreviation(Instant.parse("2025-06-09T12:00:00Z"))).isEqualTo("BST");
        assertThat(EventClock.UK.abbreviation(Instant.parse("2025-12-09T12:00:00Z"))).isEqualTo("GMT");
        assertThat(EventClock.parse("Europe/London")).contains(EventClock.UK);
        assertThat(EventClock.parse("utc")).contains(EventClock.UTC);
        assertThat(EventClock.parse("BST")).isEmpty();
    }
}
