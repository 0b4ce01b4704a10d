package uk.gov.justice.digital.hmpps.rollbackconsole.testing;

import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.COMMON_PLATFORM;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.LIBRA;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.NOMIS;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal.RehearsalDatabase;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;

/**
 * A real PostgreSQL with Person Record's tables and a small, exact data set (src/test/resources/replica), shared
 * by every test in the JVM: started on first use, stopped by a shutdown hook. The constants below are what the
 * runbook's queries must return on that data; seed.sql explains each row. Tests that change data call
 * {@link #reseed()} when they are done.
 */
public final class TestReplica {

    public static final String DATABASE = RehearsalDatabase.DATABASE;
    /** The role the console logs in as: not a superuser, but allowed to write, so that refusals prove read-only. */
    public static final String CONSOLE_USER = RehearsalDatabase.CONSOLE_USER;

    // ---- cutoffs and bounds -------------------------------------------------------------------------------

    /** A cutoff as an incident lead reads it off a London clock in summer... */
    public static final String CUTOFF_BST_LOCAL = "2025-06-09 13:21:55";
    /** ...which is this instant (BST is UTC+1). */
    public static final Instant CUTOFF_BST = Instant.parse("2025-06-09T12:21:55Z");
    /** A cutoff in winter: London time is UTC. */
    public static final String CUTOFF_GMT_LOCAL = "2025-11-18 09:05:00";
    public static final Instant CUTOFF_GMT = Instant.parse("2025-11-18T09:05:00Z");
    /** The upper bound of every window below. One affected event lies exactly on it, one a second later. */
    public static final Instant AS_OF = Instant.parse("2025-12-01T00:00:00Z");
    /** 2025-03-30: London's clocks go from 01:00 GMT to 02:00 BST at this instant. */
    public static final Instant CLOCKS_GO_FORWARD = Instant.parse("2025-03-30T01:00:00Z");
    /** 2025-10-26: London's clocks go from 02:00 BST back to 01:00 GMT at this instant. */
    public static final Instant CLOCKS_GO_BACK = Instant.parse("2025-10-26T01:00:00Z");

    /** A summer as-of bound, 14:00:00 in London: the bad release's last events lie in the hour before it. */
    public static final Instant SUMMER_AS_OF = Instant.parse("2025-06-09T13:00:00Z");

    public static final AffectedWindow BST_WINDOW = new AffectedWindow(CUTOFF_BST, AS_OF, EventClock.UK);
    public static final AffectedWindow GMT_WINDOW = new AffectedWindow(CUTOFF_GMT, AS_OF, EventClock.UK);
    /** From the BST cutoff to the summer as-of bound: both ends an hour off if event_log were read as UTC. */
    public static final AffectedWindow SUMMER_WINDOW = new AffectedWindow(CUTOFF_BST, SUMMER_AS_OF, EventClock.UK);
    /**
     * The summer window's events in id order: at the cutoff, 1 ms and 1 s after, and 10 minutes before the as-of
     * bound. Read as UTC, the window would instead take only 1000024 (stored 12:40:00 UK, 41 min before the cutoff).
     */
    public static final List<String> SUMMER_EVENT_IDS = List.of("A1001AA", "cf000000-0000-4000-8000-000000000003",
            "1000004", "X100023");
    public static final List<String> SUMMER_EVENT_IDS_IF_READ_AS_UTC = List.of("1000024");

    // ---- clusters (person_key) ----------------------------------------------------------------------------

