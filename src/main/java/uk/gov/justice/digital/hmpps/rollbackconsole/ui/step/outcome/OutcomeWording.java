package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.outcome;

import java.text.NumberFormat;
import java.util.Locale;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;

/** The Outcome analysis's one-line messages, shared by its view-model, its view and Recent incidents' re-check. */
public final class OutcomeWording {

    public static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private OutcomeWording() {
    }

    static String changes(ClusterChangeCounts c) {
        return COUNT.format(c.moved()) + " of " + COUNT.format(c.records()) + " records moved; clusters: "
                + COUNT.format(c.merged()) + " merged, " + COUNT.format(c.split()) + " split, "
                + COUNT.format(c.emptied()) + " emptied.";
    }

    static String hours(AffectedHours h) {
        return COUNT.format(h.total()) + " affected records" + h.peak().map(p -> "; the busiest hour "
                + p.getKey().toLocalDate() + " " + p.getKey().toLocalTime() + " had " + COUNT.format(p.getValue()))
                .orElse("") + ".";
    }

    public static String paths(ClusterPaths p) {
        return COUNT.format(p.paths().size()) + " clusters left: " + COUNT.format(p.count(ClusterPath.Path.PERSON_MUST_ACT))
                + " need a person, " + COUNT.format(p.count(ClusterPath.Path.PERSON_SHOULD_LOOK)) + " another reason, "
                + COUNT.format(p.count(ClusterPath.Path.MAY_HEAL)) + " may heal by the daily job; "
                + (p.reviewQueue() ? COUNT.format(p.inQueue()) + " in the review queue." : "no review queue on this replica.");
    }
}
