package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchAnswered;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchSending;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchesPlanned;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.ClockChosen;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Connected;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CountsTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CutoffSet;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Decision;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Exported;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.FileWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.IncidentStarted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.LogMilestone;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Phase;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PodChosen;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PreviewTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.ReportWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Resumed;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.NotFoundIds;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.RunCounted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.StatisticsTaken;

/**
 * One JSON object per line: {@code at} and {@code type} first, then the entry's fields in snake_case. Written by
 * hand rather than by reflection, so that the file's layout is a stable contract and nothing is written that was
 * not meant to be.
 */
final class JournalCodec {

    private final ObjectMapper mapper = new ObjectMapper();

    /** The entry as one line of UTF-8 JSON, newline included. Jackson escapes any newline inside a value. */
    byte[] encode(Instant at, JournalEntry entry) {
        ObjectNode n = mapper.createObjectNode();
        n.put("at", at.toString());
        n.put("type", type(entry));
        if (entry instanceof IncidentStarted e) {
            n.put("app_version", e.appVersion());
            n.put("environment", e.environment().name());
        } else if (entry instanceof Connected e) {
            n.put("host", e.host());
            n.put("port", e.port());
            n.put("database", e.database());
            n.put("user", e.user());
            n.put("sslmode", e.sslMode());
        } else if (entry instanceof ClockChosen e) {
            n.put("clock", e.clock().name());
            if (e.detected() == null) {
                n.putNull("detected");
            } else {
                n.put("detected", e.detected().name());
            }
            n.put("how", e.how());
        } else if (entry instanceof JournalEntry.LagSeen e) {
            n.put("in_recovery", e.inRecovery());
            n.put("lag_ms", e.lagMillis());
            n.put("bounded_by_replay", e.boundedByReplay());
            n.put("up_to", e.upTo().toString());
            n.put("text", e.text());
        } else if (entry instanceof CutoffSet e) {
            n.put("typed", e.typed());
            n.put("zone", e.zone());
            n.put("local", e.local().toString());
            n.put("utc", e.utc().toString());
        } else if (entry instanceof CountsTaken e) {
            window(n, e.window());
            n.put("events", e.counts().events());
            n.put("distinct_records", e.counts().distinctRecords());
            n.put("distinct_clusters", e.counts().distinctClusters());
        } else if (entry instanceof PreviewTaken e) {
            window(n, e.window());
            n.put("mode", e.mode().name());
            n.put("rows", e.rows());
            n.put("events", e.events());
            ObjectNode by = n.putObject("records_by_source_system");
            e.bySourceSystem().forEach((s, c) -> by.put(s.name(), c));
            n.put("distinct_clusters", e.distinctClusters());
            n.put("without_person_uuid", e.withoutPersonUuid());
        } else if (entry instanceof Exported e) {
            n.put("path", e.path().toString());
            n.put("sha256", e.sha256());
            n.put("records", e.records());
        } else if (entry instanceof JournalEntry.ClusterTargetSet e) {
            n.put("kubectl", e.kubectl());
            n.put("context", e.context());
            n.put("namespace", e.namespace());
            if (e.environment() == null) {
                n.putNull("environment");
            } else {
                n.put("environment", e.environment().name());
            }
        } else if (entry instanceof PodChosen e) {
            n.put("namespace", e.namespace());
            n.put("pod", e.pod());
        } else if (entry instanceof BatchesPlanned e) {
            n.put("batches", e.batches());
            n.put("records", e.records());
            n.put("max_records_per_batch", e.maxRecordsPerBatch());
        } else if (entry instanceof BatchSending e) {
            n.put("index", e.index());
            key(n.putObject("first"), e.first());
            key(n.putObject("last"), e.last());
            n.put("records", e.records());
        } else if (entry instanceof BatchAnswered e) {
            n.put("index", e.index());
            if (e.httpStatus() == null) {
                n.putNull("http_status");
            } else {
                n.put("http_status", e.httpStatus());
            }
            n.put("detail", e.detail());
        } else if (entry instanceof LogMilestone e) {
            n.put("batch", e.batchIndex());
            n.put("milestone", e.milestone());
        } else if (entry instanceof JournalEntry.RunObserved e) {
            if (e.batchIndex() == null) {
                n.putNull("batch");
            } else {
                n.put("batch", e.batchIndex());
            }
            n.put("kind", e.kind());
            if (e.provenDone() == null) {
                n.putNull("proven_done");
            } else {
                n.put("proven_done", e.provenDone());
            }
            n.put("text", e.text());
        } else if (entry instanceof RunCounted e) {
            n.put("batch", e.batchIndex());
            n.put("processed", e.processed());
            n.put("not_found", e.notFound());
            n.put("skipped", e.skipped());
        } else if (entry instanceof NotFoundIds e) {
            n.put("batch", e.batchIndex());
            e.ids().forEach(n.putArray("ids")::add);
        } else if (entry instanceof StatisticsTaken e) {
            n.put("phase", e.phase().name());
            n.put("taken_at", e.statistics().takenAt().toString());
            ObjectNode by = n.putObject("clusters_by_status");
            e.statistics().clustersByStatus().forEach(by::put);
        } else if (entry instanceof JournalEntry.SendStarted e) {
            SendCodec.encode(n, e);
        } else if (entry instanceof JournalEntry.SettledFromLog e) {
            SendCodec.encode(n, e);
        } else if (entry instanceof JournalEntry.ChangesTaken e) {
            OutcomeCodec.encode(n, e);
        } else if (entry instanceof JournalEntry.PathsTaken e) {
            OutcomeCodec.encode(n, e);
        } else if (entry instanceof JournalEntry.NeedsAttentionJobSeen e) {
            n.put("from", e.from().toString());
            n.put("to", e.to().toString());
            n.put("verdict", e.verdict());
            n.put("text", e.text());
        } else if (entry instanceof Decision e) {
            n.put("kind", e.kind().name());
            if (e.batchIndex() == null) {
                n.putNull("batch");
            } else {
                n.put("batch", e.batchIndex());
            }
            n.put("text", e.text());
        } else if (entry instanceof FileWritten e) {
            n.put("purpose", e.purpose());
            n.put("path", e.path().toString());
            n.put("sha256", e.sha256());
        } else if (entry instanceof ReportWritten e) {
            n.put("path", e.path().toString());
            n.put("sha256", e.sha256());
        } else if (entry instanceof Resumed e) {
            n.put("note", e.note());
        }
        try {
            byte[] json = mapper.writeValueAsBytes(n);
            byte[] line = new byte[json.length + 1];
            System.arraycopy(json, 0, line, 0, json.length);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal entry could not be written as JSON", e);
        }
    }

