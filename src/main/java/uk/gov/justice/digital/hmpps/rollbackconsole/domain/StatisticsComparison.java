package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The runbook's before and after cluster statistics side by side: for each status on either side, both counts and
 * the change. A status present on one side only (NEEDS_ATTENTION cleared away, or appearing) counts 0 on the other.
 */
public record StatisticsComparison(ClusterStatistics before, ClusterStatistics after, List<Row> rows) {

    /** One status; {@code difference} is after minus before. */
    public record Row(String status, long before, long after) {
        public long difference() {
            return after - before;
        }

        public boolean onlyBefore() {
            return before > 0 && after == 0;
        }

        public boolean onlyAfter() {
            return after > 0 && before == 0;
        }
    }

    public StatisticsComparison {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        rows = List.copyOf(rows);
    }

    /** Rows in the order the statuses first appear: before's order, then statuses new in after. */
    public static StatisticsComparison of(ClusterStatistics before, ClusterStatistics after) {
        Set<String> statuses = new LinkedHashSet<>(before.clustersByStatus().keySet());
        statuses.addAll(after.clustersByStatus().keySet());
        List<Row> rows = new ArrayList<>();
        for (String status : statuses) {
            rows.add(new Row(status, before.count(status), after.count(status)));
        }
        return new StatisticsComparison(before, after, rows);
    }

    public long totalBefore() {
        return before.total();
    }

    public long totalAfter() {
        return after.total();
    }

    public long totalDifference() {
        return totalAfter() - totalBefore();
    }

    public Row row(String status) {
        return rows.stream().filter(r -> r.status().equals(status)).findFirst()
                .orElse(new Row(status, 0, 0));
    }

    /** "+3", "-2", "0": the sign always shown, as a change reads. */
    public static String signed(long difference) {
        return difference > 0 ? "+" + difference : Long.toString(difference);
    }
}
