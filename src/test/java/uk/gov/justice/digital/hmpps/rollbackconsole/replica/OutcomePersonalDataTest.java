package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/** The outcome's lookups read identifiers only, as the runbook's queries do. */
class OutcomePersonalDataTest {

    private static final AffectedWindow EVERYTHING = new AffectedWindow(Instant.parse("2000-01-01T00:00:00Z"),
            Instant.parse("2100-01-01T00:00:00Z"));

    private static Replica replica;

    @BeforeAll
    static void connect() throws ConnectFailure {
        TestReplica.reseed();
        TestReplica.seedReclusterOutcome();
        replica = Replica.connect(TestReplica.settings());
    }

    @AfterAll
    static void close() {
        replica.close();
        TestReplica.reseed();
    }

    @Test
    void noOutcomeStatementNamesAPersonalDataColumnOrTakesWholeRows() throws IllegalAccessException {
        List<String> statements = new ArrayList<>();
        for (Field f : OutcomeSql.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                statements.add((String) f.get(null));
            }
        }

        assertThat(statements).hasSizeGreaterThan(6);
        for (String column : List.of("first_name", "middle_names", "last_name", "date_of_birth", "aliases",
                "postcodes", "cros", "pncs", "sentence_dates", "master_defendant_id")) {
            assertThat(statements).noneMatch(sql -> sql.contains(column));
        }
        assertThat(statements).noneMatch(sql -> sql.matches("(?s).*(select\\s+\\*|\\w\\.\\*|::text).*"));
    }

    @Test
    void nothingTheLookupsReadCarriesAPersonalValue() throws SQLException {
        List<String> read = new ArrayList<>();
        List<RecordKey> keys = List.of(new RecordKey(SourceSystem.NOMIS, "A2011AA"),
                new RecordKey(SourceSystem.DELIUS, "X200012"), new RecordKey(SourceSystem.LIBRA, "1000004"));
        ClusterLookup.inOneSnapshot(replica, s -> {
            read.add(s.currentClusters(keys).toString());
            read.add(s.recordsOf(List.of(TestReplica.N3, TestReplica.E1, TestReplica.CLUSTER_1_ACTIVE)).toString());
            read.add(s.recordsNow(List.of(TestReplica.N3, TestReplica.E2)).toString());
            read.add(s.mergeEvents(EVERYTHING, keys).toString());
            read.add(s.affectedByHour(EVERYTHING).toString());
            read.add(s.reviewQueue(List.of(TestReplica.N3)).toString());
            return null;
        }).run();

        assertThat(read.get(0)).contains("A2011AA", "X200012", "1000004");
        for (String value : TestReplica.PERSONAL_VALUES) {
            assertThat(read).noneMatch(line -> line.contains(value));
        }
    }
}
