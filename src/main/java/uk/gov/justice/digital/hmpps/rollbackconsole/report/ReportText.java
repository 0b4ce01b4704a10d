package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchAnswered;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchSending;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.BatchesPlanned;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Connected;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CountsTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.CutoffSet;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Decision;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Exported;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.FileWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.IncidentStarted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.LogMilestone;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PodChosen;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.PreviewTaken;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.ReportWritten;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Resumed;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.RunCounted;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.StatisticsTaken;

/** The report's wording, shared by its Markdown, HTML and channel forms. Plain text; each form escapes it. */
final class ReportText {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private ReportText() {
    }

    static String utc(Instant t) {
        if (t == null) {
            return "unknown";
        }
        String s = UTC.format(t);
        int millis = t.getNano() / 1_000_000;
        return (millis == 0 ? s : s + String.format(".%03d", millis)) + " UTC";
    }

    static String local(LocalDateTime t) {
        String s = LOCAL.format(t);
        int millis = t.getNano() / 1_000_000;
        return millis == 0 ? s : s + String.format(".%03d", millis);
    }

    static String key(RecordKey k) {
        return k == null ? "" : k.sourceSystem().name() + " " + k.sourceSystemId();
    }

    static String outcome(BatchState b) {
        if (b.outcome() == BatchOutcome.OUTCOME_UNKNOWN && b.resendAllowed()) {
            return "outcome unknown (decided: send again)";
        }
        return outcome(b.outcome());
    }

    static String outcome(BatchOutcome o) {
        return switch (o) {
            case SENT -> "sent";
            case REJECTED -> "refused by the service";
            case OUTCOME_UNKNOWN -> "outcome unknown";
            case NOT_SENT -> "not sent";
        };
    }

    static String decision(DecisionKind kind) {
        return switch (kind) {
            case NOTE -> "Note";
            case CONTINUE_DESPITE_WARNING -> "Continued despite a warning";
            case RESEND_BATCH -> "Send a batch again";
            case SKIP_BATCH -> "Skip a batch";
            case STOP -> "Stop";
        };
    }

    static String mode(uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode mode) {
        return switch (mode) {
            case DISTINCT_RECORDS -> "one row per record";
            case ONE_ROW_PER_EVENT -> "one row per event";
        };
    }

    /** The kubectl a cluster target ran: "kubectl from the PATH", or its path. */
    static String kubectl(String path) {
        return "kubectl".equals(path) ? "kubectl from the PATH" : "kubectl " + path;
    }

    /** One line of the timeline: what the journal entry says happened. */
    static String describe(JournalEntry entry) {
        if (entry instanceof IncidentStarted e) {
            return "Incident started in " + e.environment().label() + " (Rollback Console " + e.appVersion() + ")";
        } else if (entry instanceof Connected e) {
            return "Connected to the replica " + e.user() + "@" + e.host() + ":" + e.port() + "/" + e.database()
                    + " (sslmode " + e.sslMode() + ")";
        } else if (entry instanceof CutoffSet e) {
            return "Deployment time set: " + local(e.local()) + " " + e.zone() + " = " + utc(e.utc());
        } else if (entry instanceof CountsTaken e) {
            return "Counted " + e.counts().distinctRecords() + " affected records (" + e.counts().events()
                    + " events, " + e.counts().distinctClusters() + " clusters)";
        } else if (entry instanceof PreviewTaken e) {
            return "Previewed " + e.rows() + " rows (" + mode(e.mode()) + ")";
        } else if (entry instanceof Exported e) {
            return "Exported " + e.records() + " records to " + e.path().getFileName();
        } else if (entry instanceof JournalEntry.ClusterTargetSet e) {
            return "Cluster target: context " + e.context() + ", namespace " + e.namespace()
                    + (e.environment() == null ? "" : " (" + e.environment().label() + ")") + ", " + kubectl(e.kubectl());
        } else if (entry instanceof PodChosen e) {
            return "Chose pod " + e.pod() + (e.namespace() == null ? "" : " in " + e.namespace());
        } else if (entry instanceof BatchesPlanned e) {
            return "Planned " + e.batches() + " batches for " + e.records() + " records (at most "
                    + e.maxRecordsPerBatch() + " a batch)";
        } else if (entry instanceof BatchSending e) {
            return "Sending batch " + e.index() + ": " + e.records() + " records, " + key(e.first()) + " to "
                    + key(e.last());
        } else if (entry instanceof BatchAnswered e) {
            return "Batch " + e.index() + ": " + (e.httpStatus() == null ? "outcome unknown" : "HTTP " + e.httpStatus())
                    + (e.detail() == null || e.detail().isBlank() ? "" : " (" + e.detail() + ")");
        } else if (entry instanceof LogMilestone e) {
            return "Batch " + e.batchIndex() + " log: " + e.milestone();
        } else if (entry instanceof JournalEntry.RunObserved e) {
            return (e.batchIndex() == null ? "Run" : "Batch " + e.batchIndex()) + ": " + e.text();
        } else if (entry instanceof RunCounted e) {
            return "Batch " + e.batchIndex() + " run: " + e.processed() + " processed, " + e.notFound()
                    + " not found, " + e.skipped() + " skipped";
        } else if (entry instanceof JournalEntry.NotFoundIds e) {
            return "Batch " + e.batchIndex() + ": not found by the service: " + ids(e.ids(), 20);
        } else if (entry instanceof StatisticsTaken e) {
            return "Cluster statistics " + e.phase().name().toLowerCase() + ": " + e.statistics().total()
                    + " clusters, " + e.statistics().count("NEEDS_ATTENTION") + " needing attention";
        } else if (entry instanceof JournalEntry.NeedsAttentionJobSeen e) {
            return "The needs-attention job during the recluster: " + e.text();
        } else if (entry instanceof Decision e) {
            return "Decision" + (e.batchIndex() == null ? "" : " on batch " + e.batchIndex()) + ": "
                    + decision(e.kind()) + ": " + e.text();
        } else if (entry instanceof FileWritten e) {
            return "Wrote " + e.purpose() + " to " + e.path().getFileName();
        } else if (entry instanceof ReportWritten e) {
            return "Wrote the report " + e.path().getFileName();
        } else if (entry instanceof JournalEntry.ChangesTaken e) {
            return "What the recluster changed: " + e.counts().moved() + " of " + e.counts().records()
                    + " records moved; clusters " + e.counts().merged() + " merged, " + e.counts().split() + " split, "
                    + e.counts().emptied() + " emptied";
        } else if (entry instanceof JournalEntry.PathsTaken e) {
            return "Clusters left: " + e.clusters() + " (" + (e.personMustAct() + e.personShouldLook())
                    + " for a person, " + e.mayHeal() + " may heal), " + e.inReviewQueue() + " in the review queue";
        } else if (entry instanceof Resumed e) {
            return "Journal reopened: " + e.note();
        }
        return entry.getClass().getSimpleName();
    }

    /** The ids, comma-separated, at most {@code max} of them and a count of the rest. */
    static String ids(java.util.List<String> ids, int max) {
        String shown = String.join(", ", ids.subList(0, Math.min(max, ids.size())));
        return ids.size() <= max ? shown : shown + " and " + (ids.size() - max) + " more";
    }

    static String batchLine(uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState s) {
        return "Batches: " + s.sent().size() + " of " + s.batches().size() + " sent (" + s.recordsSent()
                + " records); " + s.outcomeUnknown().size() + " of unknown outcome; " + s.notSent().size()
                + " not sent";
    }

    /** Free text on one line, for table cells and the timeline. */
    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
