package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

/**
 * Follows one batch's recluster run through the lines of the pod that received it. A pod's log holds earlier runs,
 * other requests and stack traces; this run is recognised by its {@code Triggered} line, stamped no earlier than
 * the send (less a tolerance for the pod's clock) and giving the number of records sent. Until then nothing counts.
 * Lines whose i/N names another count belong to another run on the same pod and are only counted as a warning.
 * Not thread-safe: feed it from one thread and hand out its snapshots.
 */
public final class ReclusterTracker {

    /** The pod's clock and ours may differ by a little; more than this and the Triggered line is some earlier run's. */
    public static final Duration DEFAULT_CLOCK_TOLERANCE = Duration.ofSeconds(2);

    private final int batch;
    private final int records;
    private final Instant notBefore;
    private final Clock clock;
    private final ReclusterLogParser parser = new ReclusterLogParser();

    private Phase phase = Phase.WAITING;
    private int upsertItem;
    private int upsertSkipped;
    private int upsertNotFound;
    private int reclusterItem;
    private int reclusterSkipped;
    private int reclusterNotFound;
    // The highest recluster item the log shows started, and the highest it shows finished with (skipped, not found).
    private int reclusterStarted;
    private int reclusterEnded;
    private final Set<String> notFoundIds = new LinkedHashSet<>();
    private Instant triggeredAt;
    private Instant lastProgressAt;
    private long otherRunLines;

