package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.util.List;
import java.util.Objects;

/**
 * What the console needs of a deployment: the label selector that finds exactly its pods, and what it runs.
 *
 * @param selector kubectl's {@code -l} form, such as {@code app=hmpps-person-record}
 * @param images   every container's image, the service's first
 */
public record DeploymentInfo(String name, String selector, List<String> images, int replicas, int readyReplicas) {
    public DeploymentInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(selector, "selector");
        images = List.copyOf(images);
    }

    public String image() {
        return images.isEmpty() ? "" : images.get(0);
    }
}
