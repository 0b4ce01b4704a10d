package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

/**
 * event_log holds UK wall-clock time. What the console exports, counts and lists must be exactly what the runbook's
 * own queries select in psql with the UK wall-clock literal an incident lead reads off a London clock.
 */
class EventClockExportTest {

    /**
     * The runbook's affected-records query, as typed into psql with the summer window's UK wall-clock literals, in
     * the console's order (the runbook's own query has none).
     */
    private static final String RUNBOOK_EVENTS = """
            select el.person_uuid, el.source_system, el.source_system_id
            from personrecordservice.event_log el
            where el.event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')
              and el.event_timestamp >= '2025-06-09 13:21:55' and el.event_timestamp < '2025-06-09 14:00:00'
            order by el.event_timestamp, el.id""";
    private static final String RUNBOOK_DISTINCT = """
            select distinct el.source_system, el.source_system_id
            from personrecordservice.event_log el
            where el.event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')
              and el.event_timestamp >= '2025-06-09 13:21:55' and el.event_timestamp < '2025-06-09 14:00:00'
            order by 1, 2""";
    private static final String RUNBOOK_STATISTICS = """
            with affected_records as (
              select distinct el.source_system_id, el.source_system, el.match_id
              from personrecordservice.event_log el
              where el.event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')
                and el.event_timestamp >= '2025-06-09 13:21:55' and el.event_timestamp < '2025-06-09 14:00:00'
            )
            select clusters.status, count(*)
            from (select distinct pk.id, pk.status
                  from affected_records ar
                  join personrecordservice.person p on ar.match_id = p.match_id
                  join personrecordservice.person_key pk on pk.id = p.fk_person_key_id) clusters
            group by clusters.status order by 1""";
    private static final String RUNBOOK_OUTSTANDING = """
            select distinct pk.person_uuid
            from personrecordservice.event_log el
            join personrecordservice.person p on el.match_id = p.match_id
            join personrecordservice.person_key pk on pk.id = p.fk_person_key_id
            where el.event_type in ('CPR_RECORD_CREATED', 'CPR_RECORD_UPDATED')
              and el.event_timestamp >= '2025-06-09 13:21:55' and el.event_timestamp < '2025-12-01 00:00:00'
              and pk.status = 'NEEDS_ATTENTION'
            order by 1""";

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private static Replica replica;

    @BeforeAll
    static void connect() throws Exception {
        TestReplica.reseed();
        replica = Replica.connect(TestReplica.settings());
    }

    @AfterAll
    static void close() {
        replica.close();
    }

    @AfterEach
    void reseed() {
        TestReplica.reseed();
    }

    @ParameterizedTest
    @EnumSource(RecordMode.class)
    void theExportOfASummerWindowIsExactlyWhatPsqlSelectsWithTheUkWallClockLiteral(RecordMode mode) throws Exception {
        Path file = dir.resolve("summer-" + mode + ".json");

        ExportCommand.streamExport(replica, TestReplica.SUMMER_WINDOW, mode, file, false, r -> { });

        List<String> exported = read(file, mode == RecordMode.ONE_ROW_PER_EVENT);
        List<String> psql = mode == RecordMode.ONE_ROW_PER_EVENT ? rows(RUNBOOK_EVENTS, true)
                : rows(RUNBOOK_DISTINCT, false).stream().sorted().toList();
        assertThat(exported).isEqualTo(psql).hasSize(4);
        // the bad release's last event, ten minutes before the as-of bound (stored 13:50:00 UK time), is in
        assertThat(exported).anySatisfy(r -> assertThat(r).contains("X100023"));
    }

