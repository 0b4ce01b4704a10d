package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One of Helm's release records: the Secret {@code sh.helm.release.v1.RELEASE.vN} that {@code helm upgrade} writes
 * for every deploy (the deploy actions keep the last 10, {@code --history-max 10}). Read, never written.
 *
 * @param version      Helm's revision N
 * @param status       deployed, superseded, failed, pending-upgrade...
 * @param firstDeployed when the release was first installed: the same for every revision of it
 * @param lastDeployed when this revision was deployed: the start of what it ran
 * @param imageTag     {@code image.tag} of the values given (under {@code generic-service} when the chart uses it);
 *                     the chart's appVersion when no tag was given
 */
public record HelmRelease(String name, long version, String status, Instant firstDeployed, Instant lastDeployed,
                          String imageTag) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    public HelmRelease {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastDeployed, "lastDeployed");
        Objects.requireNonNull(imageTag, "imageTag");
    }

    /**
     * Decodes a release record's {@code data.release} once the Secret's own base64 is undone: Helm's base64 of gzip
     * of JSON (plain JSON in records of very old Helm versions, which Helm itself still reads).
     */
    static HelmRelease decode(String secretName, byte[] release) throws KubectlException {
        try {
            byte[] packed = Base64.getDecoder().decode(new String(release, java.nio.charset.StandardCharsets.US_ASCII).strip());
            JsonNode r;
            if (packed.length > 2 && (packed[0] & 0xff) == GZIP_MAGIC_1 && (packed[1] & 0xff) == GZIP_MAGIC_2) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
                    r = JSON.readTree(in);
                }
            } else {
                r = JSON.readTree(packed);
            }
            JsonNode info = r.path("info");
            Instant last = time(info.path("last_deployed").asText(""), secretName, "info.last_deployed");
            String first = info.path("first_deployed").asText("");
            return new HelmRelease(r.path("name").asText(""), r.path("version").asLong(0), info.path("status").asText(""),
                    first.isEmpty() ? null : time(first, secretName, "info.first_deployed"), last, tag(r));
        } catch (IllegalArgumentException | IOException e) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "Helm's release record " + secretName
                    + " could not be decoded (" + e.getClass().getSimpleName() + "): it is not base64 of gzip of JSON.", "");
        }
    }

    private static String tag(JsonNode release) {
        JsonNode config = release.path("config");
        String tag = config.path("image").path("tag").asText("");
        if (tag.isEmpty()) {
            tag = config.path("generic-service").path("image").path("tag").asText("");
        }
        if (tag.isEmpty()) {
            for (JsonNode sub : config) {
                if (!sub.path("image").path("tag").asText("").isEmpty()) {
                    tag = sub.path("image").path("tag").asText();
                    break;
                }
            }
        }
        return tag.isEmpty() ? release.path("chart").path("metadata").path("appVersion").asText("") : tag;
    }

    // Go's time in JSON: RFC 3339 with nanoseconds and the deploying machine's offset.
    private static Instant time(String text, String secretName, String field) throws KubectlException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new KubectlException(KubectlException.Reason.UNEXPECTED_OUTPUT, "Helm's release record " + secretName
                    + " has " + field + " \"" + text + "\", not a time.", "");
        }
    }
}
