package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison.Row;

class StatisticsComparisonTest {

    private static final Instant T = Instant.parse("2025-06-10T10:00:00Z");

    @Test
    void keepsBeforesOrderAndAppendsStatusesThatAppearOnlyAfter() {
        StatisticsComparison c = StatisticsComparison.of(stats("NEEDS_ATTENTION", 3L, "ACTIVE", 7L),
                stats("ACTIVE", 9L, "RECLUSTER_MERGE", 1L));

        assertThat(c.rows()).containsExactly(new Row("NEEDS_ATTENTION", 3, 0), new Row("ACTIVE", 7, 9),
                new Row("RECLUSTER_MERGE", 0, 1));
        assertThat(c.totalDifference()).isZero();
        assertThat(c.row("UNKNOWN")).isEqualTo(new Row("UNKNOWN", 0, 0));
    }

    @Test
    void twoEmptySidesCompareToNothing() {
        StatisticsComparison c = StatisticsComparison.of(stats(), stats());

        assertThat(c.rows()).isEmpty();
        assertThat(StatisticsComparison.signed(c.totalDifference())).isEqualTo("0");
        assertThat(StatisticsComparison.signed(-4)).isEqualTo("-4");
    }

    private static ClusterStatistics stats(Object... statusAndCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < statusAndCount.length; i += 2) {
            m.put((String) statusAndCount[i], (Long) statusAndCount[i + 1]);
        }
        return new ClusterStatistics(m, T);
    }
}
