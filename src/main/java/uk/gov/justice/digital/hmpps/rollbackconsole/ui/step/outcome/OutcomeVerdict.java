package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;

/**
 * The one line the Outcome step leads with: the number that matters, the clusters needing attention before and
 * after (e.g. "NEEDS_ATTENTION 50 to 16 (-34)"), and whether that is good news. Only a fall is good news: a
 * recluster that changed nothing, or left as many clusters needing attention, is never shown as a success.
 */
public record OutcomeVerdict(Kind kind, String headline, String detail) {

    public static final String NEEDS_ATTENTION = "NEEDS_ATTENTION";

    public enum Kind {
        /** Fewer clusters need attention than before. */
        FELL,
        /** As many clusters need attention (or more), though some status changed. */
        DID_NOT_FALL,
        /** Every difference is 0: the recluster changed no status at all. */
        NOTHING_CHANGED
    }

    public static OutcomeVerdict of(StatisticsComparison c) {
        StatisticsComparison.Row na = c.row(NEEDS_ATTENTION);
        String headline = NEEDS_ATTENTION + " " + OutcomeWording.COUNT.format(na.before()) + " to "
                + OutcomeWording.COUNT.format(na.after()) + " (" + StatisticsComparison.signed(na.difference()) + ")";
        boolean nothing = c.rows().stream().allMatch(r -> r.difference() == 0);
        if (nothing) {
            return new OutcomeVerdict(Kind.NOTHING_CHANGED, headline, "Every difference is 0: the recluster changed no"
                    + " cluster's status. Check that its run completed (the pod's log) and that the replica has"
                    + " replayed it, then take the statistics again.");
        }
        if (na.difference() < 0) {
            return new OutcomeVerdict(Kind.FELL, headline, OutcomeWording.COUNT.format(-na.difference())
                    + (na.difference() == -1 ? " cluster fewer needs" : " clusters fewer need") + " attention"
                    + (na.after() == 0 ? "; none is left." : "; " + OutcomeWording.COUNT.format(na.after())
                    + " still " + (na.after() == 1 ? "needs" : "need") + " a path (Paths tab)."));
        }
        return new OutcomeVerdict(Kind.DID_NOT_FALL, headline, na.difference() > 0
                ? "More clusters need attention than before the recluster: look at them before closing the incident."
                : "As many clusters need attention as before the recluster, though other statuses changed.");
    }

    public boolean goodNews() {
        return kind == Kind.FELL;
    }
}
