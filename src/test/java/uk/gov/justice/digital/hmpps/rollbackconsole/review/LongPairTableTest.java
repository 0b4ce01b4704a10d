package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LongPairTableTest {

    @Test
    void keepsTheFirstValueStoredForAPair() {
        LongPairTable table = new LongPairTable();

        assertThat(table.putIfAbsent(1, 2, 7)).isZero();
        assertThat(table.putIfAbsent(1, 2, 9)).isEqualTo(7);
        assertThat(table.get(1, 2)).isEqualTo(7);
        assertThat(table.get(2, 1)).isZero();
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void storesTheAllZeroPairLikeAnyOther() {
        LongPairTable table = new LongPairTable();

        table.putIfAbsent(0, 0, 3);

        assertThat(table.get(0, 0)).isEqualTo(3);
    }

    @Test
    void growsWithoutLosingAPair() {
        LongPairTable table = new LongPairTable();
        int count = 200_000;
        for (int i = 1; i <= count; i++) {
            // Pairs that differ in one bit only, like consecutive UUIDs.
            assertThat(table.putIfAbsent(i, 42, i)).isZero();
        }

        assertThat(table.size()).isEqualTo(count);
        for (int i = 1; i <= count; i++) {
            assertThat(table.get(i, 42)).isEqualTo(i);
        }
        assertThat(table.get(count + 1, 42)).isZero();
    }

    @Test
    void countsThePairsTwoTablesShare() {
        LongPairTable a = new LongPairTable();
        LongPairTable b = new LongPairTable();
        for (int i = 1; i <= 1_000; i++) {
            a.putIfAbsent(i, -i, 1);
        }
        for (int i = 501; i <= 3_000; i++) {
            b.putIfAbsent(i, -i, 1);
        }

        assertThat(a.countShared(b)).isEqualTo(500);
        assertThat(b.countShared(a)).isEqualTo(500);
    }

    @Test
    void refusesZeroBecauseItMarksAnEmptySlot() {
        assertThatThrownBy(() -> new LongPairTable().putIfAbsent(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
