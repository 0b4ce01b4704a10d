package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.TimestampedLine;

/**
 * Reads the pinned pod's log for a recluster run and says whose each line is: the present batch's run, another
 * recluster run on the same pod (the daily needs-attention job, a second console), or the end of a run. The
 * service's run is an unguarded coroutine: when it throws, the JVM's default handler prints
 * {@code Exception in thread "DefaultDispatcher-worker-N" ...} on stderr, without the logback layout, and the run
 * is over. Lines of another run are told apart by their i/N (another N); the lines that carry no N
 * ({@code Complete.}) are ours once our run has logged its last item, or when no other run is going. Read by one
 * thread only.
 */
public final class PodWatch {

    /** Another recluster run on the pod, known by its number of records. */
    public record OtherRun(int records, Instant firstSeen, Instant lastSeen, boolean triggered, int reclusterItem) {
        OtherRun seen(Instant now, int item) {
            return new OtherRun(records, firstSeen, now, triggered, Math.max(reclusterItem, item));
        }
    }

    // The default handler's first line; its "\tat" and "\tSuppressed:" lines follow, other lines interleaved.
    private static final Pattern UNCAUGHT = Pattern.compile("^Exception in thread \"([^\"]*)\"\\s*(.*)$");
    private static final int DRAIN = 1000;

    private final LogFollow log;
    private final Clock clock;
    private final Consumer<String> otherRunNotice;
    private final ReclusterLogParser parser = new ReclusterLogParser();
    private final Map<Integer, OtherRun> others = new LinkedHashMap<>();
    private ReclusterTracker tracker;
    private String uncaught;
    private Instant lastOwnLine;
    private boolean deathDetection = true;

    /** @param otherRunNotice told, in words, when another run starts, ends or falls silent on the pod */
    public PodWatch(LogFollow log, Clock clock, Consumer<String> otherRunNotice) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.otherRunNotice = Objects.requireNonNull(otherRunNotice, "otherRunNotice");
    }

    /** Only for tests that prove a failure is caught because of this: the uncaught exception is not looked for. */
    PodWatch withoutDeathDetection() {
        deathDetection = false;
        return this;
    }

    public LogFollow log() {
        return log;
    }

    /** From now on, lines of a run with this batch's size, triggered after its send, are this batch's. */
    public void follow(ReclusterTracker batch) {
        tracker = Objects.requireNonNull(batch, "batch");
        uncaught = null;
        lastOwnLine = clock.instant();
    }

    /** Reads what the log has, waiting up to {@code wait} for a first line; true when our run moved on. */
    public boolean read(Duration wait) throws InterruptedException {
        return read(wait, DRAIN);
    }

    /** As {@link #read(Duration)}, at most {@code max} lines: to look at the run after each line. */
    boolean read(Duration wait, int max) throws InterruptedException {
        boolean moved = false;
        for (TimestampedLine line : log.poll(wait, max)) {
            moved |= accept(line);
        }
        if (moved) {
            lastOwnLine = clock.instant();
        }
        return moved;
    }

    /** The default handler's line that ended our run, if the log showed one while it was going. */
    public Optional<String> uncaught() {
        return Optional.ofNullable(uncaught);
    }

    /** When the log last showed a line of our run (or when it was sent), by the console's clock. */
    public Instant lastOwnLine() {
        return lastOwnLine;
    }

    /**
     * Other runs still going on the pod: those not seen complete and not silent for {@code silentAfter} (a silent
     * one is taken as over, and said so).
     */
    public List<OtherRun> othersGoing(Duration silentAfter) {
        Instant now = clock.instant();
        for (Iterator<OtherRun> it = others.values().iterator(); it.hasNext(); ) {
            OtherRun o = it.next();
            if (Duration.between(o.lastSeen(), now).compareTo(silentAfter) >= 0) {
                it.remove();
                otherRunNotice.accept("the other recluster run on pod " + log.pod() + " (" + o.records()
                        + " records) has logged nothing for " + silentAfter.toSeconds() + " s: taken as ended");
            }
        }
        return new ArrayList<>(others.values());
    }

    private boolean accept(TimestampedLine line) {
        String text = line.text();
        Instant now = clock.instant();
        Instant at = line.timestamp() != null ? line.timestamp() : now;
        Matcher m = UNCAUGHT.matcher(text);
        if (m.find()) {
            uncaughtSeen(text, m.group(1));
            return false;
        }
        Optional<ReclusterEvent> parsed = parser.parse(text);
        if (parsed.isEmpty()) {
            return false;
        }
        ReclusterEvent event = parsed.get();
        boolean oursGoing = tracker != null && tracker.running();
        if (event instanceof ReclusterEvent.Triggered t) {
            if (tracker != null && tracker.takes(t.count(), at)) {
                return tracker.apply(event, at);
            }
            others.put(t.count(), new OtherRun(t.count(), now, now, true, 0));
            otherRunNotice.accept("another recluster run started on pod " + log.pod() + ": \u201cTriggered. Number of"
                    + " records: " + t.count() + ".\u201d at " + at + ". It is not ours; the next batch waits for its"
                    + " Complete.");
            return false;
        }
        if (event instanceof ReclusterEvent.Complete || event instanceof ReclusterEvent.UpsertComplete) {
            Phase ending = event instanceof ReclusterEvent.Complete ? Phase.RECLUSTER : Phase.UPSERT;
            if (oursGoing && (others.isEmpty() || tracker.itemOf(ending) >= tracker.records())) {
                return tracker.apply(event, at);
            }
            if (ending == Phase.RECLUSTER && !others.isEmpty()) {
                OtherRun done = others.values().stream().filter(o -> o.reclusterItem() >= o.records()).findFirst()
                        .orElse(others.values().iterator().next());
                others.remove(done.records());
                otherRunNotice.accept("the other recluster run on pod " + log.pod() + " (" + done.records()
                        + " records) logged Complete.");
            }
            return false;
        }
        int count = count(event);
        if (tracker != null && count == tracker.records()) {
            // Before our Triggered, the tracker ignores them itself: an earlier run of the same size.
            return oursGoing && tracker.apply(event, at);
        }
        int item = event instanceof ReclusterEvent.Processing p && p.phase() == Phase.RECLUSTER ? p.item() : 0;
        OtherRun known = others.get(count);
        if (known == null) {
            others.put(count, new OtherRun(count, now, now, false, item));
            otherRunNotice.accept("another recluster run is going on pod " + log.pod() + " (lines of " + count
                    + " records, not ours). The next batch waits for its Complete.");
        } else {
            others.put(count, known.seen(now, item));
        }
        return false;
    }

    private void uncaughtSeen(String text, String thread) {
        if (!deathDetection) {
            return;
        }
        if (tracker != null && tracker.running()) {
            uncaught = text;
        } else if (!others.isEmpty()) {
            OtherRun ended = others.values().iterator().next();
            others.remove(ended.records());
            otherRunNotice.accept("the other recluster run on pod " + log.pod() + " (" + ended.records()
                    + " records) ended with an uncaught exception in thread " + thread + ".");
        }
    }

    private static int count(ReclusterEvent event) {
        if (event instanceof ReclusterEvent.Started s) {
            return s.count();
        }
        if (event instanceof ReclusterEvent.Processing p) {
            return p.count();
        }
        if (event instanceof ReclusterEvent.SkippedMerged s) {
            return s.count();
        }
        if (event instanceof ReclusterEvent.NotFound n) {
            return n.count();
        }
        return -1;
    }
}
