package uk.gov.justice.digital.hmpps.rollbackconsole.rehearsal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rehearsal's cluster in the states the Send step's "is the rollback live?" must recognise: the rollback's
 * rollout still in progress (one pod still serving the bad release) and the deployment asleep (scaled to zero, as dev
 * and preprod are out of hours). Each settles by itself after {@link #SETTLES_AFTER}, as a real rollout finishes and
 * a real environment wakes at 06:45, so the lead can check again and carry on.
 */
final class ClusterStates implements AutoCloseable {

    /** How long after the start the rollout finishes, or the deployment wakes. */
    static final Duration SETTLES_AFTER = Duration.ofMinutes(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rehearsal-cluster-settles");
        t.setDaemon(true);
        return t;
    });

    private ClusterStates() {
    }

    /** Puts the cluster (its pods already rolled out on the rollback) in the states the options ask for. */
    static ClusterStates apply(SimulatedCluster cluster, Rehearsal.Options options, java.time.Instant cutoff)
            throws IOException {
        ClusterStates states = new ClusterStates();
        String oldPod = Rehearsal.PODS.get(1);
        if (options.rolloutInProgress()) {
            // Started with the bad release, shortly after it went out.
            cluster.podsStartedAt(cutoff.plusSeconds(40)).podOf(Rehearsal.DEPLOYMENT, oldPod, Rehearsal.BAD_IMAGE);
        }
        if (options.asleep()) {
            cluster.scale(Rehearsal.DEPLOYMENT, 0);
            for (String pod : Rehearsal.PODS) {
                cluster.removePod(pod);
            }
        }
        if (options.rolloutInProgress() || options.asleep()) {
            states.timer.schedule(() -> {
                try {
                    cluster.scale(Rehearsal.DEPLOYMENT, Rehearsal.PODS.size());
                    // Woken now: started when they came up.
                    cluster.podsStartedAt(cutoff.plus(java.time.Duration.ofDays(1)).plus(SETTLES_AFTER));
                    for (String pod : Rehearsal.PODS) {
                        // Asleep, every pod comes up; in a rollout only the old pod is replaced, unless it died.
                        if (options.asleep() || java.nio.file.Files.exists(cluster.dir().resolve("pods").resolve(pod + ".json"))) {
                            cluster.podOf(Rehearsal.DEPLOYMENT, pod, Rehearsal.ROLLBACK_IMAGE);
                        }
                    }
                } catch (IOException e) {
                    // The cluster stays as it was: the check keeps saying so.
                }
            }, SETTLES_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        }
        return states;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
