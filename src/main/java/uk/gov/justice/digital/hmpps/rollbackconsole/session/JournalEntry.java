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
