package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revision of a deployment, as its ReplicaSet records it: the release (image), when it was created, and how long
 * it was the running revision.
 *
 * @param created  the ReplicaSet's creation: the moment the revision's first pod could start serving
 * @param ranFor   until the next revision was created; null for the revision running now
 * @param replicas pods it has now (0 once a later revision has replaced it)
 */
public record Release(String deployment, long revision, String replicaSet, List<String> images, Instant created,
                      Duration ranFor, boolean current, int replicas) {

    public Release {
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(replicaSet, "replicaSet");
        images = List.copyOf(images);
        Objects.requireNonNull(created, "created");
    }

    /** The image tag people call the release, e.g. {@code 2025-06-09.1234.abcdef0}; the whole image if untagged. */
    public String tag() {
        if (images.isEmpty()) {
            return "";
        }
        String image = images.get(0);
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

    /** The cutoff this release gives: its creation, moved earlier by a margin the lead chooses. */
    public Instant cutoff(Duration margin) {
        if (margin.isNegative()) {
            throw new IllegalArgumentException("the margin moves the cutoff earlier, so it cannot be negative: " + margin);
        }
        return created.minus(margin);
    }
}
