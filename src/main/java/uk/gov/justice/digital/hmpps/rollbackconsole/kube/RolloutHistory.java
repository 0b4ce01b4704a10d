package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a deployment's releases from its ReplicaSets, as {@code kubectl rollout history} would, with times. */
final class RolloutHistory {

    static final String REVISION = "deployment.kubernetes.io/revision";

    private RolloutHistory() {
    }

    static List<Release> of(JsonNode deployment, JsonNode replicaSets) throws KubectlException {
        String name = deployment.path("metadata").path("name").asText();
        String uid = deployment.path("metadata").path("uid").asText("");
        String currentRevision = deployment.path("metadata").path("annotations").path(REVISION).asText("");

        record Owned(long revision, String name, List<String> images, Instant created, int replicas) {
        }
        List<Owned> owned = new ArrayList<>();
        for (JsonNode rs : replicaSets.path("items")) {
            if (!ownedBy(rs, name, uid)) {
                continue;
            }
            String revision = rs.path("metadata").path("annotations").path(REVISION).asText("");
            if (revision.isEmpty()) {
                continue;
            }
            List<String> images = new ArrayList<>();
            rs.path("spec").path("template").path("spec").path("containers").forEach(c -> images.add(c.path("image").asText()));
            owned.add(new Owned(parseRevision(revision, rs), rs.path("metadata").path("name").asText(), images,
                    created(rs), rs.path("status").path("replicas").asInt(0)));
        }
        owned.sort(Comparator.comparingLong(Owned::revision).reversed());
        List<Release> releases = new ArrayList<>();
        Instant next = null;
        for (Owned o : owned) {
            boolean current = Long.toString(o.revision()).equals(currentRevision);
            Duration ran = current || next == null ? null : Duration.between(o.created(), next);
            releases.add(new Release(name, o.revision(), o.name(), o.images(), o.created(), ran, current, o.replicas()));
            next = o.created();
        }
        return releases;
    }

    // A ReplicaSet belongs to the deployment that controls it; labels alone can be shared by another deployment.
    private static boolean ownedBy(JsonNode rs, String deployment, String uid) {
        for (JsonNode owner : rs.path("metadata").path("ownerReferences")) {
            if ("Deployment".equals(owner.path("kind").asText()) && deployment.equals(owner.path("name").asText())
                    && (uid.isEmpty() || owner.path("uid").asText("").isEmpty() || uid.equals(owner.path("uid").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static long parseRevision(String revision, JsonNode rs) throws KubectlException {
        try {
            return Long.parseLong(revision);
        } catch (NumberFormatException e) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "ReplicaSet "
                    + rs.path("metadata").path("name").asText() + " has revision \"" + revision + "\", not a number", "");
        }
    }

    private static Instant created(JsonNode rs) throws KubectlException {
        String text = rs.path("metadata").path("creationTimestamp").asText("");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "ReplicaSet "
                    + rs.path("metadata").path("name").asText() + " has no creation time kubectl could give", "");
        }
    }
}
