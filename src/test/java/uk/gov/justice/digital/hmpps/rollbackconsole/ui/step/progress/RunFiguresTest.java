package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;

/** Progress's figures over time: elapsed, the wall-clock ETA, each batch's times, and the end over the whole file. */
class RunFiguresTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ReclusterPlan PLAN = new ReclusterPlan("PREPROD", "live", "hmpps-person-record-preprod",
            "hmpps-person-record-5d8f7c9b4-abcde", Path.of("affected.json"), "ab12", 1_000, 2, 500);

    /** A clock the test moves, in the lead's zone. */
    private static final class MovedClock extends Clock {
        private Instant now;

        MovedClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return LONDON;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private static ReclusterProgress reading(int batch, Phase phase, int upsert, int recluster, double rate, Instant at) {
        return new ReclusterProgress(batch, 500, phase, new ReclusterProgress.PhaseProgress(upsert, 500, 0, 0),
                new ReclusterProgress.PhaseProgress(recluster, 500, 0, 0), List.of(), at, at, at, rate,
                Optional.empty(), 0);
    }

    @Test
    void saysHowLongTheRunHasGoneWhenItWillBeDoneByTheLeadsClockAndWhenEachBatchRan() {
        MovedClock clock = new MovedClock(Instant.parse("2025-06-10T13:00:00Z"));
        RunFigures figures = new RunFigures(() -> PLAN, clock);
        figures.sending(new SentRecord.SentBatch(1, 0, 500, "#1 DELIUS/X1", "#500 DELIUS/X500", PLAN.pod(),
                clock.instant()));
        BatchRow first = figures.rows().get(0);
        assertThat(first.timeProperty().get()).isEqualTo("14:00:00 \u2013");
        assertThat(first.podShort()).isEqualTo("5d8f7c9b4-abcde");

        clock.now = Instant.parse("2025-06-10T13:05:00Z");
        figures.progressed(reading(1, Phase.RECLUSTER, 500, 250, 2.0, clock.now));
        // 1,250 of 2,000 steps left at 2 a second: 625 s from 14:05:00 BST.
        assertThat(figures.etaTextProperty().get()).isEqualTo("about 10 min 25 s, done at about 14:15");
        assertThat(figures.elapsedTextProperty().get()).isEqualTo("5 min 00 s since 14:00:00");

        clock.now = Instant.parse("2025-06-10T13:08:00Z");
        figures.progressed(reading(1, Phase.COMPLETE, 500, 500, 2.0, clock.now));
        assertThat(first.timeProperty().get()).isEqualTo("14:00:00 \u2013 14:08:00");
        figures.sending(new SentRecord.SentBatch(2, 500, 500, "#501 DELIUS/X501", "#1,000 DELIUS/X1000", PLAN.pod(),
                clock.instant()));
        clock.now = Instant.parse("2025-06-10T13:16:00Z");
        ReclusterProgress last = reading(2, Phase.COMPLETE, 500, 500, 2.0, clock.now);
        figures.progressed(last);
        figures.ended(new ReclusterRun.Result(ReclusterRun.Ending.COMPLETE, List.of(last), "complete"));

        assertThat(figures.rows()).extracting(r -> r.timeProperty().get())
                .containsExactly("14:00:00 \u2013 14:08:00", "14:08:00 \u2013 14:16:00");
        assertThat(figures.elapsedTextProperty().get()).isEqualTo("16 min 00 s since 14:00:00");
        assertThat(figures.etaTextProperty().get()).isEqualTo("done");
        // The batch card speaks of the whole file at the end, not of the last batch's 500.
        assertThat(figures.phaseTextProperty().get()).isEqualTo("All 2 batches complete");
        assertThat(figures.upsertTextProperty().get()).isEqualTo("Upsert 1,000 / 1,000");
        assertThat(figures.reclusterTextProperty().get()).isEqualTo("Recluster 1,000 / 1,000");
        assertThat(figures.measuredRate()).isEqualTo(2.0);
    }
}
