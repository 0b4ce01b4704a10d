package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DistinctRecordsTest {

    private static final UUID A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    private static final UUID B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
    private static final Instant T1 = Instant.parse("2025-06-09T12:30:00Z");
    private static final Instant T2 = Instant.parse("2025-06-09T13:00:00Z");

    private static AffectedRecord event(UUID cluster, SourceSystem s, String id, Instant at) {
        return new AffectedRecord(cluster, s, id, 1, at);
    }

    @Test
    void aRecordIsOfferedOnItsFirstEventOnlyAndCountsEveryEvent() {
        DistinctRecords distinct = new DistinctRecords();
        assertThat(distinct.add(event(A, SourceSystem.NOMIS, "A1", T1))).isNotNull();
        assertThat(distinct.add(event(A, SourceSystem.NOMIS, "A1", T2))).isNull();
        assertThat(distinct.add(event(A, SourceSystem.DELIUS, "A1", T2))).as("same id, other system").isNotNull();

        assertThat(distinct.events()).isEqualTo(3);
        assertThat(distinct.inRunbookOrder()).containsExactly(
                new AffectedRecord(A, SourceSystem.DELIUS, "A1", 1, T2),
                new AffectedRecord(A, SourceSystem.NOMIS, "A1", 2, T2));
    }

    @Test
    void theClusterIsTheLatestEventsAndALaterIdWinsATie() {
        DistinctRecords distinct = new DistinctRecords();
        distinct.add(event(A, SourceSystem.LIBRA, "1", T2));
        distinct.add(event(B, SourceSystem.LIBRA, "1", T1));
        assertThat(distinct.inRunbookOrder().get(0).personUuid()).as("an older event read later changes nothing").isEqualTo(A);

        distinct.add(event(B, SourceSystem.LIBRA, "1", T2));
        assertThat(distinct.inRunbookOrder().get(0).personUuid()).as("same instant, later id").isEqualTo(B);

        distinct.add(event(null, SourceSystem.LIBRA, "1", T2));
        assertThat(distinct.inRunbookOrder().get(0)).isEqualTo(new AffectedRecord(null, SourceSystem.LIBRA, "1", 4, T2));
    }

    @Test
    void ordersAsTheServerDoesWithCollateC() {
        DistinctRecords distinct = new DistinctRecords();
        for (String id : new String[] {"b", "B", "a", "\uFF21", "\uD83D\uDE00", "a1"}) {
            distinct.add(event(A, SourceSystem.NOMIS, id, T1));
        }
        distinct.add(event(A, SourceSystem.COMMON_PLATFORM, "z", T1));
        assertThat(distinct.inRunbookOrder()).extracting(AffectedRecord::sourceSystemId)
                .containsExactly("z", "B", "a", "a1", "b", "\uFF21", "\uD83D\uDE00");
    }
}
