package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A moment's reading of one batch's recluster run, as the pod's log shows it. Immutable: safe to hand to another
 * thread or keep in a report.
 *
 * @param batch            1-based number of the batch
 * @param records          how many records the batch sent
 * @param phase            where the run is
 * @param upsert           the upsert phase's i/N
 * @param recluster        the recluster phase's i/N
 * @param notFoundIds      source system ids the service could not find, in the order logged, each once
 * @param triggeredAt      when the pod logged the run's start; null while waiting
 * @param lastProgressAt   when the pod last logged progress of this run; null while waiting
 * @param observedAt       when this reading was taken, by the console's clock
 * @param itemsPerSecond   upsert and recluster items together, per second so far; 0 until there are two readings
 * @param estimatedRemaining empty until there is a rate; zero once complete
 * @param otherRunLines    lines of another recluster run on the same pod seen meanwhile: two runs compete
 */
public record ReclusterProgress(int batch, int records, Phase phase, PhaseProgress upsert, PhaseProgress recluster,
                                List<String> notFoundIds, Instant triggeredAt, Instant lastProgressAt,
                                Instant observedAt, double itemsPerSecond, Optional<Duration> estimatedRemaining,
                                long otherRunLines) {

    public ReclusterProgress {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(upsert, "upsert");
        Objects.requireNonNull(recluster, "recluster");
        notFoundIds = List.copyOf(notFoundIds);
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(estimatedRemaining, "estimatedRemaining");
    }

    /** i/N of one phase, with the records it skipped because they were merged and those it could not find. */
    public record PhaseProgress(int item, int count, int skippedMerged, int notFound) {
        public static PhaseProgress none(int count) {
            return new PhaseProgress(0, count, 0, 0);
        }

        public boolean done() {
            return count > 0 && item >= count;
        }
    }

    public boolean isComplete() {
        return phase == Phase.COMPLETE;
    }

    public int skippedMerged() {
        return upsert.skippedMerged() + recluster.skippedMerged();
    }

    /** Distinct records the service did not find, over both phases. */
    public int notFound() {
        return notFoundIds.size();
    }

    /** When the run should end at the present rate, by the console's clock. */
    public Optional<Instant> estimatedCompletion() {
        return estimatedRemaining.map(observedAt::plus);
    }

    /** How long the pod has logged nothing for this run: a stalled or dead pod shows here first. */
    public Duration sinceLastProgress() {
        Instant from = lastProgressAt;
        if (from == null || from.isAfter(observedAt)) {
            return Duration.ZERO;
        }
        return Duration.between(from, observedAt);
    }
}
