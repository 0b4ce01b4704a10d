package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

class KeyHashTest {

    @Test
    void givesTheSameFingerprintForTheSameRecord() {
        assertThat(hash(SourceSystem.NOMIS, "A1234BC")).isEqualTo(hash(SourceSystem.NOMIS, new String("A1234BC")));
    }

    @Test
    void tellsSourceSystemsApartForTheSameId() {
        assertThat(hash(SourceSystem.NOMIS, "A1234BC")).isNotEqualTo(hash(SourceSystem.DELIUS, "A1234BC"));
    }

    @Test
    void changesBothHalvesForOneCharacterAtAnyLength() {
        for (int length = 0; length < 40; length++) {
            String id = "x".repeat(length);
            long[] a = hash(SourceSystem.LIBRA, id + "a");
            long[] b = hash(SourceSystem.LIBRA, id + "b");
            assertThat(a[0]).as("length %d", length).isNotEqualTo(b[0]);
            assertThat(a[1]).as("length %d", length).isNotEqualTo(b[1]);
        }
    }

    @Test
    void keepsIdsOfEveryLengthApartFromTheirPrefixes() {
        Set<String> seen = new HashSet<>();
        for (int length = 0; length < 64; length++) {
            long[] h = hash(SourceSystem.COMMON_PLATFORM, "0".repeat(length));
            assertThat(seen.add(h[0] + ":" + h[1])).as("length %d", length).isTrue();
        }
    }

    @Test
    void spreadsAHundredThousandSequentialIdsWithoutACollision() {
        Set<Long> firstHalves = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            firstHalves.add(hash(SourceSystem.DELIUS, "X" + i)[0]);
        }
        assertThat(firstHalves).hasSize(100_000);
    }

    private static long[] hash(SourceSystem system, String id) {
        long[] out = new long[2];
        KeyHash.of(system, id, out);
        return out;
    }
}