    public ReclusterTracker(int batch, int records, Instant sentAt, Duration clockTolerance, Clock clock) {
        if (records <= 0) {
            throw new IllegalArgumentException("a batch has at least one record, not " + records);
        }
        this.batch = batch;
        this.records = records;
        this.notBefore = Objects.requireNonNull(sentAt, "sentAt").minus(clockTolerance);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ReclusterTracker(int batch, int records, Instant sentAt, Clock clock) {
        this(batch, records, sentAt, DEFAULT_CLOCK_TOLERANCE, clock);
    }

    /** Reads one line of the pod's log; true when it moved this run on. */
    public boolean accept(TimestampedLine line) {
        Optional<ReclusterEvent> parsed = parser.parse(line.text());
        if (parsed.isEmpty()) {
            return false;
        }
        Instant at = line.timestamp() != null ? line.timestamp() : clock.instant();
        return apply(parsed.get(), at);
    }

    /** Whether a {@code Triggered} line of this many records, stamped then, is this batch's run starting. */
    public boolean takes(int count, Instant at) {
        return phase == Phase.WAITING && count == records && !at.isBefore(notBefore);
    }

    /** The batch's run has started and has not logged Complete. */
    public boolean running() {
        return phase == Phase.UPSERT || phase == Phase.RECLUSTER;
    }

    public int records() {
        return records;
    }

    public int batch() {
        return batch;
    }

    /** The highest item of the phase the run is in, as the log shows it. */
    public int itemOf(Phase of) {
        return of == Phase.UPSERT ? upsertItem : reclusterItem;
    }

    /** Applies an event already read and attributed to this run; true when it moved the run on. */
    public boolean apply(ReclusterEvent event, Instant at) {
        if (phase == Phase.WAITING) {
            if (event instanceof ReclusterEvent.Triggered t && t.count() == records && !at.isBefore(notBefore)) {
                phase = Phase.UPSERT;
                triggeredAt = at;
                lastProgressAt = at;
                return true;
            }
            return false;
        }
        if (phase == Phase.COMPLETE) {
            return false;
        }
        if (event instanceof ReclusterEvent.Triggered) {
            otherRunLines++;
            return false;
        }
        if (!ours(event)) {
            otherRunLines++;
            return false;
        }
        lastProgressAt = at;
        if (event instanceof ReclusterEvent.Started s) {
            phase = s.phase();
        } else if (event instanceof ReclusterEvent.Processing p) {
            advance(p.phase(), p.item());
            if (p.phase() == Phase.RECLUSTER) {
                reclusterStarted = Math.max(reclusterStarted, p.item());
            }
        } else if (event instanceof ReclusterEvent.SkippedMerged s) {
            advance(s.phase(), s.item());
            if (s.phase() == Phase.UPSERT) {
                upsertSkipped++;
            } else {
                reclusterSkipped++;
                reclusterEnded = Math.max(reclusterEnded, s.item());
            }
        } else if (event instanceof ReclusterEvent.NotFound n) {
            advance(n.phase(), n.item());
            if (n.phase() == Phase.UPSERT) {
                upsertNotFound++;
            } else {
                reclusterNotFound++;
                reclusterEnded = Math.max(reclusterEnded, n.item());
            }
            notFoundIds.add(n.sourceSystemId());
        } else if (event instanceof ReclusterEvent.UpsertComplete) {
            upsertItem = records;
            phase = Phase.RECLUSTER;
        } else if (event instanceof ReclusterEvent.Complete) {
            upsertItem = records;
            reclusterItem = records;
            phase = Phase.COMPLETE;
        }
        return true;
    }

    /** A counted line of another run names another N; the completion lines name none and are taken as ours. */
    private boolean ours(ReclusterEvent event) {
        if (event instanceof ReclusterEvent.Started s) {
            return s.count() == records;
        }
        if (event instanceof ReclusterEvent.Processing p) {
            return p.count() == records;
        }
        if (event instanceof ReclusterEvent.SkippedMerged s) {
            return s.count() == records;
        }
        if (event instanceof ReclusterEvent.NotFound n) {
            return n.count() == records;
        }
        return true;
    }

    private void advance(Phase of, int item) {
        if (of == Phase.UPSERT) {
            upsertItem = Math.max(upsertItem, item);
        } else {
            // Reclustering starts only once every record was upserted.
            upsertItem = records;
            reclusterItem = Math.max(reclusterItem, item);
            if (phase == Phase.UPSERT) {
                phase = Phase.RECLUSTER;
            }
        }
    }

    public Phase phase() {
        return phase;
    }

    /**
     * How many of the batch's records, from its first, the log proves reclustered. The service works through the
     * records in order and logs {@code Processing Recluster ... item: i/N} as it starts item i, so a started item
     * i proves items 1 to i-1 done, but not i itself: the pod may have died on it. A {@code Skipping} or
     * {@code record not found} line for i is the service's last word on i, and proves it done. Upserts prove
     * nothing: every record is reclustered after all are upserted. {@code Complete} proves them all.
     */
    public int provenDone() {
        if (phase == Phase.COMPLETE) {
            return records;
        }
        return Math.min(records, Math.max(reclusterStarted - 1, reclusterEnded));
    }

    public ReclusterProgress snapshot() {
        Instant now = clock.instant();
        int done = upsertItem + reclusterItem;
        int work = 2 * records;
        double rate = 0;
        Optional<Duration> remaining = Optional.empty();
        if (triggeredAt != null && done > 0 && lastProgressAt.isAfter(triggeredAt)) {
            double seconds = Duration.between(triggeredAt, lastProgressAt).toNanos() / 1e9;
            rate = done / seconds;
            if (phase != Phase.COMPLETE) {
                long nanos = (long) ((work - done) / rate * 1e9);
                // Time already passed since the last line is counted as spent.
                Duration sinceLast = lastProgressAt.isBefore(now) ? Duration.between(lastProgressAt, now) : Duration.ZERO;
                Duration left = Duration.ofNanos(nanos).minus(sinceLast);
                remaining = Optional.of(left.isNegative() ? Duration.ZERO : left);
            }
        }
        return new ReclusterProgress(batch, records, phase,
                new ReclusterProgress.PhaseProgress(upsertItem, records, upsertSkipped, upsertNotFound),
                new ReclusterProgress.PhaseProgress(reclusterItem, records, reclusterSkipped, reclusterNotFound),
                notFoundIds.stream().toList(), triggeredAt, lastProgressAt, now, rate,
                phase == Phase.COMPLETE ? Optional.of(Duration.ZERO) : remaining, otherRunLines);
    }
}