    JournalLine decode(Path file, long number, byte[] line) throws JournalFormatException {
        JsonNode n;
        try {
            n = mapper.readTree(new String(line, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new JournalFormatException(file, number, "not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw new JournalFormatException(file, number, "not a JSON object", null);
        }
        try {
            Instant at = Instant.parse(text(n, "at"));
            return new JournalLine(number, at, entry(n, text(n, "type")));
        } catch (RuntimeException e) {
            throw new JournalFormatException(file, number, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private static JournalEntry entry(JsonNode n, String type) {
        switch (type) {
            case "incident_started":
                return new IncidentStarted(text(n, "app_version"), Environment.valueOf(text(n, "environment")));
            case "connected":
                return new Connected(text(n, "host"), integer(n, "port"), text(n, "database"), text(n, "user"),
                        text(n, "sslmode"));
            case "event_clock": {
                String detected = optionalText(n, "detected");
                return new ClockChosen(EventClock.valueOf(text(n, "clock")),
                        detected == null ? null : EventClock.valueOf(detected), text(n, "how"));
            }
            case "replica_lag":
                return new JournalEntry.LagSeen(field(n, "in_recovery").asBoolean(), number(n, "lag_ms"),
                        field(n, "bounded_by_replay").asBoolean(), Instant.parse(text(n, "up_to")), text(n, "text"));
            case "cutoff":
                return new CutoffSet(text(n, "typed"), text(n, "zone"), LocalDateTime.parse(text(n, "local")),
                        Instant.parse(text(n, "utc")));
            case "counts":
                return new CountsTaken(window(n), new AffectedCounts(number(n, "events"),
                        number(n, "distinct_records"), number(n, "distinct_clusters")));
            case "preview": {
                Map<SourceSystem, Long> by = new EnumMap<>(SourceSystem.class);
                for (Map.Entry<String, JsonNode> f : field(n, "records_by_source_system").properties()) {
                    by.put(SourceSystem.valueOf(f.getKey()), f.getValue().asLong());
                }
                return new PreviewTaken(window(n), RecordMode.valueOf(text(n, "mode")), number(n, "rows"),
                        number(n, "events"), by, number(n, "distinct_clusters"), number(n, "without_person_uuid"));
            }
            case "exported":
                return new Exported(Path.of(text(n, "path")), text(n, "sha256"), number(n, "records"));
            case "cluster_target": {
                String env = optionalText(n, "environment");
                return new JournalEntry.ClusterTargetSet(text(n, "kubectl"), text(n, "context"), text(n, "namespace"),
                        env == null ? null : Environment.valueOf(env));
            }
            case "pod_chosen":
                return new PodChosen(optionalText(n, "namespace"), text(n, "pod"));
            case "batches_planned":
                return new BatchesPlanned(integer(n, "batches"), number(n, "records"),
                        integer(n, "max_records_per_batch"));
            case "batch_sending":
                return new BatchSending(integer(n, "index"), key(field(n, "first")), key(field(n, "last")),
                        integer(n, "records"));
            case "batch_answered":
                return new BatchAnswered(integer(n, "index"), optionalInteger(n, "http_status"),
                        optionalText(n, "detail"));
            case "log_milestone":
                return new LogMilestone(integer(n, "batch"), text(n, "milestone"));
            case "run_observed":
                return new JournalEntry.RunObserved(optionalInteger(n, "batch"), text(n, "kind"),
                        optionalInteger(n, "proven_done"), text(n, "text"));
            case "run_counted":
                return new RunCounted(integer(n, "batch"), number(n, "processed"), number(n, "not_found"),
                        number(n, "skipped"));
            case "not_found_ids": {
                List<String> ids = new ArrayList<>();
                field(n, "ids").forEach(id -> ids.add(id.asText()));
                return new NotFoundIds(integer(n, "batch"), ids);
            }
            case "statistics": {
                Map<String, Long> by = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> f : field(n, "clusters_by_status").properties()) {
                    by.put(f.getKey(), f.getValue().asLong());
                }
                return new StatisticsTaken(Phase.valueOf(text(n, "phase")),
                        new ClusterStatistics(by, Instant.parse(text(n, "taken_at"))));
            }
            case SendCodec.SEND_STARTED:
                return SendCodec.decodeSendStarted(n);
            case SendCodec.SETTLED_FROM_LOG:
                return SendCodec.decodeSettled(n);
            case OutcomeCodec.CHANGES:
                return OutcomeCodec.decodeChanges(n);
            case OutcomeCodec.PATHS:
                return OutcomeCodec.decodePaths(n);
            case "needs_attention_job":
                return new JournalEntry.NeedsAttentionJobSeen(Instant.parse(text(n, "from")),
                        Instant.parse(text(n, "to")), text(n, "verdict"), text(n, "text"));
            case "decision":
                return new Decision(DecisionKind.valueOf(text(n, "kind")), optionalInteger(n, "batch"),
                        text(n, "text"));
            case "file_written":
                return new FileWritten(text(n, "purpose"), Path.of(text(n, "path")), text(n, "sha256"));
            case "report_written":
                return new ReportWritten(Path.of(text(n, "path")), text(n, "sha256"));
            case "resumed":
                return new Resumed(text(n, "note"));
            default:
                throw new IllegalArgumentException("unknown entry type '" + type + "'");
        }
    }

    static String type(JournalEntry entry) {
        if (entry instanceof IncidentStarted) {
            return "incident_started";
        } else if (entry instanceof Connected) {
            return "connected";
        } else if (entry instanceof ClockChosen) {
            return "event_clock";
        } else if (entry instanceof JournalEntry.LagSeen) {
            return "replica_lag";
        } else if (entry instanceof CutoffSet) {
            return "cutoff";
        } else if (entry instanceof CountsTaken) {
            return "counts";
        } else if (entry instanceof PreviewTaken) {
            return "preview";
        } else if (entry instanceof Exported) {
            return "exported";
        } else if (entry instanceof JournalEntry.ClusterTargetSet) {
            return "cluster_target";
        } else if (entry instanceof PodChosen) {
            return "pod_chosen";
        } else if (entry instanceof BatchesPlanned) {
            return "batches_planned";
        } else if (entry instanceof BatchSending) {
            return "batch_sending";
        } else if (entry instanceof BatchAnswered) {
            return "batch_answered";
        } else if (entry instanceof LogMilestone) {
            return "log_milestone";
        } else if (entry instanceof JournalEntry.RunObserved) {
            return "run_observed";
        } else if (entry instanceof RunCounted) {
            return "run_counted";
        } else if (entry instanceof NotFoundIds) {
            return "not_found_ids";
        } else if (entry instanceof StatisticsTaken) {
            return "statistics";
        } else if (entry instanceof JournalEntry.SendStarted) {
            return SendCodec.SEND_STARTED;
        } else if (entry instanceof JournalEntry.SettledFromLog) {
            return SendCodec.SETTLED_FROM_LOG;
        } else if (entry instanceof JournalEntry.ChangesTaken) {
            return OutcomeCodec.CHANGES;
        } else if (entry instanceof JournalEntry.PathsTaken) {
            return OutcomeCodec.PATHS;
        } else if (entry instanceof JournalEntry.NeedsAttentionJobSeen) {
            return "needs_attention_job";
        } else if (entry instanceof Decision) {
            return "decision";
        } else if (entry instanceof FileWritten) {
            return "file_written";
        } else if (entry instanceof ReportWritten) {
            return "report_written";
        } else if (entry instanceof Resumed) {
            return "resumed";
        }
        throw new IllegalArgumentException("no journal type for " + entry.getClass());
    }

    static void window(ObjectNode n, AffectedWindow w) {
        n.put("cutoff", w.cutoff().toString());
        n.put("as_of", w.asOf().toString());
        n.put("event_clock", w.clock().name());
    }

    /**
     * A window without a clock was written before the console knew event_log is in UK time: its bounds were
     * compared as UTC wall-clock time, and it is read back as it was queried.
     */
    static AffectedWindow window(JsonNode n) {
        String clock = optionalText(n, "event_clock");
        return new AffectedWindow(Instant.parse(text(n, "cutoff")), Instant.parse(text(n, "as_of")),
                clock == null ? EventClock.UTC : EventClock.valueOf(clock));
    }

    private static void key(ObjectNode n, RecordKey k) {
        n.put("source_system", k.sourceSystem().name());
        n.put("source_system_id", k.sourceSystemId());
    }

    private static RecordKey key(JsonNode n) {
        return new RecordKey(SourceSystem.valueOf(text(n, "source_system")), text(n, "source_system_id"));
    }

    static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("no " + name);
        }
        return v;
    }

    static String text(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isTextual()) {
            throw new IllegalArgumentException(name + " is not text");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }

    static long number(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException(name + " is not a whole number");
        }
        return v.asLong();
    }

    private static int integer(JsonNode n, String name) {
        return Math.toIntExact(number(n, name));
    }

    private static Integer optionalInteger(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : integer(n, name);
    }
}
