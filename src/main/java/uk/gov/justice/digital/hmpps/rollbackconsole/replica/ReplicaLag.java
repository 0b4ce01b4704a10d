package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How far the read replica is behind its primary, read on the replica itself. A hot standby replays the primary's
 * changes with a delay: an event committed on the primary is not on the replica until its transaction is replayed,
 * so a window that ends at the replica's clock can claim rows it has not seen yet.
 *
 * @param inRecovery       false on a primary, where none of this applies
 * @param replicaNow       the replica's {@code now()}
 * @param lastReplay       {@code pg_last_xact_replay_timestamp()}: when the last transaction replayed was committed
 *                         on the primary; null before any was replayed, and on a primary
 * @param receivedLsn      {@code pg_last_wal_receive_lsn()}, null on a primary or a standby not streaming
 * @param replayedLsn      {@code pg_last_wal_replay_lsn()}
 */
public record ReplicaLag(boolean inRecovery, Instant replicaNow, Instant lastReplay, String receivedLsn,
                         String replayedLsn) {

    /** Past this a lag is worth a warning, unless the settings say otherwise. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(30);

    public ReplicaLag {
        Objects.requireNonNull(replicaNow, "replicaNow");
    }

    /**
     * Everything the replica has received it has replayed. An idle primary sends nothing, so the last replayed
     * transaction grows old without any real lag: this tells the two apart.
     */
    public boolean caughtUp() {
        return !inRecovery || (receivedLsn != null && receivedLsn.equals(replayedLsn));
    }

    /** How far behind the replica is: zero on a primary and on a standby with nothing waiting to be replayed. */
    public Duration lag() {
        if (caughtUp() || lastReplay == null) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(lastReplay, replicaNow);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /**
     * Whether what the primary committed up to {@code moment} is on the replica: nothing waits to be replayed, or the
     * last replayed change was committed at or after it.
     */
    public boolean replayedPast(Instant moment) {
        return caughtUp() || (lastReplay != null && !lastReplay.isBefore(moment));
    }

    /** Past the threshold; a standby with changes waiting and no replay time yet cannot tell, and counts as past it. */
    public boolean beyond(Duration threshold) {
        if (!caughtUp() && lastReplay == null) {
            return true;
        }
        return lag().compareTo(threshold) > 0;
    }

    /**
     * The upper bound a window can trust: the replica's clock, or, while changes wait to be replayed, the commit time
     * of the last transaction it has replayed, whichever is earlier.
     */
    public Instant trustedUpTo() {
        if (caughtUp() || lastReplay == null || !lastReplay.isBefore(replicaNow)) {
            return replicaNow;
        }
        return lastReplay;
    }

    /** True when the bound is the replay point rather than the replica's clock. */
    public boolean boundedByReplay() {
        return !trustedUpTo().equals(replicaNow);
    }

    /** A few words for the banner and the command line: "replica 4 s behind", "replica up to date", "primary". */
    public String shortText() {
        if (!inRecovery) {
            return "primary: no replication lag";
        }
        if (caughtUp()) {
            return "replica up to date";
        }
        if (lastReplay == null) {
            return "replica has replayed nothing yet";
        }
        return "replica " + seconds(lag()) + " behind";
    }

    /** One sentence on what the bound is and why. */
    public String describe() {
        if (!inRecovery) {
            return "This server is a primary: nothing waits to be replayed, so the window ends at its clock.";
        }
        if (caughtUp()) {
            return "The replica has replayed all it has received (WAL " + replayedLsn + ")"
                    + (lastReplay == null ? "" : "; its last replayed change was committed "
                    + seconds(Duration.between(lastReplay, replicaNow).isNegative() ? Duration.ZERO
                    : Duration.between(lastReplay, replicaNow)) + " ago, which on a quiet primary is not lag")
                    + ": the window ends at its clock.";
        }
        if (lastReplay == null) {
            return "The replica has changes waiting to be replayed (received WAL " + receivedLsn + ", replayed "
                    + replayedLsn + ") and has replayed no transaction since it started, so it cannot tell how far"
                    + " behind it is: the window ends at its clock, which may claim events it has not replayed yet.";
        }
        return "The replica is " + seconds(lag()) + " behind its primary (received WAL " + receivedLsn
                + ", replayed " + replayedLsn + "): the window ends at its last replayed change, not at its clock,"
                + " so no event it has not replayed yet is claimed.";
    }

    public static String seconds(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