    public static final UUID CLUSTER_1_ACTIVE = UUID.fromString("1a1a1a1a-0000-4000-8000-000000000001");
    public static final UUID CLUSTER_2_ACTIVE = UUID.fromString("2b2b2b2b-0000-4000-8000-000000000002");
    /** NEEDS_ATTENTION, status_reason BROKEN_CLUSTER. */
    public static final UUID CLUSTER_3_BROKEN = UUID.fromString("3c3c3c3c-0000-4000-8000-000000000003");
    /** NEEDS_ATTENTION, status_reason OVERRIDE_CONFLICT. */
    public static final UUID CLUSTER_4_OVERRIDE_CONFLICT = UUID.fromString("4d4d4d4d-0000-4000-8000-000000000004");
    /** Legacy status MERGED. */
    public static final UUID CLUSTER_5_MERGED = UUID.fromString("5e5e5e5e-0000-4000-8000-000000000005");
    /** ACTIVE, with no affected record in the BST or GMT window. */
    public static final UUID CLUSTER_6_UNAFFECTED = UUID.fromString("6f6f6f6f-0000-4000-8000-000000000006");
    /** Legacy status RECLUSTER_MERGE; its only record's event lies exactly on AS_OF. */
    public static final UUID CLUSTER_7_RECLUSTER_MERGE = UUID.fromString("7a7a7a7a-0000-4000-8000-000000000007");

    // ---- the BST window [CUTOFF_BST, AS_OF) ---------------------------------------------------------------

    /** CREATED/UPDATED events in the window, distinct source records, distinct non-null event person_uuids. */
    public static final AffectedCounts BST_COUNTS = new AffectedCounts(24, 16, 4);
    /**
     * The BST cutoff with no upper bound but the replica's clock, as the window and the command line use it: the two
     * events at and just after {@link #AS_OF} come in (a new record in the RECLUSTER_MERGE cluster, and one more
     * update of a record already counted).
     */
    public static final AffectedCounts BST_TO_NOW_COUNTS = new AffectedCounts(26, 17, 5);
    public static final long BST_EVENTS_WITHOUT_PERSON_UUID = 2;
    public static final long BST_RECORDS_WITHOUT_PERSON_UUID = 2;
    public static final Map<SourceSystem, Long> BST_RECORDS_BY_SOURCE_SYSTEM =
            bySourceSystem(4, 5, 4, 3);
    public static final Map<SourceSystem, Long> BST_EVENTS_BY_SOURCE_SYSTEM =
            bySourceSystem(5, 11, 5, 3);
    /**
     * The runbook's cluster status statistics: clusters the affected records are in now, by status. Five, though
     * the events name only four person_uuids: record X100010's event has none, but the record is in cluster 5.
     */
    public static final Map<String, Long> BST_CLUSTERS_BY_STATUS =
            orderedMap("ACTIVE", 2L, "MERGED", 1L, "NEEDS_ATTENTION", 2L);

    /** The record updated seven times in the window. */
    public static final AffectedRecord SEVEN_UPDATES = record(CLUSTER_3_BROKEN, DELIUS, "X100005", 7,
            "2025-10-01T08:00:00Z");
    /** Moved from cluster 2 to cluster 4 between its two affected events: the distinct form reports cluster 4. */
    public static final AffectedRecord CHANGED_CLUSTER = record(CLUSTER_4_OVERRIDE_CONFLICT, NOMIS, "A1006AA", 2,
            "2025-08-15T09:00:00Z");
    /** Two events in the same instant, cluster 1 then cluster 2 (higher id): the distinct form reports cluster 2. */
    public static final AffectedRecord SAME_INSTANT_EVENTS = record(CLUSTER_2_ACTIVE, COMMON_PLATFORM,
            "cf000000-0000-4000-8000-000000000007", 2, "2025-09-10T08:00:00Z");

