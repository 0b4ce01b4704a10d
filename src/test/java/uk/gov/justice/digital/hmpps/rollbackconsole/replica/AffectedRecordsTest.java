package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.AS_OF;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.BST_DISTINCT_RECORDS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.BST_EVENT_ROWS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.BST_WINDOW;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.CLOCKS_GO_BACK;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.CLOCKS_GO_FORWARD;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.GMT_DISTINCT_RECORDS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica.GMT_WINDOW;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class AffectedRecordsTest {

    /**
     * Both passes of the repeated hour in the order event_log's readings put them (then id): 01:00 (GMT, the second
     * pass), 01:30 (BST, first pass, the lower id), 01:30 (GMT), 01:59:59.999 (BST). The column cannot tell the passes
     * apart, so neither can the order.
     */
    private static final List<String> REPEATED_HOUR_AS_STORED = List.of("A1020AA",
            TestReplica.FIRST_PASS_OF_THE_REPEATED_HOUR_IDS.get(0), "X100021",
            TestReplica.FIRST_PASS_OF_THE_REPEATED_HOUR_IDS.get(1));


    private static final ZoneId LONDON = ZoneId.of("Europe/London");

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
    void distinctFormGivesOneRowPerRecordWithItsEventCountLatestEventAndLatestCluster() throws SQLException {
        assertThat(records(BST_WINDOW, RecordMode.DISTINCT_RECORDS)).containsExactlyElementsOf(BST_DISTINCT_RECORDS);
    }

    @Test
    void oneRowPerEventFormRepeatsARecordForEachEventInTheOrderTheyWereStored() throws SQLException {
        assertThat(records(BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT)).containsExactlyElementsOf(BST_EVENT_ROWS);
    }

    @Test
    void eventExactlyAtTheBstCutoffIsInAndOneMillisecondBeforeIsOut() throws SQLException {
        List<String> ids = ids(records(BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT));

        assertThat(ids).contains("A1001AA", "1000004", "X100023")
                .doesNotContainAnyElementsOf(TestReplica.BST_JUST_BEFORE_IDS);
        // the Common Platform record ...0003 has events 1 s before and 1 ms after: only the one after counts
        assertThat(ids).containsOnlyOnce("cf000000-0000-4000-8000-000000000003");
    }

    @Test
    void theBstCutoffReadOffALondonClockSelectsTheSameRecords() throws SQLException {
        Instant cutoff = LocalDateTime.parse(TestReplica.CUTOFF_BST_LOCAL.replace(' ', 'T')).atZone(LONDON)
                .toInstant();

        assertThat(cutoff).isEqualTo(TestReplica.CUTOFF_BST);
        assertThat(records(new AffectedWindow(cutoff, AS_OF), RecordMode.DISTINCT_RECORDS))
                .containsExactlyElementsOf(BST_DISTINCT_RECORDS);
    }

    @Test
    void gmtCutoffIncludesTheEventAtItAndExcludesTheOneAMillisecondBefore() throws SQLException {
        assertThat(records(GMT_WINDOW, RecordMode.DISTINCT_RECORDS)).containsExactlyElementsOf(GMT_DISTINCT_RECORDS);
    }

    @Test
    void theAsOfBoundIsExclusiveSoEventsWrittenDuringThePreviewAreLeftOut() throws SQLException {
        List<AffectedRecord> upToAsOf = records(GMT_WINDOW, RecordMode.ONE_ROW_PER_EVENT);
        List<AffectedRecord> twoSecondsLater = records(new AffectedWindow(TestReplica.CUTOFF_GMT,
                AS_OF.plusSeconds(2)), RecordMode.ONE_ROW_PER_EVENT);

        assertThat(ids(upToAsOf)).doesNotContain("A1022AA");
        assertThat(twoSecondsLater).hasSize(upToAsOf.size() + 2);
        assertThat(twoSecondsLater.subList(upToAsOf.size(), twoSecondsLater.size()))
                .extracting(AffectedRecord::sourceSystemId, AffectedRecord::lastEvent)
                .containsExactly(
                        Tuple.tuple("A1022AA", AS_OF),
                        Tuple.tuple("A1001AA", AS_OF.plusSeconds(1)));
    }

    @Test
    void aCutoffOnTheHourTheClocksGoForwardSplitsTheDayAtOneUtc() throws SQLException {
        Instant dayStart = CLOCKS_GO_FORWARD.truncatedTo(ChronoUnit.DAYS);

        assertThat(ids(records(new AffectedWindow(dayStart, CLOCKS_GO_FORWARD, EventClock.UK), RecordMode.ONE_ROW_PER_EVENT)))
                .containsExactlyElementsOf(TestReplica.BEFORE_CLOCKS_GO_FORWARD_IDS);
        assertThat(ids(records(new AffectedWindow(CLOCKS_GO_FORWARD, dayStart.plus(1, ChronoUnit.DAYS), EventClock.UK),
                RecordMode.ONE_ROW_PER_EVENT)))
                .containsExactlyElementsOf(TestReplica.AFTER_CLOCKS_GO_FORWARD_IDS);
        // London 02:00 BST is the first instant after the jump, and what the bound is compared as
        assertThat(LocalDateTime.parse("2025-03-30T02:00:00").atZone(LONDON).toInstant()).isEqualTo(CLOCKS_GO_FORWARD);
        assertThat(EventClock.UK.lowerBound(CLOCKS_GO_FORWARD).value()).isEqualTo(LocalDateTime.parse("2025-03-30T02:00:00"));
    }

    @Test
    void aUtcInstantInTheSpringGapMapsToTheFirstWallClockTimeAfterIt() throws SQLException {
        // 01:30 UTC on the spring day reads 01:30 on a UTC clock, a time the UK never had: it is 02:30 BST
        Instant inTheGap = Instant.parse("2025-03-30T01:30:00Z");

        assertThat(EventClock.UK.lowerBound(inTheGap).value()).isEqualTo(LocalDateTime.parse("2025-03-30T02:30:00"));
        assertThat(ids(records(new AffectedWindow(inTheGap, Instant.parse("2025-03-31T00:00:00Z"), EventClock.UK),
                RecordMode.ONE_ROW_PER_EVENT))).containsExactly("A1017AA");
    }

    @Test
    void aCutoffInTheRepeatedAutumnHourTakesTheWholeHourAndSaysHowManyEventsThatAdds() throws SQLException {
        // 01:30 BST, the first pass: event_log cannot tell its 01:00-01:30 from the second pass's
        Instant firstPassHalfPast = Instant.parse("2025-10-26T00:30:00Z");
        AffectedWindow w = new AffectedWindow(firstPassHalfPast, Instant.parse("2025-10-27T00:00:00Z"), EventClock.UK);

        assertThat(w.lower().widened()).isTrue();
        assertThat(w.lower().value()).isEqualTo(LocalDateTime.parse("2025-10-26T01:00:00"));
        // every event of both passes is in: nothing after the cutoff can be lost
        assertThat(ids(records(w, RecordMode.ONE_ROW_PER_EVENT))).containsExactlyElementsOf(REPEATED_HOUR_AS_STORED);
        // the one stored between 01:00:00 and 01:30:00 is A1020AA (01:00 GMT): taken in, and counted as such
        var widening = replica.widening(w).run();
        assertThat(widening.extraAtStart()).isEqualTo(1);
        assertThat(widening.extraAtEnd()).isZero();
        assertThat(widening.describe()).hasValueSatisfying(text -> assertThat(text)
                .contains("2025-10-26 01:00:00 (UK time)").contains("1 event between then and 2025-10-26 01:30:00"));
    }

    @Test
    void anAsOfBoundInTheSecondPassOfTheRepeatedHourRunsToItsEnd() throws SQLException {
        Instant dayStart = CLOCKS_GO_BACK.truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        // 01:15 GMT: the first pass's 01:30 and 01:59:59.999 BST are before it but stored after 01:15
        AffectedWindow w = new AffectedWindow(dayStart, CLOCKS_GO_BACK.plus(15, ChronoUnit.MINUTES), EventClock.UK);

        assertThat(w.upper().value()).isEqualTo(LocalDateTime.parse("2025-10-26T02:00:00"));
        assertThat(ids(records(w, RecordMode.ONE_ROW_PER_EVENT))).containsExactlyElementsOf(REPEATED_HOUR_AS_STORED);
        assertThat(replica.widening(w).run().extraAtEnd()).isEqualTo(3);
    }

    @Test
    void aSummerWindowTakesTheEventsOfTheLastHourBeforeItsAsOfBound() throws SQLException {
        assertThat(ids(records(TestReplica.SUMMER_WINDOW, RecordMode.ONE_ROW_PER_EVENT)))
                .containsExactlyElementsOf(TestReplica.SUMMER_EVENT_IDS);
        // Read as UTC, both ends move an hour early: the window loses its last events and takes in one from before
        assertThat(ids(records(TestReplica.SUMMER_WINDOW.in(EventClock.UTC), RecordMode.ONE_ROW_PER_EVENT)))
                .containsExactlyElementsOf(TestReplica.SUMMER_EVENT_IDS_IF_READ_AS_UTC);
    }

    @Test
    void aCutoffGivenInUtcAndTheSameMomentInLondonSelectTheSameRows() throws SQLException {
        Instant fromZ = uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser.parse("2025-06-09T12:21:55Z",
                LONDON) instanceof uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput.Valid v
                ? v.cutoff().instant() : null;
        Instant fromLondon = uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffParser.parse(
                TestReplica.CUTOFF_BST_LOCAL, LONDON) instanceof uk.gov.justice.digital.hmpps.rollbackconsole.domain.CutoffInput.Valid v
                ? v.cutoff().instant() : null;

        assertThat(fromZ).isEqualTo(fromLondon);
        for (RecordMode mode : RecordMode.values()) {
            assertThat(records(new AffectedWindow(fromZ, TestReplica.SUMMER_AS_OF, EventClock.UK), mode))
                    .isEqualTo(records(new AffectedWindow(fromLondon, TestReplica.SUMMER_AS_OF, EventClock.UK), mode))
                    .isNotEmpty();
        }
    }

    @Test
    void lastEventTimesAreReadBackInTheWindowsClock() throws SQLException {
        List<AffectedRecord> rows = records(TestReplica.SUMMER_WINDOW, RecordMode.ONE_ROW_PER_EVENT);

        // stored as 13:50:00 UK time, it happened at 12:50:00 UTC
        assertThat(rows.get(rows.size() - 1).lastEvent()).isEqualTo(Instant.parse("2025-06-09T12:50:00Z"));
    }

    @Test
    void eventTypesOtherThanCreatedAndUpdatedAreNeverAffected() throws SQLException {
        // A1011AA has fourteen events of other types (current and legacy) inside the BST window, and none else
        assertThat(ids(records(BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT)))
                .doesNotContain(TestReplica.ONLY_EXCLUDED_EVENTS_ID);

        List<AffectedRecord> everything = records(new AffectedWindow(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2030-01-01T00:00:00Z")), RecordMode.ONE_ROW_PER_EVENT);
        // 54 events seeded, 16 of them of other types; A1011AA's one CREATED event is from 2024
        assertThat(everything).hasSize(38);
        assertThat(ids(everything)).containsOnlyOnce(TestReplica.ONLY_EXCLUDED_EVENTS_ID);
    }

    @Test
    void recordsWithoutPersonUuidAreDeliveredWithANullCluster() throws SQLException {
        List<AffectedRecord> distinct = records(BST_WINDOW, RecordMode.DISTINCT_RECORDS);
        List<AffectedRecord> events = records(BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT);

        assertThat(distinct).filteredOn(r -> r.personUuid() == null)
                .extracting(AffectedRecord::sourceSystem, AffectedRecord::sourceSystemId)
                .containsExactly(Tuple.tuple(SourceSystem.DELIUS, "X100010"),
                        Tuple.tuple(SourceSystem.LIBRA, "1000008"));
        assertThat(distinct.stream().filter(r -> r.personUuid() == null).count())
                .isEqualTo(TestReplica.BST_RECORDS_WITHOUT_PERSON_UUID);
        assertThat(events.stream().filter(r -> r.personUuid() == null).count())
                .isEqualTo(TestReplica.BST_EVENTS_WITHOUT_PERSON_UUID);
    }

    @Test
    void distinctFormReportsTheClusterOfTheLatestEventBreakingTiesByHigherId() throws SQLException {
        List<AffectedRecord> distinct = records(BST_WINDOW, RecordMode.DISTINCT_RECORDS);

        assertThat(distinct).contains(TestReplica.CHANGED_CLUSTER, TestReplica.SAME_INSTANT_EVENTS,
                TestReplica.SEVEN_UPDATES);
    }

    @Test
    void resultsDoNotDependOnTheJvmTimeZone() throws SQLException, ConnectFailure {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(LONDON));
            // a fresh pool, so that its sessions too are opened from a London JVM
            try (Replica london = Replica.connect(TestReplica.settings())) {
                List<AffectedRecord> distinct = new ArrayList<>();
                london.affectedRecords(BST_WINDOW, RecordMode.DISTINCT_RECORDS, distinct::add).run();
                List<AffectedRecord> events = new ArrayList<>();
                london.affectedRecords(BST_WINDOW, RecordMode.ONE_ROW_PER_EVENT, events::add).run();

                assertThat(distinct).containsExactlyElementsOf(BST_DISTINCT_RECORDS);
                assertThat(events).containsExactlyElementsOf(BST_EVENT_ROWS);
                assertThat(london.counts(BST_WINDOW).run()).isEqualTo(TestReplica.BST_COUNTS);
                assertThat(london.now()).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void runReturnsHowManyRowsReachedTheSink() throws SQLException {
        List<AffectedRecord> sink = new ArrayList<>();

        long delivered = replica.affectedRecords(BST_WINDOW, RecordMode.DISTINCT_RECORDS, sink::add).run();

        assertThat(delivered).isEqualTo(sink.size()).isEqualTo(BST_DISTINCT_RECORDS.size());
    }

    private static List<AffectedRecord> records(AffectedWindow window, RecordMode mode) throws SQLException {
        List<AffectedRecord> rows = new ArrayList<>();
        replica.affectedRecords(window, mode, rows::add).run();
        return rows;
    }

    private static List<String> ids(List<AffectedRecord> records) {
        return records.stream().map(AffectedRecord::sourceSystemId).toList();
    }
}
