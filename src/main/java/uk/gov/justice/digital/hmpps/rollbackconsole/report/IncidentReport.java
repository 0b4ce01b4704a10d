package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * Everything the incident report shows, gathered once so that the Markdown, the HTML and the channel summary
 * cannot disagree. Identifiers, counts and digests only.
 *
 * @param statistics  before and after side by side; empty until both have been taken
 * @param outstanding the NEEDS_ATTENTION clusters left; empty when not read
 */
public record IncidentReport(IncidentState state, Optional<ClusterStatistics> before, Optional<ClusterStatistics> after,
                             Optional<StatisticsComparison> statistics, Optional<OutstandingClusters> outstanding,
                             List<ReportFile> files, Instant generatedAt, OutcomeFindings findings) {

    /** A file the incident produced, named in the report with its SHA-256. */
    public record ReportFile(String purpose, Path path, String sha256) {
        public ReportFile {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public IncidentReport {
        Objects.requireNonNull(state, "state");
        files = List.copyOf(files);
        findings = findings == null ? OutcomeFindings.NONE : findings;
    }

    /** The same report with what the outcome analysis read from the replica. */
    public IncidentReport withFindings(OutcomeFindings findings) {
        return new IncidentReport(state, before, after, statistics, outstanding, files, generatedAt, findings);
    }

    /** What the recluster changed, in numbers: as read now, else as the journal last recorded it. */
    public Optional<uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts> changeCounts() {
        return findings.changes().map(c -> c.counts())
                .or(() -> state.changes().map(JournalEntry.ChangesTaken::counts));
    }

    /**
     * The report of {@code state}. Statistics and files not given are taken from the journal; given ones win, so a
     * caller that has just read the replica again reports what it read.
     *
     * @param before      null: the journal's latest "before" statistics
     * @param after       null: the journal's latest "after" statistics
     * @param outstanding null when not read
     * @param moreFiles   files beyond those the journal names (export and files written)
     */
    public static IncidentReport of(IncidentState state, ClusterStatistics before, ClusterStatistics after,
                                    OutstandingClusters outstanding, List<ReportFile> moreFiles, Clock clock) {
        Optional<ClusterStatistics> b = Optional.ofNullable(before).or(state::statisticsBefore);
        Optional<ClusterStatistics> a = Optional.ofNullable(after).or(state::statisticsAfter);
        Optional<StatisticsComparison> comparison = b.isPresent() && a.isPresent()
                ? Optional.of(StatisticsComparison.of(b.get(), a.get())) : Optional.empty();
        List<ReportFile> files = new ArrayList<>();
        for (var line : state.lines()) {
            if (line.entry() instanceof JournalEntry.Exported e) {
                files.add(new ReportFile("affected records (" + e.records() + " records)", e.path(), e.sha256()));
            } else if (line.entry() instanceof JournalEntry.FileWritten f) {
                files.add(new ReportFile(f.purpose(), f.path(), f.sha256()));
            }
        }
        for (ReportFile f : moreFiles) {
            if (!files.contains(f)) {
                files.add(f);
            }
        }
        return new IncidentReport(state, b, a, comparison, Optional.ofNullable(outstanding), files, clock.instant(),
                OutcomeFindings.NONE);
    }
}
