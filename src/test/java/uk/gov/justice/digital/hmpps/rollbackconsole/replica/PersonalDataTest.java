package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class PersonalDataTest {

    private static final AffectedWindow EVERYTHING = new AffectedWindow(Instant.parse("2000-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    private static Replica replica;

    @BeforeAll
    static void connect() throws ConnectFailure {
        TestReplica.reseed();
        replica = Replica.connect(TestReplica.settings());
    }

    @AfterAll
    static void close() {
        replica.close();
    }

    @Test
    void everyListedPersonalValueIsReallyInTheSeededRows() throws SQLException {
        String rows;
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select string_agg(e::text, ' ') from personrecordservice.event_log e)"
                     + " || (select string_agg(p::text, ' ') from personrecordservice.person p)")) {
            rs.next();
            rows = rs.getString(1);
        }

        assertThat(rows).contains(TestReplica.PERSONAL_VALUES);
    }

    @Test
    void nothingTheConsoleReadsCarriesAPersonalValue() throws SQLException {
        List<String> read = new ArrayList<>();
        for (RecordMode mode : RecordMode.values()) {
            replica.affectedRecords(EVERYTHING, mode, r -> read.add(r.toString())).run();
        }
        read.add(replica.counts(EVERYTHING).run().toString());
        read.add(replica.clusterStatistics(EVERYTHING).run().toString());
        read.add(replica.outstandingClusters(EVERYTHING).run().toString());
        read.add(replica.info().toString());

        // 23 records, 38 events (all the CREATED/UPDATED ones seeded), counts, statistics, outstanding, info
        assertThat(read).hasSize(23 + 38 + 4);
        for (String value : TestReplica.PERSONAL_VALUES) {
            assertThat(read).noneMatch(line -> line.contains(value));
        }
    }

    @Test
    void noStatementTheConsoleSendsNamesAPersonalDataColumn() throws IllegalAccessException {
        List<String> statements = new ArrayList<>();
        for (Field f : RunbookSql.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                statements.add((String) f.get(null));
            }
        }

        assertThat(statements).hasSizeGreaterThan(8);
        for (String column : List.of("first_name", "middle_names", "last_name", "date_of_birth", "aliases",
                "postcodes", "cros", "pncs", "sentence_dates")) {
            assertThat(statements).noneMatch(sql -> sql.contains(column));
        }
        // person's id columns (the CRN is Delius's source_system_id) are read by one statement only, which needs
        // them to name the records of a cluster left in NEEDS_ATTENTION, and only as that record's id
        for (String column : List.of("crn", "prison_number", "defendant_id", "c_id")) {
            assertThat(statements).filteredOn(sql -> sql.contains("r." + column) || sql.contains(" " + column))
                    .containsExactly(RunbookSql.OUTSTANDING_CLUSTER_RECORDS);
        }
        assertThat(RunbookSql.OUTSTANDING_CLUSTER_RECORDS)
                .containsPattern("(?s)case r\\.source_system\\s+when 'DELIUS' then r\\.crn\\s+"
                        + "when 'NOMIS' then r\\.prison_number\\s+when 'COMMON_PLATFORM' then r\\.defendant_id\\s+"
                        + "when 'LIBRA' then r\\.c_id\\s+end as source_system_id");
        // nor takes whole rows
        assertThat(statements).noneMatch(sql -> sql.matches("(?s).*(select\\s+\\*|\\w\\.\\*|::text).*"));
    }
}
