package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.AtomicFile;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.WrittenFile;

/**
 * The clusters left in NEEDS_ATTENTION as files for the people who resolve them by hand (CSV, one row a cluster)
 * and for the data science team's sanity check (JSON). Identifiers only. Each file appears whole or not at all;
 * an existing file is replaced only when asked.
 */
public final class OutstandingClustersFiles {

    /** The CSV's columns; ids of one source system are separated by {@value #ID_SEPARATOR}. */
    public static final List<String> CSV_COLUMNS = List.of("person_uuid", "status_reason", "records",
            "nomis_records", "delius_records", "common_platform_records", "libra_records", "records_without_id",
            "nomis_ids", "delius_ids", "common_platform_ids", "libra_ids");
    public static final String ID_SEPARATOR = " ";

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH-mm-ss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n"; // RFC 4180, which spreadsheets expect

    private final JsonFactory json = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /** For example {@code outstanding-clusters-prod-2025-06-10T14-02-00Z.csv}: environment and time taken. */
    public static String defaultFileName(Environment environment, Instant takenAt, String extension) {
        return Environment.filePrefix(environment) + "outstanding-clusters-" + environment.label() + "-"
                + FILE_TIME.format(takenAt.truncatedTo(ChronoUnit.SECONDS)) + "." + extension;
    }

    public WrittenFile writeCsv(Path target, boolean replace, OutstandingClusters outstanding) throws IOException {
        Objects.requireNonNull(outstanding, "outstanding");
        return AtomicFile.write(target, replace, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(String.join(",", CSV_COLUMNS));
            w.write(CRLF);
            for (OutstandingCluster c : outstanding.clusters()) {
                StringBuilder row = new StringBuilder();
                row.append(field(c.personUuid() == null ? "" : c.personUuid().toString()));
                row.append(',').append(field(c.statusReason() == null ? "" : c.statusReason()));
                row.append(',').append(c.records());
                for (SourceSystem s : SourceSystem.values()) {
                    row.append(',').append(c.records(s));
                }
                row.append(',').append(c.recordsWithoutId());
                for (SourceSystem s : SourceSystem.values()) {
                    row.append(',').append(field(String.join(ID_SEPARATOR, c.sourceSystemIds().get(s))));
                }
                w.write(row.toString());
                w.write(CRLF);
            }
            w.flush();
        });
    }

    public WrittenFile writeJson(Path target, boolean replace, OutstandingClusters outstanding) throws IOException {
        Objects.requireNonNull(outstanding, "outstanding");
        return AtomicFile.write(target, replace, out -> writeJson(out, outstanding));
    }

    private void writeJson(OutputStream out, OutstandingClusters outstanding) throws IOException {
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("cutoff", outstanding.window().cutoff().toString());
            g.writeStringField("as_of", outstanding.window().asOf().toString());
            g.writeStringField("taken_at", outstanding.takenAt().toString());
            g.writeNumberField("needs_attention_in_replica", outstanding.needsAttentionInReplica());
            g.writeNumberField("needs_attention_affected", outstanding.clusters().size());
            g.writeArrayFieldStart("clusters");
            for (OutstandingCluster c : outstanding.clusters()) {
                g.writeStartObject();
                g.writeStringField("person_uuid", c.personUuid() == null ? null : c.personUuid().toString());
                g.writeStringField("status_reason", c.statusReason());
                g.writeNumberField("records", c.records());
                g.writeNumberField("records_without_id", c.recordsWithoutId());
                g.writeObjectFieldStart("records_by_source_system");
                for (SourceSystem s : SourceSystem.values()) {
                    g.writeNumberField(s.name(), c.records(s));
                }
                g.writeEndObject();
                g.writeObjectFieldStart("source_system_ids");
                for (SourceSystem s : SourceSystem.values()) {
                    g.writeArrayFieldStart(s.name());
                    for (String id : c.sourceSystemIds().get(s)) {
                        g.writeString(id);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Quotes as RFC 4180 asks; a value a spreadsheet would take for a formula is quoted too and gets a leading
     * apostrophe, so that opening the file never runs anything.
     */
    static String field(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.equals(value) && v.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
