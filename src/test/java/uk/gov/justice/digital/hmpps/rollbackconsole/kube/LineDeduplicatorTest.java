package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LineDeduplicatorTest {

    private final LineDeduplicator dedup = new LineDeduplicator();

    @Test
    void dropsWhatAWholeSecondReplayRepeatsAndKeepsWhatIsNew() {
        List<TimestampedLine> first = lines("10:15:04.9 a", "10:15:05.1 b", "10:15:05.3 c");
        List<TimestampedLine> second = lines("10:15:05.1 b", "10:15:05.3 c", "10:15:05.3 d", "10:15:05.7 e");

        List<String> passed = Stream.concat(first.stream().filter(dedup::accept), Stream.<TimestampedLine>empty())
                .map(TimestampedLine::text).toList();
        dedup.reconnected();
        List<String> after = second.stream().filter(dedup::accept).map(TimestampedLine::text).toList();

        assertThat(passed).containsExactly("a", "b", "c");
        assertThat(after).as("d shares c's stamp but was never seen").containsExactly("d", "e");
        assertThat(dedup.lastTimestamp()).isEqualTo(Instant.parse("2025-03-04T10:15:05.7Z"));
    }

    @Test
    void passesEqualLinesWithOneStampOutsideAReplay() {
        assertThat(lines("10:15:05.1 same", "10:15:05.1 same").stream().filter(dedup::accept)).hasSize(2);
    }

    @Test
    void replaysOnlyAsManyEqualLinesAsWereSeen() {
        lines("10:15:05.1 same", "10:15:05.1 same").forEach(dedup::accept);
        dedup.reconnected();

        assertThat(lines("10:15:05.1 same", "10:15:05.1 same", "10:15:05.1 same").stream().filter(dedup::accept))
                .hasSize(1);
    }

    @Test
    void passesEverythingWhenNothingWasSeenBeforeTheReconnect() {
        dedup.reconnected();

        assertThat(lines("10:15:05.1 a").stream().filter(dedup::accept)).hasSize(1);
    }

    @Test
    void passesLinesWithoutStamps() {
        lines("10:15:05.1 a").forEach(dedup::accept);
        dedup.reconnected();

        assertThat(dedup.accept(new TimestampedLine(null, "a"))).isTrue();
    }

    private static List<TimestampedLine> lines(String... timeAndText) {
        return Stream.of(timeAndText).map(s -> {
            String[] parts = s.split(" ", 2);
            return new TimestampedLine(Instant.parse("2025-03-04T" + parts[0] + "Z"), parts[1]);
        }).toList();
    }
}
