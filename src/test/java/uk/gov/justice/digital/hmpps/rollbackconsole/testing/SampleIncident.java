package uk.gov.justice.digital.hmpps.rollbackconsole.testing;

import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.COMMON_PLATFORM;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.DELIUS;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.LIBRA;
import static uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem.NOMIS;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStep;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry.Phase;

/**
 * A whole incident as the console would journal it, in runbook order: three batches, the first taken, the second
 * refused once and then taken, the third sent again after a decision. Each entry comes with the step the incident is
 * in once it is written, for tests that stop the journal anywhere.
 */
public final class SampleIncident {

    public static final Instant START = Instant.parse("2025-06-10T14:02:00Z");
    public static final AffectedWindow WINDOW = new AffectedWindow(TestReplica.CUTOFF_BST, TestReplica.AS_OF);
    public static final String PASSWORD = "pa55-Word-never-kept";

    public record Step(JournalEntry entry, IncidentStep step) {
    }

    private SampleIncident() {
    }

    public static List<Step> entries() {
        List<Step> s = new ArrayList<>();
        s.add(new Step(new JournalEntry.IncidentStarted("0.1.0", Environment.PREPROD), IncidentStep.CONNECT));
        s.add(new Step(new JournalEntry.Connected("127.0.0.1", 15432, "personrecord", "person_record_ro",
                "verify-full"), IncidentStep.CONNECT));
        s.add(new Step(new JournalEntry.CutoffSet(TestReplica.CUTOFF_BST_LOCAL, "Europe/London",
                LocalDateTime.parse("2025-06-09T13:21:55"), TestReplica.CUTOFF_BST), IncidentStep.DEPLOYMENT_TIME));
        s.add(new Step(new JournalEntry.CountsTaken(WINDOW, new AffectedCounts(24, 16, 4)), IncidentStep.PREVIEW));
        s.add(new Step(new JournalEntry.PreviewTaken(WINDOW, RecordMode.DISTINCT_RECORDS, 16, 24,
                Map.of(NOMIS, 4L, DELIUS, 5L, COMMON_PLATFORM, 4L, LIBRA, 3L), 4, 2), IncidentStep.PREVIEW));
        s.add(new Step(new JournalEntry.StatisticsTaken(Phase.BEFORE, statistics(
                Instant.parse("2025-06-10T14:02:30Z"), "ACTIVE", 2L, "MERGED", 1L, "NEEDS_ATTENTION", 2L)),
                IncidentStep.PREVIEW));
        s.add(new Step(new JournalEntry.Exported(Path.of("/incidents/affected-records-preprod-2025-06-09T12-21-55Z.json"),
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 16), IncidentStep.EXPORT));
        s.add(new Step(new JournalEntry.Decision(DecisionKind.CONTINUE_DESPITE_WARNING, null,
                "Two records have no person_uuid; sending them anyway, as the runbook says."), IncidentStep.EXPORT));
        s.add(new Step(new JournalEntry.PodChosen("hmpps-person-record-preprod", "hmpps-person-record-7d9c-abcde"),
                IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchesPlanned(3, 16, 6), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchSending(1, new RecordKey(COMMON_PLATFORM,
                "cf000000-0000-4000-8000-000000000003"), new RecordKey(DELIUS, "X100012"), 6), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchAnswered(1, 200, "accepted"), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.LogMilestone(1, "Triggered. Number of records: 6."), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.LogMilestone(1, "Records Upsert Complete."), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.LogMilestone(1, "Complete."), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.RunCounted(1, 6, 1, 0), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.BatchSending(2, new RecordKey(DELIUS, "X100021"),
                new RecordKey(LIBRA, "1000019"), 6), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchAnswered(2, 400, "refused: unknown source system"), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchSending(2, new RecordKey(DELIUS, "X100021"),
                new RecordKey(LIBRA, "1000019"), 6), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchAnswered(2, 200, "accepted"), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.RunCounted(2, 6, 0, 1), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.BatchSending(3, new RecordKey(NOMIS, "A1001AA"),
                new RecordKey(NOMIS, "A1020AA"), 4), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchAnswered(3, null, "the port-forward closed before an answer came"),
                IncidentStep.SEND));
        s.add(new Step(new JournalEntry.Decision(DecisionKind.RESEND_BATCH, 3,
                "The pod's log shows no run for batch 3; sending it again."), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchSending(3, new RecordKey(NOMIS, "A1001AA"),
                new RecordKey(NOMIS, "A1020AA"), 4), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.BatchAnswered(3, 200, "accepted"), IncidentStep.SEND));
        s.add(new Step(new JournalEntry.LogMilestone(3, "Complete."), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.RunCounted(3, 4, 0, 0), IncidentStep.PROGRESS));
        s.add(new Step(new JournalEntry.StatisticsTaken(Phase.AFTER, statistics(
                Instant.parse("2025-06-10T14:40:00Z"), "ACTIVE", 4L, "NEEDS_ATTENTION", 1L, "RECLUSTER_MERGE", 1L)),
                IncidentStep.OUTCOME));
        s.add(new Step(new JournalEntry.FileWritten("outstanding clusters (CSV)",
                Path.of("/incidents/outstanding-clusters-preprod-2025-06-10T14-40-00Z.csv"),
                "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"), IncidentStep.OUTCOME));
        // Last, so that the entries before it keep their places and times in the tests that cut the sample short.
        s.add(new Step(new JournalEntry.NotFoundIds(1, java.util.List.of("cf000000-0000-4000-8000-000000000007")),
                IncidentStep.OUTCOME));
        return s;
    }

    /** Writes the whole sample to a new journal in {@code folder}. */
    public static void write(Path folder, java.time.Clock clock) throws IOException {
        try (IncidentJournal journal = IncidentJournal.create(folder, clock)) {
            for (Step step : entries()) {
                journal.append(step.entry());
            }
        }
    }

    public static ClusterStatistics statistics(Instant takenAt, Object... statusAndCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < statusAndCount.length; i += 2) {
            m.put((String) statusAndCount[i], (Long) statusAndCount[i + 1]);
        }
        return new ClusterStatistics(m, takenAt);
    }
}
