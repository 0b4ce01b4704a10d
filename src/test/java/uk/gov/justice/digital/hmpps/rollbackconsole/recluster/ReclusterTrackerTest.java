package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LineDeduplicator;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

class ReclusterTrackerTest {

    private static final Instant SENT = Instant.parse("2025-03-04T10:15:00.500Z");

    @Test
    void followsARunToCompleteThroughNoiseStackTracesAndAnEarlierRun() {
        ReclusterTracker tracker = tracker(5, SENT, at("10:15:13"));

        LogFixtures.lines("pod-log-one-run.log").forEach(tracker::accept);
        ReclusterProgress p = tracker.snapshot();

        assertThat(p.phase()).isEqualTo(Phase.COMPLETE);
        assertThat(p.isComplete()).isTrue();
        assertThat(p.upsert()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
        assertThat(p.recluster()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
        assertThat(p.notFoundIds()).containsExactly("A9999ZZ");
        assertThat(p.notFound()).isEqualTo(1);
        assertThat(p.skippedMerged()).isEqualTo(2);
        assertThat(p.triggeredAt()).isEqualTo(Instant.parse("2025-03-04T10:15:01.12045Z"));
        assertThat(p.otherRunLines()).isZero();
        assertThat(p.estimatedRemaining()).contains(Duration.ZERO);
    }

    @Test
    void showsEachPhaseWithItsItemAndAnEstimateOnTheConsolesClock() {
        List<TimestampedLine> lines = LogFixtures.lines("pod-log-one-run.log");
        int upToUpsertItem3 = indexOf(lines, "Processing Upsert Person Records, item: 3/5");
        ReclusterTracker tracker = tracker(5, SENT, at("10:15:04.0012003"));

        lines.subList(0, upToUpsertItem3 + 1).forEach(tracker::accept);
        ReclusterProgress p = tracker.snapshot();

        assertThat(p.phase()).isEqualTo(Phase.UPSERT);
        assertThat(p.upsert().item()).isEqualTo(3);
        assertThat(p.recluster().item()).isZero();
        // 3 items of 10 in 2.8807503 s since the Triggered line; 7 left at that rate.
        assertThat(p.itemsPerSecond()).isCloseTo(3 / 2.8807503, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(p.estimatedRemaining()).hasValueSatisfying(d ->
                assertThat(d.toMillis()).isBetween(6720L, 6725L));
        assertThat(p.estimatedCompletion()).hasValueSatisfying(t ->
                assertThat(t).isBetween(at("10:15:10.72"), at("10:15:10.73")));
    }

    @Test
    void movesToReclusterWhenTheUpsertCompletes() {
        List<TimestampedLine> lines = LogFixtures.lines("pod-log-one-run.log");
        ReclusterTracker tracker = tracker(5, SENT, at("10:15:08"));

        lines.subList(0, indexOf(lines, "Records Upsert Complete.", 1) + 1).forEach(tracker::accept);

        assertThat(tracker.snapshot().phase()).isEqualTo(Phase.RECLUSTER);
        assertThat(tracker.snapshot().upsert().done()).isTrue();
    }

    @Test
    void waitsWhileOnlyAnEarlierRunIsInTheLog() {
        // Sent after our run started: even its Triggered line is too early to be ours.
        ReclusterTracker tracker = tracker(5, at("10:15:30"), at("10:15:31"));

        LogFixtures.lines("pod-log-one-run.log").forEach(tracker::accept);

        assertThat(tracker.snapshot().phase()).isEqualTo(Phase.WAITING);
        assertThat(tracker.snapshot().triggeredAt()).isNull();
        assertThat(tracker.snapshot().estimatedRemaining()).isEmpty();
    }

    @Test
    void waitsWhenTheOnlyRunAfterTheSendHasAnotherNumberOfRecords() {
        ReclusterTracker tracker = tracker(3, SENT, at("10:15:31"));

        LogFixtures.lines("pod-log-one-run.log").forEach(tracker::accept);

        assertThat(tracker.snapshot().phase()).isEqualTo(Phase.WAITING);
    }

    @Test
    void takesATriggeredLineStampedALittleBeforeTheSendForThePodsClock() {
        ReclusterTracker tracker = tracker(5, at("10:15:02.5"), at("10:15:31"));

        LogFixtures.lines("pod-log-one-run.log").forEach(tracker::accept);

        assertThat(tracker.snapshot().phase()).isEqualTo(Phase.COMPLETE);
    }

    @Test
    void countsLinesOfAnotherRunOnThePodWithoutMovingThisOne() {
        ReclusterTracker tracker = tracker(5, SENT, at("10:15:05"));
        LogFixtures.lines("pod-log-one-run.log").subList(0, 16).forEach(tracker::accept);
        String other = "2025-03-04T10:15:03.5Z 2025-03-04 10:15:03.500  INFO 1 --- [task-3] x.Y : ";

        tracker.accept(TimestampedLine.parse(other + "ADMIN RECLUSTER:  Triggered. Number of records: 2."));
        tracker.accept(TimestampedLine.parse(other + "Processing Upsert Person Records, item: 2/2"));

        assertThat(tracker.snapshot().otherRunLines()).isEqualTo(2);
        assertThat(tracker.snapshot().upsert().item()).isEqualTo(2);
    }

    @Test
    void countsNothingTwiceAcrossAReconnect() {
        ReclusterTracker tracker = tracker(5, SENT, at("10:15:13"));
        LineDeduplicator dedup = new LineDeduplicator();

        LogFixtures.lines("reconnect-first.log").stream().filter(dedup::accept).forEach(tracker::accept);
        assertThat(tracker.snapshot().upsert()).isEqualTo(new ReclusterProgress.PhaseProgress(4, 5, 1, 1));
        dedup.reconnected();
        LogFixtures.lines("reconnect-second.log").stream().filter(dedup::accept).forEach(tracker::accept);

        ReclusterProgress p = tracker.snapshot();
        assertThat(p.phase()).isEqualTo(Phase.COMPLETE);
        assertThat(p.upsert()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
        assertThat(p.recluster()).isEqualTo(new ReclusterProgress.PhaseProgress(5, 5, 1, 1));
    }

    @Test
    void showsHowLongThePodHasBeenSilent() {
        List<TimestampedLine> lines = LogFixtures.lines("pod-log-one-run.log");
        ReclusterTracker tracker = tracker(5, SENT, at("10:16:04.0012003"));

        lines.subList(0, indexOf(lines, "Processing Upsert Person Records, item: 3/5") + 1).forEach(tracker::accept);

        assertThat(tracker.snapshot().sinceLastProgress()).isEqualTo(Duration.ofMinutes(1));
        assertThat(tracker.snapshot().estimatedRemaining()).contains(Duration.ZERO);
    }

    @Test
    void theLogProvesARecordReclusteredOnlyOnceTheNextHasStartedOrItsOwnLastWordIsLogged() {
        List<TimestampedLine> lines = LogFixtures.lines("pod-log-one-run.log");
        // What each prefix of the run's log proves done, of the batch's 5 records in order.
        int[][] provenAfter = {
            {indexOf(lines, "Processing Upsert Person Records, item: 5/5"), 0},
            {indexOf(lines, "Processing Recluster Person Records, item: 1/5"), 0},
            {indexOf(lines, "Processing Recluster Person Records, item: 2/5"), 1},
            // Skipping is the service's last word on item 2.
            {indexOf(lines, "Skipping Recluster Person Records, item: 2/5"), 2},
            {indexOf(lines, "Processing Recluster Person Records, item: 4/5"), 3},
            // Not found is its last word on item 4.
            {indexOf(lines, "Error Recluster Person Records, record not found. id: A9999ZZ item: 4/5"), 4},
            {indexOf(lines, "Processing Recluster Person Records, item: 5/5"), 4},
            {indexOf(lines, "ADMIN RECLUSTER:  Complete.", 1), 5},
        };
        for (int[] step : provenAfter) {
            ReclusterTracker tracker = tracker(5, SENT, at("10:15:13"));
            lines.subList(0, step[0] + 1).forEach(tracker::accept);
            assertThat(tracker.provenDone()).as("after line " + step[0] + ": " + lines.get(step[0]).text())
                    .isEqualTo(step[1]);
        }
    }

    private static ReclusterTracker tracker(int records, Instant sent, Instant now) {
        return new ReclusterTracker(1, records, sent, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Instant at(String time) {
        return Instant.parse("2025-03-04T" + time + "Z");
    }

    private static int indexOf(List<TimestampedLine> lines, String text) {
        return indexOf(lines, text, 0);
    }

    /** The index of the (skip+1)th line containing text. */
    private static int indexOf(List<TimestampedLine> lines, String text, int skip) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).text().contains(text) && skip-- == 0) {
                return i;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