    /** The distinct form for the BST window, in the order the replica returns it (source system, then id). */
    public static final List<AffectedRecord> BST_DISTINCT_RECORDS = List.of(
            record(CLUSTER_2_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000003", 1,
                    "2025-06-09T12:21:55.001Z"),
            SAME_INSTANT_EVENTS,
            record(CLUSTER_4_OVERRIDE_CONFLICT, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000014", 1,
                    "2025-11-18T09:05:01Z"),
            record(CLUSTER_1_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000018", 1,
                    "2025-10-26T00:30:00Z"),
            SEVEN_UPDATES,
            record(null, DELIUS, "X100010", 1, "2025-06-11T10:00:00Z"),
            record(CLUSTER_1_ACTIVE, DELIUS, "X100012", 1, "2025-11-18T09:05:00Z"),
            // 01:30 GMT is stored as 01:30, which the night the clocks went back reads as 01:30 BST, the earlier
            record(CLUSTER_2_ACTIVE, DELIUS, "X100021", 1, "2025-10-26T00:30:00Z"),
            record(CLUSTER_1_ACTIVE, DELIUS, "X100023", 1, "2025-06-09T12:50:00Z"),
            record(CLUSTER_2_ACTIVE, LIBRA, "1000004", 1, "2025-06-09T12:21:56Z"),
            record(null, LIBRA, "1000008", 1, "2025-06-10T09:00:00Z"),
            record(CLUSTER_3_BROKEN, LIBRA, "1000019", 1, "2025-10-26T00:59:59.999Z"),
            record(CLUSTER_1_ACTIVE, NOMIS, "A1001AA", 1, "2025-06-09T12:21:55Z"),
            CHANGED_CLUSTER,
            record(CLUSTER_3_BROKEN, NOMIS, "A1013AA", 1, "2025-11-18T09:04:59.999Z"),
            record(CLUSTER_1_ACTIVE, NOMIS, "A1020AA", 1, "2025-10-26T00:00:00Z")); // 01:00 GMT read as 01:00 BST

    /**
     * The seed runbook's form for the BST window: one row per event, in the order the console reads them, by
     * event_timestamp and then id: {@link #BST_EVENT_ROWS_BY_ID} sorted, stably, by the time each was stored (the
     * instants read back keep the stored readings' order, the repeated hour included).
     */
    public static final List<AffectedRecord> BST_EVENT_ROWS;

    /** The same rows in event_log id order: the seed stores some events out of time order on purpose. */
    public static final List<AffectedRecord> BST_EVENT_ROWS_BY_ID = List.of(
            record(CLUSTER_1_ACTIVE, NOMIS, "A1001AA", 1, "2025-06-09T12:21:55Z"),
            record(CLUSTER_2_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000003", 1,
                    "2025-06-09T12:21:55.001Z"),
            record(CLUSTER_2_ACTIVE, LIBRA, "1000004", 1, "2025-06-09T12:21:56Z"),
            record(CLUSTER_1_ACTIVE, DELIUS, "X100023", 1, "2025-06-09T12:50:00Z"),
            record(null, LIBRA, "1000008", 1, "2025-06-10T09:00:00Z"),
            record(null, DELIUS, "X100010", 1, "2025-06-11T10:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-06-12T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-06-20T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-07-03T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-07-20T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-08-01T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-09-01T08:00:00Z"),
            record(CLUSTER_3_BROKEN, DELIUS, "X100005", 1, "2025-10-01T08:00:00Z"),
            record(CLUSTER_2_ACTIVE, NOMIS, "A1006AA", 1, "2025-07-01T10:00:00Z"),
            record(CLUSTER_4_OVERRIDE_CONFLICT, NOMIS, "A1006AA", 1, "2025-08-15T09:00:00Z"),
            record(CLUSTER_1_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000007", 1,
                    "2025-09-10T08:00:00Z"),
            record(CLUSTER_2_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000007", 1,
                    "2025-09-10T08:00:00Z"),
            record(CLUSTER_1_ACTIVE, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000018", 1,
                    "2025-10-26T00:30:00Z"),
            record(CLUSTER_3_BROKEN, LIBRA, "1000019", 1, "2025-10-26T00:59:59.999Z"),
            record(CLUSTER_1_ACTIVE, NOMIS, "A1020AA", 1, "2025-10-26T00:00:00Z"), // 01:00 GMT read as 01:00 BST
            // 01:30 GMT is stored as 01:30, which the night the clocks went back reads as 01:30 BST, the earlier
            record(CLUSTER_2_ACTIVE, DELIUS, "X100021", 1, "2025-10-26T00:30:00Z"),
            record(CLUSTER_3_BROKEN, NOMIS, "A1013AA", 1, "2025-11-18T09:04:59.999Z"),
            record(CLUSTER_1_ACTIVE, DELIUS, "X100012", 1, "2025-11-18T09:05:00Z"),
            record(CLUSTER_4_OVERRIDE_CONFLICT, COMMON_PLATFORM, "cf000000-0000-4000-8000-000000000014", 1,
                    "2025-11-18T09:05:01Z"));

