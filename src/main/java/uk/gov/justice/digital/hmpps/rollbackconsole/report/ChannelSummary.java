package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.util.ArrayList;
import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;

/** A few plain-text lines to paste into the incident channel: where things stand, in numbers. */
public final class ChannelSummary {

    private ChannelSummary() {
    }

    /** The summary with identifiers masked as {@code masking} says: presenter mode's summary. */
    public static String render(IncidentReport r, Masking masking) {
        return masking.text(render(r));
    }

    public static String render(IncidentReport r) {
        IncidentState s = r.state();
        List<String> lines = new ArrayList<>();
        if (s.environment() != null && s.environment().isRehearsal()) {
            lines.add(Environment.REHEARSAL_MARK + ": a rehearsal with simulated data, not a real incident.");
        }
        lines.add("Person Record rollback" + (s.environment() == null ? "" : " in " + s.environment().label()) + ": "
                + (s.finished() ? "finished" : "in progress, at " + s.step().title()) + ".");
        s.cutoff().ifPresent(c -> lines.add("Cutoff " + ReportText.utc(c.utc()) + " (" + ReportText.local(c.local())
                + " " + c.zone() + ")."));
        s.preview().ifPresent(p -> lines.add("Affected records: " + p.rows() + "."));
        lines.add(ReportText.batchLine(s) + ".");
        if (!s.outcomeUnknown().isEmpty()) {
            lines.add("Do not resend the batches of unknown outcome before checking the pod's log.");
        }
        lines.add("Not found: " + s.notFound() + "; skipped (merged): " + s.skipped() + ".");
        r.statistics().ifPresent(c -> {
            StatisticsComparison.Row na = c.row("NEEDS_ATTENTION");
            lines.add("NEEDS_ATTENTION clusters: " + na.before() + " before, " + na.after() + " after ("
                    + StatisticsComparison.signed(na.difference()) + ").");
        });
        r.outstanding().ifPresent(o -> lines.add("Outstanding for manual resolution: " + o.clusters().size()
                + " (" + o.needsAttentionInReplica() + " NEEDS_ATTENTION in the replica)."));
        r.changeCounts().ifPresent(c -> lines.add("Recluster changed: " + c.moved() + " of " + c.records()
                + " records moved; clusters " + c.merged() + " merged, " + c.split() + " split, " + c.emptied()
                + " emptied."));
        r.findings().pack().ifPresent(p -> lines.add("Sanity check for data science: " + p.clusters().size()
                + " merged clusters, " + p.records() + " records."));
        r.findings().paths().ifPresent(p -> lines.add("Left for a person: " + (p.count(
                uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath.Path.PERSON_MUST_ACT) + p.count(
                uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath.Path.PERSON_SHOULD_LOOK))
                + "; may heal by the daily job: " + p.count(
                uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath.Path.MAY_HEAL) + "."));
        return String.join("\n", lines) + "\n";
    }
}
