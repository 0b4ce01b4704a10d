package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One pod as the console shows it when the incident lead picks the pod to send to.
 *
 * @param startTime null when the pod has not started yet
 * @param ownerKind the kind of the pod's controller: ReplicaSet for the service, Job for a CronJob's run
 */
public record PodInfo(String name, String phase, boolean ready, Instant startTime, int restarts, String image,
                      String ownerKind, boolean terminating) {

    public PodInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ownerKind, "ownerKind");
    }

    /** Running, ready, not on its way out, and a service replica rather than a job's pod. */
    public boolean canServe() {
        return "Running".equals(phase) && ready && !terminating && "ReplicaSet".equals(ownerKind);
    }

    public Duration age(Clock clock) {
        if (startTime == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(startTime, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
