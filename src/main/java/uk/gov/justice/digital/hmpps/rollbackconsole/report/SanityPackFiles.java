package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPack;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.AtomicFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;

/**
 * The sanity-check pack as files for the data science team: CSV (one row a record, a commented header) and JSON
 * (one object a cluster, a "readme" first). Each says how the clusters were chosen, the window, and the SHA-256 of
 * the exported file they come from. Identifiers only; each file whole or not at all.
 */
public final class SanityPackFiles {

    public static final String CSV_PURPOSE = "sanity check for data science (CSV)";
    public static final String JSON_PURPOSE = "sanity check for data science (JSON)";

    public static final List<String> CSV_COLUMNS = List.of("merged_cluster", "rank", "status", "status_reason",
            "earlier_clusters", "source_system", "source_system_id", "in_exported_file", "earlier_cluster",
            "merge_events");

    private static final String CRLF = "\r\n";

    private final JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    public record Written(WrittenFile csv, WrittenFile json) {
    }

    /** {@code sanity-check-merged-clusters.csv} and {@code .json}, {@code REHEARSAL-} first in a rehearsal. */
    public static String fileName(Environment environment, String extension) {
        return Environment.filePrefix(environment) + "sanity-check-merged-clusters." + extension;
    }

    /** The lines that say what the pack is; the CSV carries them as {@code #} comments, the JSON as "readme". */
    public static List<String> readme(SanityPack pack, Environment environment) {
        return List.of(
                (environment != null && environment.isRehearsal() ? Environment.REHEARSAL_MARK
                        + ": simulated data from a rehearsal, not a real incident. " : "")
                        + "Sanity check of a Person Record recluster (runbook step 7): clusters that may have been"
                        + " merged by mistake.",
                "Selected: every cluster that now holds records of the exported file that the file put in two or more"
                        + " different clusters (person_uuid) before the recluster. Largest first (exported records,"
                        + " then earlier clusters).",
                "Each row is one record the cluster holds now (source system and id only, no personal data);"
                        + " in_exported_file says whether the file had it, earlier_cluster is the file's person_uuid.",
                "merge_events: the record's CPR_RECLUSTER_RECORD_MERGED events since the cutoff, event_timestamp as"
                        + " event_log stores it (the service's clock, no zone).",
                "Window: events from " + pack.window().cutoff() + " up to " + pack.window().asOf()
                        + " (UTC); read from the replica at " + pack.takenAt() + ".",
                "Exported file SHA-256: " + pack.fileSha256(),
                "Clusters: " + pack.clusters().size() + "; records: " + pack.records() + ".");
    }

    public Written write(Path folder, boolean replace, SanityPack pack, Environment environment) throws IOException {
        Objects.requireNonNull(pack, "pack");
        WrittenFile csv = AtomicFile.write(folder.resolve(fileName(environment, "csv")), replace,
                out -> writeCsv(out, pack, environment));
        WrittenFile js = AtomicFile.write(folder.resolve(fileName(environment, "json")), replace,
                out -> writeJson(out, pack, environment));
        return new Written(csv, js);
    }

    private static void writeCsv(OutputStream out, SanityPack pack, Environment environment) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        for (String line : readme(pack, environment)) {
            w.write("# " + line + CRLF);
        }
        w.write(String.join(",", CSV_COLUMNS) + CRLF);
        int rank = 0;
        for (SanityPack.Cluster c : pack.clusters()) {
            rank++;
            for (SanityPack.Member m : c.records()) {
                w.write(String.join(",", List.of(
                        c.personUuid().toString(),
                        Integer.toString(rank),
                        field(c.status()),
                        field(c.statusReason()),
                        c.earlierClusters().stream().map(UUID::toString).collect(Collectors.joining(" ")),
                        m.key().sourceSystem().name(),
                        OutstandingClustersFiles.field(m.key().sourceSystemId()),
                        Boolean.toString(m.inExportedFile()),
                        m.earlierCluster() == null ? "" : m.earlierCluster().toString(),
                        m.mergeEvents().stream().map(LocalDateTime::toString).collect(Collectors.joining(" ")))));
                w.write(CRLF);
            }
        }
        w.flush();
    }

    private void writeJson(OutputStream out, SanityPack pack, Environment environment) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeArrayFieldStart("readme");
            for (String line : readme(pack, environment)) {
                g.writeString(line);
            }
            g.writeEndArray();
            g.writeStringField("cutoff", pack.window().cutoff().toString());
            g.writeStringField("as_of", pack.window().asOf().toString());
            g.writeStringField("taken_at", pack.takenAt().toString());
            g.writeStringField("exported_file_sha256", pack.fileSha256());
            g.writeArrayFieldStart("clusters");
            for (SanityPack.Cluster c : pack.clusters()) {
                g.writeStartObject();
                g.writeStringField("person_uuid", c.personUuid().toString());
                g.writeStringField("status", c.status());
                g.writeStringField("status_reason", c.statusReason());
                g.writeArrayFieldStart("earlier_clusters");
                for (UUID u : c.earlierClusters()) {
                    g.writeString(u.toString());
                }
                g.writeEndArray();
                g.writeArrayFieldStart("records");
                for (SanityPack.Member m : c.records()) {
                    g.writeStartObject();
                    g.writeStringField("source_system", m.key().sourceSystem().name());
                    g.writeStringField("source_system_id", m.key().sourceSystemId());
                    g.writeBooleanField("in_exported_file", m.inExportedFile());
                    g.writeStringField("earlier_cluster", m.earlierCluster() == null ? null : m.earlierCluster().toString());
                    g.writeArrayFieldStart("merge_events");
                    for (LocalDateTime t : m.mergeEvents()) {
                        g.writeString(t.toString());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static String field(String value) {
        return value == null ? "" : OutstandingClustersFiles.field(value);
    }
}
