package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CutoffTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Cutoff cutoff(String instant, ZoneId zone, String abbreviation) {
        Instant at = Instant.parse(instant);
        return new Cutoff("typed", zone, LocalDateTime.ofInstant(at, zone), at, abbreviation);
    }

    @Test
    void describesTheLocalTimeTheZoneAndTheUtcTimeTheQueryUses() {
        assertThat(cutoff("2025-06-09T12:21:55Z", LONDON, "BST").describe())
                .isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC");
    }

    @Test
    void describesMillisecondsOnlyWhenThereAreAny() {
        assertThat(cutoff("2025-01-15T10:00:00.120Z", LONDON, "GMT").describe())
                .isEqualTo("2025-01-15 10:00:00.120 Europe/London (GMT) = 2025-01-15 10:00:00.120 UTC");
    }

    @Test
    void describesMicrosecondsAndNanosecondsWhenMillisecondsWouldHideThem() {
        assertThat(cutoff("2025-06-09T12:21:55.123456Z", ZoneOffset.UTC, "UTC").describe())
                .isEqualTo("2025-06-09 12:21:55.123456 UTC");
        assertThat(cutoff("2025-06-09T12:21:55.123456789Z", ZoneOffset.UTC, "UTC").describe())
                .isEqualTo("2025-06-09 12:21:55.123456789 UTC");
    }

    @Test
    void describesAUtcCutoffOnceRatherThanAsAConversionToItself() {
        assertThat(cutoff("2025-06-09T12:21:55Z", ZoneId.of("UTC"), "UTC").describe())
                .isEqualTo("2025-06-09 12:21:55 UTC");
    }

    @Test
    void comparesEventTimestampWithTheUkWallClockInSummer() {
        Cutoff c = cutoff("2025-06-09T12:21:55Z", LONDON, "BST");

        assertThat(EventClock.UK.lowerBound(c.instant()).value()).isEqualTo(LocalDateTime.of(2025, 6, 9, 13, 21, 55));
        assertThat(c.describe(EventClock.UK)).isEqualTo("2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55"
                + " UTC, so event_timestamp >= '2025-06-09 13:21:55' (UK time)");
    }

    @Test
    void aCutoffKnownInUtcIsConvertedToTheUkWallClock() {
        Cutoff c = cutoff("2025-06-09T12:21:55.5Z", ZoneOffset.UTC, "UTC");

        assertThat(c.describe(EventClock.UK)).isEqualTo(
                "2025-06-09 12:21:55.500 UTC, so event_timestamp >= '2025-06-09 13:21:55.500' (UK time)");
        assertThat(c.describe(EventClock.UTC)).isEqualTo(
                "2025-06-09 12:21:55.500 UTC, so event_timestamp >= '2025-06-09 12:21:55.500' (UTC)");
    }

    @Test
    void inWinterTheUkWallClockIsUtc() {
        Cutoff c = cutoff("2025-01-15T10:00:00Z", LONDON, "GMT");

        assertThat(c.describe(EventClock.UK)).isEqualTo("2025-01-15 10:00:00 Europe/London (GMT) = 2025-01-15 10:00:00"
                + " UTC, so event_timestamp >= '2025-01-15 10:00:00' (UK time)");
    }

    @Test
    void roundsASubMicrosecondCutoffUpSoThatNoEarlierEventIsSelected() {
        assertThat(EventClock.UK.lowerBound(Instant.parse("2025-06-09T12:21:55.123456001Z")).value())
                .isEqualTo(LocalDateTime.of(2025, 6, 9, 13, 21, 55, 123_457_000));
    }

    @Test
    void refusesALocalTimeThatIsNotTheInstantInItsZone() {
        Instant at = Instant.parse("2025-06-09T12:21:55Z");
        assertThatThrownBy(() -> new Cutoff("typed", LONDON, LocalDateTime.of(2025, 6, 9, 12, 21, 55), at, "BST"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
