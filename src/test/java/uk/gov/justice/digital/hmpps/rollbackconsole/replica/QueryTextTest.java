package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class QueryTextTest {

    @Test
    void theShownQueryHasTheWindowWrittenInAndNoPlaceholders() {
        String shown = QueryText.affectedRecords(RecordMode.DISTINCT_RECORDS, TestReplica.BST_WINDOW);
        assertThat(shown).contains("event_timestamp >= '2025-06-09 13:21:55.000000'")
                .contains("event_timestamp < '2025-12-01 00:00:00.000000'")
                .contains("-- event_timestamp holds UK time wall-clock time (Europe/London)")
                .doesNotContain("?")
                .doesNotContain("first_name").doesNotContain("date_of_birth");
    }

    @Test
    void theShownQueryRunByHandGivesWhatTheConsoleCounts() throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QueryText.counts(TestReplica.BST_WINDOW))) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(TestReplica.BST_COUNTS.events());
            assertThat(rs.getLong(2)).isEqualTo(TestReplica.BST_COUNTS.distinctRecords());
            assertThat(rs.getLong(3)).isEqualTo(TestReplica.BST_COUNTS.distinctClusters());
        }
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QueryText.affectedRecords(RecordMode.DISTINCT_RECORDS, TestReplica.BST_WINDOW))) {
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(TestReplica.BST_DISTINCT_RECORDS.size());
        }
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(QueryText.affectedRecords(RecordMode.ONE_ROW_PER_EVENT, TestReplica.SUMMER_WINDOW))) {
            java.util.List<String> ids = new java.util.ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString("source_system_id"));
            }
            assertThat(ids).isEqualTo(TestReplica.SUMMER_EVENT_IDS);
        }
    }
}
