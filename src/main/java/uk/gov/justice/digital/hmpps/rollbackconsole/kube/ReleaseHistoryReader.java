package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a deployment's release history with kubectl: Helm's release records (Secrets labelled
 * {@code owner=helm,name=RELEASE}, decoded in memory, never written) and the ReplicaSets the deployment owns.
 */
final class ReleaseHistoryReader {

    private ReleaseHistoryReader() {
    }

    static ReleaseHistory read(Kubectl kubectl, String deploymentName) throws KubectlException {
        List<Release> fromReplicaSets = replicaSetReleases(kubectl, deploymentName);
        List<HelmRelease> helm;
        try {
            helm = helmReleases(kubectl, deploymentName);
        } catch (KubectlException e) {
            String why = switch (e.reason()) {
                case FORBIDDEN -> "your account may not read secrets in " + kubectl.namespace()
                        + ", where Helm keeps its records";
                default -> "Helm's records could not be read: " + e.getMessage().lines().findFirst().orElse("");
            };
            return ReleaseHistory.replicaSetsOnly(deploymentName, fromReplicaSets, why);
        }
        if (helm.isEmpty()) {
            return ReleaseHistory.replicaSetsOnly(deploymentName, fromReplicaSets, "Helm has no release records named "
                    + deploymentName + " in " + kubectl.namespace());
        }
        return ReleaseHistory.merge(deploymentName, fromReplicaSets, helm);
    }

    static List<HelmRelease> helmReleases(Kubectl kubectl, String release) throws KubectlException {
        byte[] out = kubectl.run(List.of("get", "secrets", "-l", "owner=helm,name=" + release, "-o", "json"));
        try {
            List<HelmRelease> records = new ArrayList<>();
            for (JsonNode s : kubectl.json(out).path("items")) {
                String name = s.path("metadata").path("name").asText();
                String data = s.path("data").path("release").asText("");
                if (data.isEmpty()) {
                    continue;
                }
                byte[] helmText;
                try {
                    helmText = Base64.getDecoder().decode(data);
                } catch (IllegalArgumentException e) {
                    throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "the release of secret " + name
                            + " is not base64", "");
                }
                records.add(HelmRelease.decode(name, helmText));
            }
            return records;
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    /**
     * The deployment's rollout history from its ReplicaSets (its label selector finds them, its owner reference proves
     * them its own: another deployment's ReplicaSets may carry the same labels).
     */
    private static List<Release> replicaSetReleases(Kubectl kubectl, String deploymentName) throws KubectlException {
        JsonNode d = kubectl.json(kubectl.getJson("deployment", deploymentName));
        String selector = Kubectl.selector(d.path("spec").path("selector"));
        if (selector.isEmpty()) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT,
                    "deployment " + deploymentName + " has no label selector; its ReplicaSets cannot be found", "");
        }
        JsonNode sets = kubectl.json(kubectl.run(List.of("get", "replicasets", "-l", selector, "-o", "json")));
        return RolloutHistory.of(d, sets);
    }
}
