package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;

/**
 * The business impact in plain words, for people outside the team (runbook step 5): what happened, to how many
 * records, from which services, and what is left to do. Numbers and times only: no person_uuid, no record id, no
 * personal data.
 */
public final class ImpactWording {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);
    private static final DateTimeFormatter UK_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM uuuu 'at' HH:mm", Locale.UK).withZone(ZoneId.of("Europe/London"));

    private ImpactWording() {
    }

    /** Where each source system's records come from, as people outside the team know them. */
    static String service(SourceSystem s) {
        return switch (s) {
            case NOMIS -> "NOMIS (prisons)";
            case DELIUS -> "Delius (probation)";
            case COMMON_PLATFORM -> "Common Platform (courts)";
            case LIBRA -> "Libra (magistrates' courts)";
        };
    }

    /** The summary for the wider organisation: a few sentences, one paragraph each. */
    public static List<String> paragraphs(IncidentReport r) {
        IncidentState s = r.state();
        List<String> out = new ArrayList<>();
        if (s.environment() != null && s.environment().isRehearsal()) {
            out.add(Environment.REHEARSAL_MARK + ": this describes a rehearsal with simulated data, not a real incident.");
        }
        String where = s.environment() == null || s.environment() == Environment.PROD ? ""
                : " (in the " + s.environment().label() + " environment)";
        Optional<BusinessImpact.ReleaseSpan> release = r.findings().release();
        StringBuilder what = new StringBuilder();
        if (release.isPresent()) {
            what.append("A faulty release of the Person Record service").append(where).append(" went live on ")
                    .append(UK_TIME.format(release.get().from()))
                    .append(release.get().duration().map(d -> " and ran for " + BusinessImpact.durationText(d))
                            .orElse(" and is still the one running"))
                    .append(". ");
        } else if (s.cutoff().isPresent()) {
            what.append("A faulty release of the Person Record service").append(where).append(" went live on ")
                    .append(UK_TIME.format(s.cutoff().get().utc())).append(". ");
        }
        s.preview().ifPresent(p -> {
            List<String> parts = new ArrayList<>();
            for (SourceSystem system : SourceSystem.values()) {
                long n = p.bySourceSystem().get(system);
                if (n > 0) {
                    parts.add(COUNT.format(n) + " from " + service(system));
                }
            }
            what.append("While it ran, ").append(COUNT.format(p.bySourceSystem().values().stream()
                            .mapToLong(Long::longValue).sum())).append(" person records were written")
                    .append(parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                    .append(", and some may have been grouped with the wrong person, or one person's records split"
                            + " apart.");
        });
        if (!what.isEmpty()) {
            out.add(what.toString());
        }
        Optional<ClusterChangeCounts> changes = r.changeCounts();
        if (changes.isPresent()) {
            ClusterChangeCounts c = changes.get();
            out.add("Those records have been matched again. " + COUNT.format(c.moved()) + " of "
                    + COUNT.format(c.records()) + " records moved to a different person group; "
                    + COUNT.format(c.merged()) + (c.merged() == 1 ? " group now brings" : " groups now bring")
                    + " together records that were in separate groups before, and "
                    + (c.merged() == 1 ? "it has" : "these have") + " been passed to the data science team to check"
                    + " that no two people were joined by mistake; " + COUNT.format(c.split())
                    + (c.split() == 1 ? " group was" : " groups were") + " split.");
        } else if (!s.sent().isEmpty()) {
            out.add("Those records have been sent to be matched again (" + COUNT.format(s.recordsSent())
                    + " records).");
        }
        Optional<ClusterPaths> paths = r.findings().paths();
        if (paths.isPresent()) {
            ClusterPaths p = paths.get();
            long person = p.count(ClusterPath.Path.PERSON_MUST_ACT) + p.count(ClusterPath.Path.PERSON_SHOULD_LOOK);
            long heal = p.count(ClusterPath.Path.MAY_HEAL);
            out.add(p.paths().isEmpty() ? "No person group is left needing attention."
                    : COUNT.format(p.paths().size()) + " person " + (p.paths().size() == 1 ? "group still needs"
                    : "groups still need") + " attention: " + COUNT.format(person) + " must be resolved by the team,"
                    + " and " + COUNT.format(heal) + " may resolve by themselves at the next daily check.");
        } else {
            r.statistics().map(st -> st.row("NEEDS_ATTENTION")).ifPresent(na -> out.add(COUNT.format(na.after())
                    + (na.after() == 1 ? " person group still needs" : " person groups still need")
                    + " attention (" + COUNT.format(na.before())
                    + " before the records were matched again)."));
        }
        out.add("This summary holds counts only: no names, dates of birth or identifiers.");
        return out;
    }

    /** The paragraphs as one text to paste. */
    public static String render(IncidentReport r) {
        return String.join("\n\n", paragraphs(r)) + "\n";
    }

    /** "+3 (12 before, 15 after)" for the NEEDS_ATTENTION row. */
    static String needsAttention(StatisticsComparison c) {
        StatisticsComparison.Row na = c.row("NEEDS_ATTENTION");
        return COUNT.format(na.before()) + " before, " + COUNT.format(na.after()) + " after ("
                + StatisticsComparison.signed(na.difference()) + ")";
    }
}
