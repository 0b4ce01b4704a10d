package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;

/**
 * A cluster left in NEEDS_ATTENTION and the way to resolve it (runbook step 6): whether the daily
 * recluster-needs-attention job may still heal it or a person must act, whether it is in the review queue, how long
 * it has waited there, and where the team's manage UI shows it.
 *
 * @param raisedAt when its open review was raised, as review.created_at stores it (UK wall clock); empty when
 *                 it is not in the queue
 * @param waited   from then to when this was read; empty when not in the queue
 * @param link     the manage UI's page for the cluster; empty when no base URL is configured
 */
public record ClusterPath(OutstandingCluster cluster, Path path, boolean inReviewQueue, String clusterType,
                          Optional<LocalDateTime> raisedAt, Optional<Duration> waited, Optional<String> link) {

    /** Who can resolve it, most urgent first. */
    public enum Path {
        /** OVERRIDE_CONFLICT: the daily job never heals it. */
        PERSON_MUST_ACT("A person must act: the daily job never heals an override conflict"),
        /** No reason, or one the console does not know: a person should look. */
        PERSON_SHOULD_LOOK("A person should look: the reason is not one the daily job acts on"),
        /** BROKEN_CLUSTER: the daily job turns it ACTIVE once it has become valid. */
        MAY_HEAL("May heal by itself: the daily recluster-needs-attention job (13:00) retries it");

        private final String text;

        Path(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Path of(String statusReason) {
            if ("OVERRIDE_CONFLICT".equals(statusReason)) {
                return PERSON_MUST_ACT;
            }
            return "BROKEN_CLUSTER".equals(statusReason) ? MAY_HEAL : PERSON_SHOULD_LOOK;
        }
    }

    public ClusterPath {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(link, "link");
    }

    public UUID personUuid() {
        return cluster.personUuid();
    }

    /** "3 d 4 h", "5 h 12 min", "40 min": how long a person has had it to look at. */
    public static String waitedText(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes >= 24 * 60) {
            return minutes / (24 * 60) + " d " + (minutes % (24 * 60)) / 60 + " h";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