    @Test
    void theStatisticsAndOutstandingClustersAreTakenOnTheUkWallClockToo() throws Exception {
        Map<String, Long> psql = new LinkedHashMap<>();
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(RUNBOOK_STATISTICS)) {
            while (rs.next()) {
                psql.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(replica.clusterStatistics(TestReplica.SUMMER_WINDOW).run().clustersByStatus()).isEqualTo(psql)
                .isNotEqualTo(replica.clusterStatistics(TestReplica.SUMMER_WINDOW.in(EventClock.UTC)).run()
                        .clustersByStatus());

        List<String> outstanding = replica.outstandingClusters(TestReplica.BST_WINDOW).run().clusters().stream()
                .map(OutstandingCluster::personUuid).map(String::valueOf).sorted().toList();
        assertThat(outstanding).isEqualTo(rows(RUNBOOK_OUTSTANDING, false)).isNotEmpty();
    }

    @Test
    void theCommandLineTakesTheEventsWrittenInTheLastMinutesAsTheServiceWritesThem() throws Exception {
        // Two events written now as the service writes them: a session in Europe/London, the column's default.
        insertAsTheServiceDoes("A1001AA", "NOMIS", 1);
        insertAsTheServiceDoes("X100016", "DELIUS", 16);
        Path file = dir.resolve("to-now.json");

        int code = CommandLine.run(new String[] {"export", "--host", "localhost", "--port",
                Integer.toString(TestReplica.port()), "--database", TestReplica.DATABASE, "--user",
                TestReplica.CONSOLE_USER, "--cutoff", TestReplica.CUTOFF_BST_LOCAL, "--zone", "Europe/London",
                "--per-event", "--out", file.toString()}, print(out), print(err), Map.of());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("Event clock: ")
                .contains("Cutoff compared: 2025-06-09 13:21:55 Europe/London (BST) = 2025-06-09 12:21:55 UTC, so"
                        + " event_timestamp >= '2025-06-09 13:21:55' (UK time)")
                .containsPattern("event_timestamp >= '2025-06-09 13:21:55.000000' and < '\\d{4}-\\d\\d-\\d\\d "
                        + "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}' \\(UK time\\)");
        // The runbook's open-ended query, typed into psql a moment later, with the literal read off a London clock
        List<String> psql = rows(RUNBOOK_EVENTS.replace(" and el.event_timestamp < '2025-06-09 14:00:00'", ""), true);
        List<String> exported = read(file, true);
        assertThat(exported).isEqualTo(psql);
        assertThat(exported.subList(exported.size() - 2, exported.size()))
                .containsExactly(TestReplica.CLUSTER_1_ACTIVE + " NOMIS A1001AA", "null DELIUS X100016");
    }

    @Test
    void theCommandLineRefusesDataThatLooksLikeUtcUnlessTheClockIsChosen() throws Exception {
        // Whether UTC data can be told apart depends on the season: in winter both clocks read the same.
        Optional<EventClock> detectable = writeNewestEventIn(EventClock.UTC);
        Path file = dir.resolve("utc.json");
        String[] base = {"export", "--host", "localhost", "--port", Integer.toString(TestReplica.port()),
                "--database", TestReplica.DATABASE, "--user", TestReplica.CONSOLE_USER, "--cutoff",
                TestReplica.CUTOFF_BST_LOCAL, "--out", file.toString()};

        int code = CommandLine.run(base, print(out), print(err), Map.of());

        String said = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        if (detectable.isPresent()) {
            assertThat(code).as(said).isEqualTo(1);
            assertThat(said).contains("event_log looks like UTC").contains("--event-clock utc")
                    .contains("nothing was exported");
            assertThat(file).doesNotExist();
            List<String> chosen = new ArrayList<>(List.of(base));
            chosen.addAll(List.of("--event-clock", "utc"));
            assertThat(CommandLine.run(chosen.toArray(String[]::new), print(out), print(err), Map.of())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("(UTC)");
        } else {
            assertThat(code).as(said).isZero();
            assertThat(said).contains("UK time and UTC agree now (GMT)");
        }
    }

    @Test
    void anUnknownEventClockIsAUsageError() {
        int code = CommandLine.run(new String[] {"export", "--host", "localhost", "--database", "d", "--user", "u",
                "--cutoff", "2025-06-09 13:21:55", "--out", dir.resolve("x.json").toString(), "--event-clock", "BST"},
                print(out), print(err), Map.of());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--event-clock BST is not a clock");
    }

    /**
     * Writes one affected event "now" in the given clock, as a service running in that zone would, and says which
     * clock the data can be told to follow now (empty in winter, when the two agree).
     */
    private static Optional<EventClock> writeNewestEventIn(EventClock clock) throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("set timezone = '" + (clock == EventClock.UTC ? "UTC" : clock.zone().getId()) + "'");
            s.execute("insert into personrecordservice.event_log (source_system_id, source_system, match_id, event_type)"
                    + " values ('A1001AA', 'NOMIS', 'ee000000-0000-4000-8000-000000000001', 'CPR_RECORD_UPDATED')");
        }
        return replica.clockReading().detected();
    }

    private static void insertAsTheServiceDoes(String id, String system, int record) throws Exception {
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'Europe/London'");
            s.execute("insert into personrecordservice.event_log (source_system_id, source_system, person_uuid,"
                    + " match_id, event_type) values ('" + id + "', '" + system + "', "
                    + (record == 1 ? "'" + TestReplica.CLUSTER_1_ACTIVE + "'" : "null") + ", 'ee000000-0000-4000-8000-"
                    + String.format("%012d", record) + "', 'CPR_RECORD_UPDATED')");
        }
    }

    private static List<String> rows(String sql, boolean withCluster) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = TestReplica.admin().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(withCluster ? rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)
                        : rs.getString(1) + (rs.getMetaData().getColumnCount() > 1 ? " " + rs.getString(2) : ""));
            }
        }
        return rows;
    }

    private static List<String> read(Path file, boolean withCluster) throws Exception {
        List<String> rows = new ArrayList<>();
        try (RunbookJsonReader reader = RunbookJsonReader.open(file)) {
            for (Optional<FileRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                FileRecord f = r.get();
                rows.add((withCluster ? f.personUuid() + " " : "") + f.sourceSystem() + " " + f.sourceSystemId());
            }
        }
        if (!withCluster) {
            // the console orders bytewise by source system, then id, as psql's "order by 1, 2" does in the C locale
            rows.sort(null);
        }
        return rows;
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
