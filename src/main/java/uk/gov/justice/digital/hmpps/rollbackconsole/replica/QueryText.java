package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;

/**
 * The runbook's queries as the console runs them, with the window's bound values written in, so that people on
 * the call can follow and anyone can finish the runbook by hand in psql or DBeaver. For display and copying only:
 * the console itself always binds the values.
 */
public final class QueryText {

    private static final DateTimeFormatter LITERAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(ZoneOffset.UTC);

    private QueryText() {
    }

    public static String affectedRecords(RecordMode mode, AffectedWindow window) {
        return fill(mode == RecordMode.DISTINCT_RECORDS ? RunbookSql.DISTINCT_RECORDS : RunbookSql.ONE_ROW_PER_EVENT, window);
    }

    public static String counts(AffectedWindow window) {
        return fill(RunbookSql.COUNTS, window);
    }

    public static String clusterStatistics(AffectedWindow window) {
        return fill(RunbookSql.CLUSTER_STATISTICS, window);
    }

    static String fill(String sql, AffectedWindow window) {
        String lower = literal(window.lower().value());
        String upper = literal(window.upper().value());
        StringBuilder header = new StringBuilder("-- event_timestamp holds ").append(window.clock().label())
                .append(" wall-clock time (").append(window.clock().zone().getId())
                .append("); the bounds below are in that clock\n")
                .append("-- cutoff ").append(lower).append(" = ").append(INSTANT.format(window.cutoff()))
                .append(", as-of bound ").append(upper).append(" = ").append(INSTANT.format(window.asOf()))
                .append('\n');
        if (window.lower().widened() || window.upper().widened()) {
            header.append("-- a bound falls in the repeated hour of the night the clocks went back: the whole hour is taken\n");
        }
        String filled = sql.replaceFirst("\\?", lower).replaceFirst("\\?", upper);
        return header + filled.strip() + ";\n";
    }

    private static String literal(LocalDateTime wallClock) {
        return "'" + LITERAL.format(wallClock) + "'";
    }
}
