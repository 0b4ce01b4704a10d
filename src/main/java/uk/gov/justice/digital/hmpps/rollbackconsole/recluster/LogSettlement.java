package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;

/**
 * Settles, from its pod's log, a batch the journal saw taken (or perhaps taken) but never saw complete: when the
 * console was killed mid-run, the pod carried on, or not, without it. The pinned pod's log is read from the
 * journalled send time ({@code kubectl logs -f pod/P --timestamps --since-time=T}, the follow a run uses), and the
 * batch's run is recognised as during a run (its Triggered line with the batch's number of records, after the send):
 * <ul>
 *   <li>{@code Complete.}: done;</li>
 *   <li>still going: followed to its Complete, or to its end;</li>
 *   <li>the service's uncaught exception, or no line of its own for the stall time: the run is over (or hung), and
 *       a started {@code Processing Recluster ... item: i/N} proves items 1 to i-1 done;</li>
 *   <li>no Triggered line within the bound: the service never had the batch;</li>
 *   <li>the pod gone (before or while reading): handled as a pod death, its log no longer there to prove anything
 *       (or only what was read before it went).</li>
 * </ul>
 * Used by the command line's {@code --resume} and by the window's carrying on alike.
 */
public final class LogSettlement {

    public enum Found {
        /** The run logged Complete. */
        COMPLETE,
        /** The run died with the service's uncaught exception. */
        DIED,
        /** The run logged nothing of its own for the stall time: it may still carry on later. */
        STALLED,
        /** The pod is gone, and its work with it. */
        POD_GONE,
        /** No Triggered line of the batch since its send: the service never took it. */
        NOT_TAKEN,
        /** Nothing the log can prove: the pod is gone and the batch was never seen taken. */
        UNKNOWN
    }

    /**
     * @param provenDone how many of the batch's records, from its first, the log proves reclustered
     * @param progress   what the log showed of the run; null when it showed nothing
     */
    public record Finding(int batch, String pod, Found found, int provenDone, String text, ReclusterProgress progress) {
        public Finding {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(found, "found");
            Objects.requireNonNull(text, "text");
        }
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final Kubectl kubectl;
    private final ReclusterRun.Settings settings;
    private final Clock clock;

    public LogSettlement(Kubectl kubectl, ReclusterRun.Settings settings, Clock clock) {
        this.kubectl = Objects.requireNonNull(kubectl, "kubectl");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads what became of one batch.
     *
     * @param records the number of records of the batch as last sent
     * @param taken   the journal saw the service take it (a 2xx answer, or its Triggered line)
     * @param said    told, in words, while a run still going is followed
     */
    public Finding settle(String pod, int batch, int records, Instant sentAt, boolean taken, Consumer<String> said)
            throws KubectlException, InterruptedException {
        if (kubectl.pod(pod).isEmpty()) {
            return gone(pod, batch, taken, 0, null, "pod " + pod + " is gone");
        }
        try (LogFollow log = LogFollow.start(kubectl, pod, sentAt.minusSeconds(1), LogFollow.Options.DEFAULT, s -> { })) {
            PodWatch watch = new PodWatch(log, clock, s -> { });
            ReclusterTracker tracker = new ReclusterTracker(batch, records, sentAt, clock);
            watch.follow(tracker);
            Instant started = clock.instant();
            boolean saidGoing = false;
            while (true) {
                // One line at a time: the run before ours may end and ours begin within one read.
                boolean moved = watch.read(POLL, 1);
                ReclusterProgress p = tracker.snapshot();
                if (p.isComplete() && p.lastProgressAt() != null && p.lastProgressAt().isBefore(sentAt)) {
                    // Complete before the batch was even sent: the run before it, within the clock's tolerance.
                    // The console sends a batch only after the previous run's Complete, so ours starts after it.
                    tracker = new ReclusterTracker(batch, records,
                            p.lastProgressAt().plus(ReclusterTracker.DEFAULT_CLOCK_TOLERANCE), clock);
                    watch.follow(tracker);
                    continue;
                }
                if (p.isComplete()) {
                    return new Finding(batch, pod, Found.COMPLETE, records, "pod " + pod + "'s log shows batch " + batch
                            + "'s run complete (“ADMIN RECLUSTER:  Complete.”, " + p.records() + " records): it is done",
                            p);
                }
                Optional<String> uncaught = watch.uncaught();
                if (uncaught.isPresent() && tracker.phase() != Phase.WAITING) {
                    return new Finding(batch, pod, Found.DIED, tracker.provenDone(), "batch " + batch + "'s run on pod "
                            + pod + " died: “" + BatchSend.shorten(uncaught.get()) + "”; its log proves "
                            + tracker.provenDone() + " of its " + records + " records done", p);
                }
                if (!moved && log.isFinished()) {
                    return gone(pod, batch, taken || tracker.phase() != Phase.WAITING, tracker.provenDone(),
                            tracker.phase() == Phase.WAITING ? null : p, "the log of pod " + pod + " ended ("
                                    + log.status() + ")");
                }
                Duration waited = Duration.between(started, clock.instant());
                if (tracker.phase() == Phase.WAITING) {
                    if (waited.compareTo(settings.takenWithin()) >= 0) {
                        if (taken) {
                            return new Finding(batch, pod, Found.UNKNOWN, 0, "the service answered batch " + batch
                                    + " as taken, but pod " + pod + "'s log since its send at " + sentAt + " shows no "
                                    + "“Triggered. Number of records: " + records + ".”: nothing there proves what"
                                    + " became of it", null);
                        }
                        return new Finding(batch, pod, Found.NOT_TAKEN, 0, "pod " + pod + "'s log since batch " + batch
                                + "'s send at " + sentAt + " shows no “Triggered. Number of records: " + records
                                + ".”: the service never took it, so it is safe to send", null);
                    }
                    continue;
                }
                if (!saidGoing && !moved) {
                    // Caught up with the log, and the run is not over: it goes on now, on the pod.
                    said.accept("Batch " + batch + "'s run is still going on pod " + pod + " (" + p.phase() + "): "
                            + "following it to Complete before anything is sent");
                    saidGoing = true;
                }
                Duration silent = Duration.between(watch.lastOwnLine(), clock.instant());
                if (silent.compareTo(settings.stallAfter()) >= 0) {
                    return new Finding(batch, pod, Found.STALLED, tracker.provenDone(), "batch " + batch + "'s run on"
                            + " pod " + pod + " has logged nothing of its own for " + silent.toSeconds() + " s; its log"
                            + " proves " + tracker.provenDone() + " of its " + records + " records done. If it carries"
                            + " on later, records after those could be reclustered twice", p);
                }
            }
        }
    }

    private static Finding gone(String pod, int batch, boolean taken, int proven, ReclusterProgress p, String why) {
        if (!taken) {
            return new Finding(batch, pod, Found.UNKNOWN, 0, why + " and batch " + batch + " was never seen taken: "
                    + "nothing can prove whether the service had it", p);
        }
        return new Finding(batch, pod, Found.POD_GONE, proven, why + ": batch " + batch + "'s run ended with it, as a"
                + " pod death; " + (proven == 0 ? "no log line proves any of its records done"
                : "its log proves " + proven + " of its records done"), p);
    }
}
