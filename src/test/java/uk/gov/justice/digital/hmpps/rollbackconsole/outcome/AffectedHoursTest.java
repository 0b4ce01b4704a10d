package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.COMMON_PLATFORM;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.LIBRA;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.NOMIS;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.testing.TestReplica;

class AffectedHoursTest {

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
    void countsEachRecordOnceAtTheHourOfItsFirstAffectedEvent() throws SQLException {
        AffectedHours hours = AffectedHoursQuery.of(replica, TestReplica.BST_WINDOW).run();

        // Hours as event_log holds them, UK wall-clock time: an hour ahead of UTC in summer. X100005's seven updates
        // count once, in June; A1006AA's two events once, at the first. The night the clocks went back, both passes
        // of 01:00-02:00 fall in one hour, as event_log cannot tell them apart.
        assertThat(hours.byHour()).containsOnlyKeys(at("2025-06-09T13:00"), at("2025-06-10T10:00"),
                at("2025-06-11T11:00"), at("2025-06-12T09:00"), at("2025-07-01T11:00"), at("2025-09-10T09:00"),
                at("2025-10-26T01:00"), at("2025-11-18T09:00"));
        assertThat(hours.byHour().get(at("2025-06-09T13:00")))
                .isEqualTo(Map.of(NOMIS, 1L, DELIUS, 1L, COMMON_PLATFORM, 1L, LIBRA, 1L));
        assertThat(hours.byHour().get(at("2025-10-26T01:00")))
                .isEqualTo(Map.of(NOMIS, 1L, DELIUS, 1L, COMMON_PLATFORM, 1L, LIBRA, 1L));
        assertThat(hours.byHour().get(at("2025-11-18T09:00")))
                .isEqualTo(Map.of(NOMIS, 1L, DELIUS, 1L, COMMON_PLATFORM, 1L));
        assertThat(hours.total()).isEqualTo(16);
        assertThat(hours.total(DELIUS)).isEqualTo(5);
        assertThat(hours.peak()).contains(Map.entry(at("2025-06-09T13:00"), 4L));
    }

    @Test
    void aWindowOfMonthsIsChartedByTheWeekWithQuietWeeksShown() throws SQLException {
        List<AffectedHours.Bucket> buckets = AffectedHoursQuery.of(replica, TestReplica.BST_WINDOW).run().buckets();

        // Monday 9 June to the week of Monday 17 November: 24 weeks.
        assertThat(buckets).hasSize(24).allMatch(b -> b.unit() == AffectedHours.Unit.WEEK);
        assertThat(buckets.get(0)).isEqualTo(new AffectedHours.Bucket(at("2025-06-09T00:00"), AffectedHours.Unit.WEEK, 7));
        assertThat(buckets.get(1).records()).isZero();
        assertThat(buckets.get(23)).isEqualTo(new AffectedHours.Bucket(at("2025-11-17T00:00"), AffectedHours.Unit.WEEK, 3));
        assertThat(buckets.stream().mapToLong(AffectedHours.Bucket::records).sum()).isEqualTo(16);
    }

    @Test
    void aShortWindowIsChartedByTheHour() throws SQLException {
        List<AffectedHours.Bucket> buckets = AffectedHoursQuery.of(replica, TestReplica.GMT_WINDOW).run().buckets();

        assertThat(buckets).containsExactly(new AffectedHours.Bucket(at("2025-11-18T09:00"), AffectedHours.Unit.HOUR, 2));
    }

    private static LocalDateTime at(String text) {
        return LocalDateTime.parse(text);
    }
}
