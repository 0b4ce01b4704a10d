package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;

import uk.gov.justice.digital.hmpps.rollbackconsole.records.AtomicFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;

/**
 * The release history as it was read (Helm's records merged with the ReplicaSets), kept in the incident's folder: a reviewer later sees the releases the lead
 * chose from, without a cluster to ask.
 */
public final class ReleaseHistoryFile {

    private ReleaseHistoryFile() {
    }

    public static WrittenFile write(Path target, String context, String namespace, Instant readAt,
                                    List<ReleaseHistory> histories) throws IOException {
        List<Release> releases = histories.stream().flatMap(h -> h.releases().stream()).toList();
        return AtomicFile.write(target, true, out -> {
            // The atomic writer closes its own stream once the content is forced to disk.
            try (JsonGenerator g = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build()
                    .createGenerator(out, JsonEncoding.UTF8)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("context", context);
                g.writeStringField("namespace", namespace);
                g.writeStringField("read_at", readAt.toString());
                g.writeArrayFieldStart("history_ends");
                for (ReleaseHistory h : histories) {
                    g.writeString(h.end());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("releases");
                for (Release r : releases) {
                    g.writeStartObject();
                    g.writeStringField("deployment", r.deployment());
                    g.writeNumberField("revision", r.revision());
                    g.writeStringField("kept_by", r.kept().words());
                    g.writeStringField("helm_status", r.status());
                    g.writeNumberField("deployment_revision", r.deploymentRevision());
                    g.writeStringField("release", r.tag());
                    g.writeStringField("replica_set", r.replicaSet());
                    g.writeArrayFieldStart("images");
                    for (String image : r.images()) {
                        g.writeString(image);
                    }
                    g.writeEndArray();
                    g.writeStringField("created", r.created().toString());
                    if (r.ranFor() == null) {
                        g.writeNullField("ran_for");
                    } else {
                        g.writeStringField("ran_for", r.ranFor().toString());
                    }
                    g.writeBooleanField("current", r.current());
                    g.writeNumberField("replicas", r.replicas());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }
}
