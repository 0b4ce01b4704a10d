package uk.gov.justice.digital.hmpps.rollbackconsole.outcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;

/**
 * Runbook step 5, the business impact, gathered for people outside the team: how long the bad release ran, how
 * many records it touched and when, what the recluster changed, and the clusters still needing attention. Counts
 * and times only: no identifiers.
 *
 * @param releaseRan   when the bad release started and, if known, stopped (the next release's start); empty when
 *                     the release history was not read
 * @param hours        the affected records by hour; empty when not read
 * @param changes      what the recluster changed; empty when not read
 * @param statistics   the cluster statistics before and after; empty until both are taken
 * @param outstanding  NEEDS_ATTENTION clusters among the affected ones now; empty when not read
 */
public record BusinessImpact(Optional<ReleaseSpan> releaseRan, Optional<AffectedHours> hours,
                             Optional<ClusterChangeCounts> changes, Optional<StatisticsComparison> statistics,
                             Optional<Long> outstanding) {

    /** @param until empty when the bad release is still the one running */
    public record ReleaseSpan(String release, Instant from, Optional<Instant> until) {
        public Optional<Duration> duration() {
            return until.map(u -> Duration.between(from, u));
        }
    }

    public static String durationText(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes % (24 * 60)) / 60;
        long mins = minutes % 60;
        StringBuilder s = new StringBuilder();
        if (days > 0) {
            s.append(days).append(days == 1 ? " day" : " days");
        }
        if (hours > 0) {
            s.append(s.isEmpty() ? "" : " ").append(hours).append(hours == 1 ? " hour" : " hours");
        }
        if (days == 0 && (mins > 0 || s.isEmpty())) {
            s.append(s.isEmpty() ? "" : " ").append(mins).append(mins == 1 ? " minute" : " minutes");
        }
        return s.toString();
    }
}