    static {
        List<AffectedRecord> byTime = new java.util.ArrayList<>(BST_EVENT_ROWS_BY_ID);
        byTime.sort(java.util.Comparator.comparing(AffectedRecord::lastEvent));
        BST_EVENT_ROWS = List.copyOf(byTime);
    }

    /**
     * Records whose only event near the BST cutoff is outside the window: 1 ms before, and 41 minutes 55 s before
     * (which a cutoff read an hour early would take in). The Common Platform record ...0003 also has an event 1 s
     * before, which is left out: it appears once, for its event 1 ms after.
     */
    public static final List<String> BST_JUST_BEFORE_IDS = List.of("X100002", "1000024");
    /** Only excluded event types (current and legacy) after the cutoff: never affected. */
    public static final String ONLY_EXCLUDED_EVENTS_ID = "A1011AA";

    // ---- the GMT window [CUTOFF_GMT, AS_OF) ---------------------------------------------------------------

    public static final AffectedCounts GMT_COUNTS = new AffectedCounts(2, 2, 2);
    /** X100012 exactly at the cutoff and the Common Platform record 1 s after; A1013AA (1 ms before) is out. */
    public static final List<AffectedRecord> GMT_DISTINCT_RECORDS = List.of(
            BST_DISTINCT_RECORDS.get(2), BST_DISTINCT_RECORDS.get(6));
    public static final Map<String, Long> GMT_CLUSTERS_BY_STATUS = orderedMap("ACTIVE", 1L, "NEEDS_ATTENTION", 1L);

    // ---- the clock-change days (source_system_ids in event order) ------------------------------------------

    /** [2025-03-30T00:00Z, CLOCKS_GO_FORWARD): London 00:00 to 00:59:59 GMT. */
    public static final List<String> BEFORE_CLOCKS_GO_FORWARD_IDS = List.of("1000015");
    /** [CLOCKS_GO_FORWARD, 2025-03-31T00:00Z): from London 02:00 BST. */
    public static final List<String> AFTER_CLOCKS_GO_FORWARD_IDS = List.of("X100016", "A1017AA");
    /** The first pass of London's 01:00-02:00 on 2025-10-26 (BST): 01:30 and 01:59:59.999. */
    public static final List<String> FIRST_PASS_OF_THE_REPEATED_HOUR_IDS =
            List.of("cf000000-0000-4000-8000-000000000018", "1000019");
    /** The second pass of it (GMT): 01:00 and 01:30. event_log stores both passes alike, as 01:00-02:00. */
    public static final List<String> SECOND_PASS_OF_THE_REPEATED_HOUR_IDS = List.of("A1020AA", "X100021");

