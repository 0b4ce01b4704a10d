package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

class ReclusterLogParserTest {

    private static final String PREFIX = "2025-03-04 10:15:01.120  INFO 1 --- [         task-2] "
            + "u.g.j.d.h.p.c.a.ReclusterController$Companion : ";

    private final ReclusterLogParser parser = new ReclusterLogParser();

    @Test
    void readsEveryMessageOfARunInTheServicesWording() {
        assertThat(parse("ADMIN RECLUSTER:  Triggered. Number of records: 500. |"))
                .contains(new ReclusterEvent.Triggered(500));
        assertThat(parse("Starting Upsert Person Records, count: 500 |"))
                .contains(new ReclusterEvent.Started(Phase.UPSERT, 500));
        assertThat(parse("Processing Upsert Person Records, item: 17/500 |"))
                .contains(new ReclusterEvent.Processing(Phase.UPSERT, 17, 500));
        assertThat(parse("Skipping Upsert Person Records, item: 18/500 it has been merged |"))
                .contains(new ReclusterEvent.SkippedMerged(Phase.UPSERT, 18, 500));
        assertThat(parse("Error Upsert Person Records, record not found. id: A1234BC item: 19/500 |"))
                .contains(new ReclusterEvent.NotFound(Phase.UPSERT, "A1234BC", 19, 500));
        assertThat(parse("ADMIN RECLUSTER:  Records Upsert Complete. |")).contains(new ReclusterEvent.UpsertComplete());
        assertThat(parse("Starting Recluster Person Records, count: 500 |"))
                .contains(new ReclusterEvent.Started(Phase.RECLUSTER, 500));
        assertThat(parse("Processing Recluster Person Records, item: 1/500 |"))
                .contains(new ReclusterEvent.Processing(Phase.RECLUSTER, 1, 500));
        assertThat(parse("Skipping Recluster Person Records, item: 2/500 it has been merged |"))
                .contains(new ReclusterEvent.SkippedMerged(Phase.RECLUSTER, 2, 500));
        assertThat(parse("Error Recluster Person Records, record not found. id: 6d6fa987-c680-4f18-ba58-ec507463a75c item: 3/500 |"))
                .contains(new ReclusterEvent.NotFound(Phase.RECLUSTER, "6d6fa987-c680-4f18-ba58-ec507463a75c", 3, 500));
        assertThat(parse("ADMIN RECLUSTER:  Complete. | traceId=1")).contains(new ReclusterEvent.Complete());
    }

    @Test
    void readsTheCompleteLineOfServiceVersionsThatAppendASummary() {
        // Some versions of the service's AdminController log "Complete. Summary: {...}" with the run's counts
        // (public source, ministryofjustice/hmpps-person-record); the run is over all the same.
        assertThat(parse("ADMIN RECLUSTER:  Complete. Summary: {RECLUSTERED=498, NOT_FOUND=2} |"))
                .contains(new ReclusterEvent.Complete());
        assertThat(parse("ADMIN RECLUSTER:  Complete.Summary")).isEmpty();
    }

    @Test
    void toleratesOneSpaceOrSeveralAndNoMdcColumn() {
        assertThat(parse("ADMIN RECLUSTER: Complete.")).contains(new ReclusterEvent.Complete());
        assertThat(parse("ADMIN RECLUSTER:   Complete.  ")).contains(new ReclusterEvent.Complete());
        assertThat(parse("ADMIN RECLUSTER:\tTriggered.  Number of records: 7.")).contains(new ReclusterEvent.Triggered(7));
        assertThat(parse("Processing  Upsert Person Records, item: 3/7")).contains(new ReclusterEvent.Processing(Phase.UPSERT, 3, 7));
    }

    @Test
    void matchesTheMessageWhateverTheLoggerAndThreadColumns() {
        String line = "2025-03-04 10:15:01.120 ERROR 12345 --- [hmpps-person-record] [pool-3-thread-1] "
                + "c.a.SomeOtherName : ADMIN RECLUSTER:  Complete. |";

        assertThat(parser.parse(line)).contains(new ReclusterEvent.Complete());
    }

    @Test
    void ignoresLinesThatOnlyMentionTheMessages() {
        assertThat(parser.parse("java.lang.IllegalStateException: Processing Upsert Person Records, item: 9/9")).isEmpty();
        assertThat(parser.parse("\tat ADMIN RECLUSTER:  Complete.")).isEmpty();
        assertThat(parse("Request said ADMIN RECLUSTER:  Complete.")).isEmpty();
        assertThat(parse("ADMIN RECLUSTER:  Completed.")).isEmpty();
        assertThat(parse("Processing Upsert Person Records, item: 3/7x")).isEmpty();
        assertThat(parse("Processing Upsert Person Records is starting")).isEmpty();
        assertThat(parser.parse("")).isEmpty();
    }

    @Test
    void findsExactlyTheRunsMessagesInARealisticPodLog() {
        List<ReclusterEvent> events = LogFixtures.lines("pod-log-one-run.log").stream()
                .map(TimestampedLine::text).map(parser::parse).flatMap(Optional::stream).toList();

        // The earlier run of 3 (2 + 3 + 1 + 1 + 3 + 1 = 11) and this one of 5 (2 + 5+1+1 + 1 + 1 + 5+1+1 + 1 = 19).
        assertThat(events).hasSize(30);
        assertThat(events).filteredOn(e -> e instanceof ReclusterEvent.Complete).hasSize(2);
        assertThat(events).filteredOn(e -> e instanceof ReclusterEvent.NotFound)
                .containsExactly(new ReclusterEvent.NotFound(Phase.UPSERT, "A9999ZZ", 4, 5),
                        new ReclusterEvent.NotFound(Phase.RECLUSTER, "A9999ZZ", 4, 5));
    }

    private Optional<ReclusterEvent> parse(String message) {
        return parser.parse(PREFIX + message);
    }
}
