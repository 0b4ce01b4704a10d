package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One release of a deployment, from Helm's release record, its ReplicaSet, or both: the image, when it started,
 * and how long it was the running release.
 *
 * @param revision           the number {@code rollback-console releases} shows: Helm's revision when Helm's records
 *                           were read, the deployment's revision otherwise; 0 for a ReplicaSet Helm has no record of
 * @param replicaSet         empty when the ReplicaSet is gone (the chart keeps only three)
 * @param created            when it started: the earlier of Helm's deploy and its ReplicaSet's creation, the moment
 *                           its first pod could start serving
 * @param ranFor             until the next release started; null for the release running now
 * @param replicas           pods it has now (0 once a later release has replaced it)
 * @param kept               where the cluster still records it
 * @param deploymentRevision the ReplicaSet's {@code deployment.kubernetes.io/revision}; 0 without a ReplicaSet
 * @param status             Helm's status (deployed, superseded, failed...); empty without a Helm record
 */
public record Release(String deployment, long revision, String replicaSet, List<String> images, Instant created,
                      Duration ranFor, boolean current, int replicas, Kept kept, long deploymentRevision,
                      String status) {

    /** Where the cluster still records a release. */
    public enum Kept {
        HELM_AND_REPLICA_SET("Helm and ReplicaSet"), HELM("Helm only"), REPLICA_SET("ReplicaSet only");

        private final String words;

        Kept(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Release {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(replicaSet, "replicaSet");
        images = List.copyOf(images);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(kept, "kept");
        status = status == null ? "" : status;
    }

    /** A release known only from its ReplicaSet. */
    public Release(String deployment, long revision, String replicaSet, List<String> images, Instant created,
                   Duration ranFor, boolean current, int replicas) {
        this(deployment, revision, replicaSet, images, created, ranFor, current, replicas, Kept.REPLICA_SET, revision, "");
    }

    /** The image tag people call the release, e.g. {@code 2025-06-09.1234.abcdef0}; the whole image if untagged. */
    public String tag() {
        if (images.isEmpty()) {
            return "";
        }
        return tagOf(images.get(0));
    }

    /** The tag of an image reference; the reference itself when it has none. */
    public static String tagOf(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : image;
    }

    /** "20 h 8 min", "3 d 2 h": how long it ran, for a table; empty for the revision running now. */
    public String ranForText() {
        if (ranFor == null) {
            return "";
        }
        long days = ranFor.toDays();
        long hours = ranFor.toHoursPart();
        long minutes = ranFor.toMinutesPart();
        return days > 0 ? days + " d " + hours + " h" : hours > 0 ? hours + " h " + minutes + " min" : minutes + " min";
    }

    /** The cutoff this release gives: its start, moved earlier by a margin the lead chooses. */
    public Instant cutoff(Duration margin) {
        if (margin.isNegative()) {
            throw new IllegalArgumentException("the margin moves the cutoff earlier, so it cannot be negative: " + margin);
        }
        return created.minus(margin);
    }

    /** "hmpps-person-record revision 28 (tag), started 2025-...Z (Helm and ReplicaSet ...)": for journals and output. */
    public String describe() {
        String where = switch (kept) {
            case HELM -> "Helm's record";
            case REPLICA_SET -> "ReplicaSet " + replicaSet + ", deployment revision " + deploymentRevision;
            case HELM_AND_REPLICA_SET -> "Helm's record and ReplicaSet " + replicaSet;
        };
        return deployment + " revision " + revision + " (" + tag() + "), started " + created + " (" + where + ")";
    }
}
