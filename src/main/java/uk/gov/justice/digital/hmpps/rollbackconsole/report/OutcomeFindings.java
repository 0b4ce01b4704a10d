package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPack;

/**
 * What the outcome analysis read from the replica for the report, beyond what the journal keeps: the clusters that
 * changed, the affected records by hour, the bad release's span, the sanity-check pack and the path of each cluster
 * left. Each is empty when it was not read; the journal's counts stand in for the changes then.
 */
public record OutcomeFindings(Optional<ClusterChanges> changes, Optional<AffectedHours> hours,
                              Optional<BusinessImpact.ReleaseSpan> release, Optional<SanityPack> pack,
                              Optional<ClusterPaths> paths) {

    public static final OutcomeFindings NONE = new OutcomeFindings(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public static OutcomeFindings of(ClusterChanges changes, AffectedHours hours, BusinessImpact.ReleaseSpan release,
                                     SanityPack pack, ClusterPaths paths) {
        return new OutcomeFindings(Optional.ofNullable(changes), Optional.ofNullable(hours),
                Optional.ofNullable(release), Optional.ofNullable(pack), Optional.ofNullable(paths));
    }
}
