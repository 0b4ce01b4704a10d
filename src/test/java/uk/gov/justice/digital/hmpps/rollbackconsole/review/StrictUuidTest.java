package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUuidTest {

    @ParameterizedTest
    @ValueSource(strings = {"782a5cbe-5a10-4694-a046-0be9e82f0591", "782A5CBE-5A10-4694-A046-0BE9E82F0591",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff"})
    void readsTheCanonicalFormToTheSameBitsAsJava(String text) {
        long[] halves = new long[2];

        assertThat(StrictUuid.parse(text, halves)).isTrue();

        UUID expected = UUID.fromString(text);
        assertThat(halves).containsExactly(expected.getMostSignificantBits(), expected.getLeastSignificantBits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-2-3-4-5", "782a5cbe5a1046940a0460be9e82f0591xxx", "782a5cbe-5a10-4694-a046-0be9e82f059",
            "782a5cbe-5a10-4694-a046-0be9e82f05911", "782a5cbe_5a10-4694-a046-0be9e82f0591",
            "782a5cbg-5a10-4694-a046-0be9e82f0591", "{82a5cbe-5a10-4694-a046-0be9e82f059}",
            "７82a5cbe-5a10-4694-a046-0be9e82f0591"})
    void refusesEverythingElse(String text) {
        assertThat(StrictUuid.parse(text, new long[2])).isFalse();
    }
}
