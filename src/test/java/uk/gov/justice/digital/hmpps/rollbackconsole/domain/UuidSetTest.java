package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tally's count of distinct clusters must be the count a HashSet gives, whatever the UUIDs look like. */
class UuidSetTest {

    @Test
    void countsWhatAHashSetCountsForRandomSequentialAndRepeatedUuids() {
        UuidSet set = new UuidSet();
        Set<UUID> reference = new HashSet<>();
        Random random = new Random(15);
        for (int i = 0; i < 300_000; i++) {
            UUID uuid = switch (i % 4) {
                case 0 -> new UUID(random.nextLong(), random.nextLong());
                case 1 -> new UUID(0x0b00_0000_0000_4000L, 0x8000_0000_0000_0000L | (i / 4)); // the seed's shape
                case 2 -> new UUID(i / 40, 0); // low bits only, many repeats
                default -> UUID.nameUUIDFromBytes(Integer.toString(i % 5_000).getBytes()); // repeats
            };
            assertThat(set.add(uuid)).isEqualTo(reference.add(uuid));
        }
        assertThat(set.size()).isEqualTo(reference.size());
    }

    @Test
    void theAllZeroUuidIsCountedOnce() {
        UuidSet set = new UuidSet();
        UUID zero = new UUID(0, 0);

        assertThat(set.add(zero)).isTrue();
        assertThat(set.add(new UUID(0, 0))).isFalse();
        assertThat(set.add(new UUID(0, 1))).isTrue();
        assertThat(set.size()).isEqualTo(2);
    }

    @Test
    void theTallyCountsDistinctClustersAndRowsWithoutOne() {
        AffectedRecordTally tally = new AffectedRecordTally();
        UUID a = UUID.fromString("782a5cbe-5a10-4694-a046-0be9e82f0591");
        tally.add(new AffectedRecord(a, SourceSystem.NOMIS, "A1", 1, null));
        tally.add(new AffectedRecord(UUID.fromString(a.toString()), SourceSystem.DELIUS, "X1", 2, null));
        tally.add(new AffectedRecord(null, SourceSystem.LIBRA, "L1", 1, null));

        assertThat(tally.distinctClusters()).isEqualTo(1);
        assertThat(tally.withoutPersonUuid()).isEqualTo(1);
        assertThat(tally.events()).isEqualTo(4);
    }
}