    /**
     * Every personal value seeded (names, aliases, dates of birth, postcodes, CROs, PNCs), so that tests can show
     * none of them reaches anything the console writes. All invented.
     */
    public static final List<String> PERSONAL_VALUES = List.of(
            "Tobiah", "Merrow", "Quillfeather", "1971-04-23", "Tobyah", "Quilfether", "1971-04-24", "ZX1 4QP",
            "104477/71X", "1991/0104477Z",
            "Ismenia", "Wren", "Ashgrove-Pellow", "1984-11-02", "Ismeny", "Ashgrove", "ZX2 7LW",
            "220918/84K", "2002/0220918K",
            "Corvinus", "Hale", "Brackenridge", "1966-01-30", "Corvin", "Brakenridge", "1966-01-03", "ZX3 9DN",
            "339012/66C", "1985/0339012C",
            "Philippa", "Saffron", "Yelverton", "1999-07-17", "Pippa", "Yelvertone", "ZX4 2HB",
            "447301/99P", "2017/0447301P",
            "Oswin", "Tarrant", "Fennimore", "1958-03-09", "Ozwin", "Fenimore", "ZX5 6RT",
            "558120/58M", "1976/0558120M",
            "Marisol", "Eira", "Venditti-Crane", "1990-12-25", "Marisole", "Vendetti", "ZX6 1AJ",
            "661254/90E", "2008/0661254E",
            "Leofric", "Ambrose", "Dunstanville", "1977-05-05", "Leofrick", "Dunstanvile", "ZX7 8UU",
            "770033/77L", "1995/0770033L",
            "Gwenllian", "Rhos", "Ap-Tudur", "2001-02-28", "Gwenlian", "Aptudur", "ZX8 3GG",
            "880702/01G", "2019/0880702G");

    // ---- a recluster's outcome (recluster-outcome.sql, on top of the seed) ---------------------------------

    public static final UUID E1 = UUID.fromString("e1000000-0000-4000-8000-000000000001");
    public static final UUID E2 = UUID.fromString("e2000000-0000-4000-8000-000000000002");
    public static final UUID E3 = UUID.fromString("e3000000-0000-4000-8000-000000000003");
    public static final UUID E4 = UUID.fromString("e4000000-0000-4000-8000-000000000004");
    public static final UUID E5 = UUID.fromString("e5000000-0000-4000-8000-000000000005");
    public static final UUID E6 = UUID.fromString("e6000000-0000-4000-8000-000000000006");
    public static final UUID E7 = UUID.fromString("e7000000-0000-4000-8000-000000000007");
    public static final UUID E8 = UUID.fromString("e8000000-0000-4000-8000-000000000008");
    /** A new cluster, NEEDS_ATTENTION / BROKEN_CLUSTER, not in the review queue: R6 split off E3 into it. */
    public static final UUID N2 = UUID.fromString("b2000000-0000-4000-8000-000000000002");
    /** A new cluster, NEEDS_ATTENTION / OVERRIDE_CONFLICT, in the review queue: E6, E7 and E8 merged into it. */
    public static final UUID N3 = UUID.fromString("b3000000-0000-4000-8000-000000000003");

    /**
     * The exported file of the recluster scenario, in the runbook's format: each record with the cluster the bad
     * release left it in (R10 with none). R14 is not in it.
     */
    public static final String RECLUSTER_FILE = """
            [
              {"person_uuid": "e1000000-0000-4000-8000-000000000001", "source_system": "NOMIS", "source_system_id": "A2001AA"},
              {"person_uuid": "e1000000-0000-4000-8000-000000000001", "source_system": "DELIUS", "source_system_id": "X200002"},
              {"person_uuid": "e2000000-0000-4000-8000-000000000002", "source_system": "LIBRA", "source_system_id": "2000003"},
              {"person_uuid": "e3000000-0000-4000-8000-000000000003", "source_system": "COMMON_PLATFORM", "source_system_id": "cf200000-0000-4000-8000-000000000004"},
              {"person_uuid": "e3000000-0000-4000-8000-000000000003", "source_system": "DELIUS", "source_system_id": "X200005"},
              {"person_uuid": "e3000000-0000-4000-8000-000000000003", "source_system": "NOMIS", "source_system_id": "A2006AA"},
              {"person_uuid": "e4000000-0000-4000-8000-000000000004", "source_system": "LIBRA", "source_system_id": "2000007"},
              {"person_uuid": "e5000000-0000-4000-8000-000000000005", "source_system": "DELIUS", "source_system_id": "X200008"},
              {"person_uuid": "e4000000-0000-4000-8000-000000000004", "source_system": "NOMIS", "source_system_id": "A2009AA"},
              {"person_uuid": null, "source_system": "COMMON_PLATFORM", "source_system_id": "cf200000-0000-4000-8000-000000000010"},
              {"person_uuid": "e6000000-0000-4000-8000-000000000006", "source_system": "NOMIS", "source_system_id": "A2011AA"},
              {"person_uuid": "e7000000-0000-4000-8000-000000000007", "source_system": "DELIUS", "source_system_id": "X200012"},
              {"person_uuid": "e8000000-0000-4000-8000-000000000008", "source_system": "COMMON_PLATFORM", "source_system_id": "cf200000-0000-4000-8000-000000000013"}
            ]
            """;

