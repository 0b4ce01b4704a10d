package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Cutoff;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.EventClock;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;

/**
 * One thing that happened in an incident, as the journal keeps it: identifiers, counts, choices and digests, never
 * personal data or secrets. The journal stamps each entry with the time it was written.
 */
public sealed interface JournalEntry {

    /** The runbook step this entry belongs to; empty for entries that do not move the incident along. */
    default Optional<IncidentStep> step() {
        return Optional.empty();
    }

    record IncidentStarted(String appVersion, Environment environment) implements JournalEntry {
        public IncidentStarted {
            Objects.requireNonNull(appVersion, "appVersion");
            Objects.requireNonNull(environment, "environment");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.CONNECT);
        }
    }

    /** Where the replica was reached. There is deliberately no password field. */
    record Connected(String host, int port, String database, String user, String sslMode) implements JournalEntry {
        public static Connected of(ConnectionSettings settings) {
            return new Connected(settings.host(), settings.port(), settings.database(), settings.user(),
                    settings.sslMode().pgValue());
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.CONNECT);
        }
    }

    /**
     * The clock event_log's event_timestamp is read in (see EventClock), what the data itself showed, and how the
     * choice was made. Every window journalled after it names its clock too.
     *
     * @param detected the clock the data showed, or null when it could not be told
     * @param how      the readings and the reason, in one or two sentences
     */
    record ClockChosen(EventClock clock, EventClock detected, String how) implements JournalEntry {
        public ClockChosen {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(how, "how");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.CONNECT);
        }
    }

    /**
     * How far the read replica was behind its primary when a window's upper bound was fixed, and whether the bound
     * was its replay point rather than its clock (see ReplicaLag).
     */
    record LagSeen(boolean inRecovery, long lagMillis, boolean boundedByReplay, Instant upTo, String text)
            implements JournalEntry {
        public LagSeen {
            Objects.requireNonNull(upTo, "upTo");
            Objects.requireNonNull(text, "text");
        }

        public static LagSeen of(uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplicaLag lag) {
            return new LagSeen(lag.inRecovery(), lag.lag().toMillis(), lag.boundedByReplay(), lag.trustedUpTo(),
                    lag.describe());
        }
    }

    /** The deployment time as typed, the zone it was read in, its wall clock there, and the instant in UTC. */
    record CutoffSet(String typed, String zone, LocalDateTime local, Instant utc) implements JournalEntry {
        public static CutoffSet of(Cutoff cutoff) {
            return new CutoffSet(cutoff.typed(), cutoff.zone().getId(), cutoff.local(), cutoff.instant());
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.DEPLOYMENT_TIME);
        }
    }

    record CountsTaken(AffectedWindow window, AffectedCounts counts) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PREVIEW);
        }
    }

    /** What the preview showed: the window, the query form and the summary, not the rows. */
    record PreviewTaken(AffectedWindow window, RecordMode mode, long rows, long events,
                        Map<SourceSystem, Long> bySourceSystem, long distinctClusters, long withoutPersonUuid)
            implements JournalEntry {
        public PreviewTaken {
            EnumMap<SourceSystem, Long> copy = new EnumMap<>(SourceSystem.class);
            for (SourceSystem s : SourceSystem.values()) {
                copy.put(s, bySourceSystem.getOrDefault(s, 0L));
            }
            bySourceSystem = Collections.unmodifiableMap(copy);
        }

        public static PreviewTaken of(AffectedWindow window, RecordMode mode, AffectedSummary summary) {
            return new PreviewTaken(window, mode, summary.rows(), summary.events(), summary.bySourceSystem(),
                    summary.distinctClusters(), summary.withoutPersonUuid());
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PREVIEW);
        }
    }

    record Exported(Path path, String sha256, long records) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.EXPORT);
        }
    }

    /**
     * The cluster every step talks to: the kubectl run, the kubeconfig context, the namespace, and the environment the
     * namespace names (null for any other namespace). Journalled when a step first uses it and whenever a step uses
     * another; a resumed incident gets the last one back.
     */
    record ClusterTargetSet(String kubectl, String context, String namespace, Environment environment)
            implements JournalEntry {
        public ClusterTargetSet {
            Objects.requireNonNull(kubectl, "kubectl");
            Objects.requireNonNull(context, "context");
            Objects.requireNonNull(namespace, "namespace");
        }

        /** The target for these values, its environment read off the namespace. */
        public static ClusterTargetSet of(String kubectl, String context, String namespace) {
            return new ClusterTargetSet(kubectl, context, namespace, Environment.fromNamespace(namespace).orElse(null));
        }
    }

    record PodChosen(String namespace, String pod) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.SEND);
        }
    }

    /** How the exported records were split for sending; lets the journal say which batches were never sent. */
    record BatchesPlanned(int batches, long records, int maxRecordsPerBatch) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.SEND);
        }
    }

    /**
     * Written, and forced to disk, before the request is started: a batch with this entry and no answer may have
     * reached the service. {@code index} counts from 1.
     */
    record BatchSending(int index, RecordKey first, RecordKey last, int records) implements JournalEntry {
        public BatchSending {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.SEND);
        }
    }

    /**
     * What came back for a batch.
     *
     * @param httpStatus null when the outcome is unknown (no answer: a timeout, a dropped port-forward)
     * @param detail     a short description, e.g. "outcome unknown: the connection was reset"
     */
    record BatchAnswered(int index, Integer httpStatus, String detail) implements JournalEntry {
        public BatchOutcome outcome() {
            return BatchOutcome.ofStatus(httpStatus);
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.SEND);
        }
    }

    /** A milestone of a batch's run read from the pod's log, e.g. "Records Upsert Complete" or "Complete". */
    record LogMilestone(int batchIndex, String milestone) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PROGRESS);
        }
    }

    /**
     * What the recluster run saw on the pod's log or its port-forward, beyond a batch's answer and its Complete.
     * {@code kind} TAKEN (the batch's own Triggered line after a non-2xx answer or none: the service took it) and
     * REFUSED (a non-2xx answer and no Triggered line within the bound) settle the batch's outcome; DIED, STALLED
     * and FORWARD_LOST end the run in that batch, {@code provenDone} of its records proven done by the log;
     * OTHER_RUN and FORWARD say what happened around the batches.
     *
     * @param batchIndex null when it is about no batch of ours
     * @param provenDone null unless the run ended in the batch
     */
    record RunObserved(Integer batchIndex, String kind, Integer provenDone, String text) implements JournalEntry {
        public static final String TAKEN = "TAKEN";
        public static final String REFUSED = "REFUSED";

        public RunObserved {
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PROGRESS);
        }
    }

    /**
     * A file's send begins: written by every front end, and forced to disk, before the first request of a file (or
     * of what is left of it, when an incident is carried on). The one record of a send that {@link SendGuard} reads:
     * a file whose SHA-256 is in any incident's {@code send_started} is being or has been sent.
     *
     * @param origin  where the file came from: {@link #EXPORT}, {@link #REVIEW} (the offline review) or {@link #FILE}
     *                (named on the command line)
     * @param batches how many batches the file is cut into at this batch size
     */
    record SendStarted(Path file, String sha256, long records, int batchSize, int batches, String namespace,
                       String pod, String origin) implements JournalEntry {
        public static final String EXPORT = "EXPORT";
        public static final String REVIEW = "REVIEW";
        public static final String FILE = "FILE";

        public SendStarted {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.SEND);
        }
    }

    /**
     * What the pinned pod's log, read again when an incident is carried on, showed of a batch taken (or perhaps
     * taken) but never seen complete; {@code found} is one of recluster.LogSettlement.Found: {@link #COMPLETE}
     * (settled as done), {@code DIED}, {@code STALLED} or {@code POD_GONE} (the run is over, or hung:
     * {@code provenDone} of its records from its first are proven done, the rest are offered), {@link #NOT_TAKEN} (no
     * Triggered line of the batch since its send: the service never had it, safe to send), {@link #UNKNOWN} (nothing
     * the log can prove: a decision is needed).
     */
    record SettledFromLog(int batchIndex, String pod, String found, int provenDone, String text)
            implements JournalEntry {
        public static final String COMPLETE = "COMPLETE";
        public static final String NOT_TAKEN = "NOT_TAKEN";
        public static final String UNKNOWN = "UNKNOWN";

        /** The run ended before Complete, and the log proves {@code provenDone} of its records. */
        public boolean ended() {
            return "DIED".equals(found) || "STALLED".equals(found) || "POD_GONE".equals(found);
        }

        public SettledFromLog {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(found, "found");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PROGRESS);
        }
    }

    /** What a finished run logged: records processed, not found, and skipped because merged. */
    record RunCounted(int batchIndex, long processed, long notFound, long skipped) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.PROGRESS);
        }
    }

    /**
     * Source system ids the service logged as not found in a batch's run (identifiers only, never personal data),
     * each once, in the order logged.
     */
    record NotFoundIds(int batchIndex, java.util.List<String> ids) implements JournalEntry {
        // Said of a run already counted: it does not move the incident along.
        public NotFoundIds {
            ids = java.util.List.copyOf(ids);
        }
    }

    enum Phase { BEFORE, AFTER }

    record StatisticsTaken(Phase phase, ClusterStatistics statistics) implements JournalEntry {
        public StatisticsTaken {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(statistics, "statistics");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(phase == Phase.BEFORE ? IncidentStep.PREVIEW : IncidentStep.OUTCOME);
        }
    }

    /**
     * What the recluster changed for the exported file's records, in numbers, over the window the file was exported
     * for; the clusters themselves go to the sanity-check files.
     */
    record ChangesTaken(AffectedWindow window, String fileSha256, Instant takenAt,
                        uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts counts)
            implements JournalEntry {
        public ChangesTaken {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(fileSha256, "fileSha256");
            Objects.requireNonNull(takenAt, "takenAt");
            Objects.requireNonNull(counts, "counts");
        }

        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.OUTCOME);
        }
    }

    /**
     * The clusters left in NEEDS_ATTENTION as read at {@code takenAt}, by who can resolve them, and how many are in the
     * review queue: read again over the following days, these show the queue drain.
     */
    record PathsTaken(Instant takenAt, long clusters, long personMustAct, long personShouldLook, long mayHeal,
                      long inReviewQueue) implements JournalEntry {
        public PathsTaken {
            Objects.requireNonNull(takenAt, "takenAt");
        }
    }

    /**
     * Whether the daily needs-attention job ran during the recluster window {@code [from, to]} (first batch sent to
     * the last thing its runs logged), read from its CronJob's and Jobs' status: {@code verdict} RAN, MAY_HAVE_RUN,
     * DID_NOT_RUN or UNKNOWN, and what was seen, in words.
     */
    record NeedsAttentionJobSeen(Instant from, Instant to, String verdict, String text) implements JournalEntry {
        public NeedsAttentionJobSeen {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(text, "text");
        }

        public static NeedsAttentionJobSeen of(uk.gov.justice.digital.hmpps.rollbackconsole.kube.NeedsAttentionRuns.Finding f) {
            return new NeedsAttentionJobSeen(f.from(), f.to(), f.verdict().name(), f.text());
        }
    }

    /** @param batchIndex the batch the decision is about, or null */
    record Decision(DecisionKind kind, Integer batchIndex, String text) implements JournalEntry {
        public Decision {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Any other file the incident produced (the outstanding clusters' CSV and JSON), with its digest. */
    record FileWritten(String purpose, Path path, String sha256) implements JournalEntry {
    }

    record ReportWritten(Path path, String sha256) implements JournalEntry {
        @Override
        public Optional<IncidentStep> step() {
            return Optional.of(IncidentStep.OUTCOME);
        }
    }

    /** The journal was opened again to carry on; {@code note} says what was found (e.g. a torn last line). */
    record Resumed(String note) implements JournalEntry {
    }
}
