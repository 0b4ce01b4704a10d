package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the incident lead confirmed before anything was sent: where to, from which file, in how many requests.
 *
 * @param environment the connected environment's label, as the banner shows it
 */
public record ReclusterPlan(String environment, String context, String namespace, String pod, Path file, String sha256,
                            long records, int batches, int batchSize) {

    public ReclusterPlan {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }
}