    /** Adds the recluster scenario to the seed; call {@link #reseed()} when done. */
    public static synchronized void seedReclusterOutcome() {
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute(resource("recluster-outcome.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the recluster scenario", e);
        }
    }

    private TestReplica() {
    }

    /** The console's settings for the seeded database: local, no TLS, no password (the server trusts loopback). */
    public static ConnectionSettings settings() {
        return new ConnectionSettings("localhost", port(), DATABASE, CONSOLE_USER, null, Environment.LOCAL,
                SslMode.DISABLE, null, null);
    }

    public static int port() {
        return Server.INSTANCE.getPort();
    }

    /** A writable superuser connection to the seeded database, for tests that change data or watch sessions. */
    public static DataSource admin() {
        return Server.INSTANCE.getDatabase("postgres", DATABASE);
    }

    /** A writable superuser connection to another database of the same server (e.g. "postgres"). */
    public static DataSource admin(String database) {
        return Server.INSTANCE.getDatabase("postgres", database);
    }

    /** Puts the seed data back exactly as it was, whatever a test (or a bulk seed) did to the three tables. */
    public static synchronized void reseed() {
        seed(admin());
    }

    private static AffectedRecord record(UUID cluster, SourceSystem system, String id, int events, String last) {
        return new AffectedRecord(cluster, system, id, events, Instant.parse(last));
    }

    private static Map<SourceSystem, Long> bySourceSystem(long nomis, long delius, long commonPlatform, long libra) {
        Map<SourceSystem, Long> m = new LinkedHashMap<>();
        m.put(NOMIS, nomis);
        m.put(DELIUS, delius);
        m.put(COMMON_PLATFORM, commonPlatform);
        m.put(LIBRA, libra);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Long> orderedMap(Object... keysAndValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (Long) keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    static String resource(String name) {
        try (InputStream in = TestReplica.class.getResourceAsStream("/replica/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource replica/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seed(DataSource database) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("truncate personrecordservice.event_log, personrecordservice.person,"
                        + " personrecordservice.person_key, personrecordservice.review,"
                        + " personrecordservice.review_cluster_link restart identity");
                s.execute(resource("seed.sql"));
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze personrecordservice.event_log, personrecordservice.person,"
                        + " personrecordservice.person_key");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the test replica", e);
        }
    }

    /** Started on first use; zonky's shutdown hook stops it and deletes its data directory. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            Map<String, String> config = RehearsalDatabase.throwawayConfig();
            config.put("max_wal_size", "4GB");
            config.put("shared_buffers", "256MB");
            config.put("maintenance_work_mem", "256MB");
            config.put("max_connections", "60");
            // Allowed to write, so that the console's refusals prove its connections read-only.
            EmbeddedPostgres pg = RehearsalDatabase.start(config, "select, insert, update, delete, truncate");
            try (Connection c = RehearsalDatabase.admin(pg).getConnection(); Statement s = c.createStatement()) {
                s.execute("grant create on schema personrecordservice to " + CONSOLE_USER);
            } catch (SQLException e) {
                throw new IllegalStateException("could not grant the console's role", e);
            }
            seed(RehearsalDatabase.admin(pg));
            return pg;
        }
    }
}
