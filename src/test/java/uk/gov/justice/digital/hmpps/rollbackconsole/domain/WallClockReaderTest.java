package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The export reads a million timestamps through WallClockReader's remembered offset; each must be the instant
 * EventClock.toInstant gives, around the nights the clocks change above all (a skipped hour, a repeated hour, the
 * seconds either side), and when readings jump between seasons in any order.
 */
class WallClockReaderTest {

    @ParameterizedTest
    @EnumSource(EventClock.class)
    void everyReadingAroundTheClockChangesIsTheInstantEventClockGives(EventClock clock) {
        List<LocalDateTime> readings = new ArrayList<>();
        for (LocalDateTime night : List.of(LocalDateTime.of(2025, 3, 30, 0, 0), LocalDateTime.of(2025, 10, 26, 0, 0),
                LocalDateTime.of(1996, 10, 27, 0, 0), LocalDateTime.of(2040, 3, 25, 0, 0))) {
            for (int second = 0; second < 3 * 3600; second += 7) {
                readings.add(night.plusSeconds(second).plusNanos(second * 1_000L));
            }
            for (int hour = 0; hour <= 3; hour++) {
                LocalDateTime edge = night.withHour(hour);
                readings.add(edge.minusNanos(1_000));
                readings.add(edge);
                readings.add(edge.plusNanos(1_000));
            }
        }
        assertSameInstants(clock, readings);
        // The same readings backwards: the remembered stretch is left from its other end.
        List<LocalDateTime> backwards = new ArrayList<>(readings);
        java.util.Collections.reverse(backwards);
        assertSameInstants(clock, backwards);
    }

    @ParameterizedTest
    @EnumSource(EventClock.class)
    void readingsJumpingBetweenSeasonsAndYearsAreEachRight(EventClock clock) {
        Random random = new Random(20261203);
        List<LocalDateTime> readings = new ArrayList<>();
        long from = LocalDateTime.of(1980, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        long to = LocalDateTime.of(2070, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
        for (int i = 0; i < 200_000; i++) {
            long second = from + (long) (random.nextDouble() * (to - from));
            readings.add(LocalDateTime.ofEpochSecond(second, random.nextInt(1_000_000) * 1_000, ZoneOffset.UTC));
        }
        assertSameInstants(clock, readings);
    }

    private static void assertSameInstants(EventClock clock, List<LocalDateTime> readings) {
        WallClockReader reader = new WallClockReader(clock);
        for (LocalDateTime reading : readings) {
            assertThat(reader.instant(reading.toEpochSecond(ZoneOffset.UTC), reading.getNano()))
                    .as("%s read in %s", reading, clock).isEqualTo(clock.toInstant(reading));
        }
    }
}
