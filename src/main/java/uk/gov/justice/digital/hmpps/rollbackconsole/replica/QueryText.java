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
        String header = "-- cutoff " + literal(window) + " and as-of bound " + literal(window.asOf())
                + ", both UTC (event_timestamp holds UTC wall-clock time)\n";
        String filled = sql.replaceFirst("\\?", literal(window)).replaceFirst("\\?", literal(window.asOf()));
        return header + filled.strip() + ";\n";
    }

    private static String literal(AffectedWindow window) {
        return literal(window.cutoff());
    }

    private static String literal(java.time.Instant instant) {
        return "'" + LITERAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + "'";
    }
}
