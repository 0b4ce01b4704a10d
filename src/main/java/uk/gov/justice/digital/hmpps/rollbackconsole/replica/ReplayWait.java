package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Waits, bounded, until the replica has replayed what its primary committed up to now, so that statistics taken
 * after a recluster see its last changes. The window and the command line both wait through here.
 */
public final class ReplayWait {

    /** How long the after statistics wait for the replica by default. */
    public static final Duration DEFAULT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final DateTimeFormatter UTC_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReplayWait() {
    }

    /**
     * Waits until the replica has replayed past its own clock as read now (nothing is waiting, or its last replayed
     * change was committed after that), for at most {@code bound}.
     *
     * @param cancelled checked between reads; true ends the wait with a {@link CancellationException}
     * @param takeNow   checked between reads; true ends the wait at once, as the user chose
     * @param waiting   told each reading while the replica is behind (not on the calling thread's terms: it is
     *                  called on the waiting thread)
     * @return empty when the replica got there; else one sentence on what statistics taken now may miss
     */
    public static Optional<String> untilReplayed(Replica replica, Duration bound, BooleanSupplier cancelled,
                                                 BooleanSupplier takeNow, Consumer<ReplicaLag> waiting)
            throws SQLException, InterruptedException {
        ReplicaLag lag = replica.lag();
        Instant mustReach = lag.replicaNow();
        long deadline = System.nanoTime() + bound.toNanos();
        while (!lag.replayedPast(mustReach)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException();
            }
            boolean chosen = takeNow.getAsBoolean();
            if (chosen || System.nanoTime() > deadline) {
                return Optional.of("The replica was " + lag.shortText().replace("replica ", "")
                        + " and had not replayed up to " + UTC_TIME.format(mustReach)
                        + (chosen ? ": taken anyway, as chosen" : ": taken after waiting " + bound.toMinutes() + " min")
                        + ", so they may not show the recluster's last changes.");
            }
            waiting.accept(lag);
            Thread.sleep(POLL.toMillis());
            lag = replica.lag();
        }
        return Optional.empty();
    }
}
