package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.MergedCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SplitCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Block;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Paragraph;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Section;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportDocument.Table;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/** The report's outcome sections: business impact, what changed, the sanity check, and the path of each cluster. */
final class OutcomeSections {

    /** Clusters listed in each table of the report; the files hold them all. */
    static final int LISTED_MAX = 100;

    private OutcomeSections() {
    }

    static Section impact(IncidentReport r) {
        List<Block> blocks = new ArrayList<>();
        ImpactWording.paragraphs(r).forEach(p -> blocks.add(new Paragraph(p)));
        List<List<String>> rows = new ArrayList<>();
        r.findings().release().ifPresent(rel -> rows.add(List.of("Bad release", rel.release() + ": from "
                + ReportText.utc(rel.from()) + rel.until().map(u -> " to " + ReportText.utc(u) + " ("
                + BusinessImpact.durationText(rel.duration().orElseThrow()) + ")").orElse(", still running"))));
        r.state().preview().ifPresent(p -> {
            rows.add(List.of("Affected records", Long.toString(p.bySourceSystem().values().stream()
                    .mapToLong(Long::longValue).sum())));
            for (SourceSystem s : SourceSystem.values()) {
                rows.add(List.of("  " + ImpactWording.service(s), Long.toString(p.bySourceSystem().get(s))));
            }
        });
        r.findings().hours().flatMap(AffectedHours::peak).ifPresent(peak -> rows.add(List.of("Busiest hour",
                ReportText.local(peak.getKey()) + " (event_log's clock): " + peak.getValue() + " records")));
        r.changeCounts().ifPresent(c -> rows.add(List.of("Clusters changed by the recluster", c.merged()
                + " merged, " + c.split() + " split, " + c.emptied() + " emptied; " + c.moved() + " records moved")));
        r.statistics().ifPresent(c -> rows.add(List.of("Clusters needing attention", ImpactWording.needsAttention(c))));
        r.findings().paths().ifPresent(p -> rows.add(List.of("Left for a person", p.count(ClusterPath.Path.PERSON_MUST_ACT)
                + p.count(ClusterPath.Path.PERSON_SHOULD_LOOK) + " (" + p.count(ClusterPath.Path.MAY_HEAL)
                + " more may heal by the daily job)")));
        if (!rows.isEmpty()) {
            blocks.add(new Table(List.of("", ""), rows, Set.of()));
        }
        r.findings().hours().ifPresent(h -> {
            List<AffectedHours.Bucket> buckets = h.buckets();
            if (!buckets.isEmpty()) {
                blocks.add(new ReportDocument.HoursChart(buckets));
                blocks.add(new Paragraph(HoursChartSvg.caption(buckets)));
            }
        });
        return new Section("Business impact", blocks);
    }

    static Section changes(IncidentReport r) {
        if (r.changeCounts().isEmpty()) {
            return new Section("What the recluster changed", List.of(new Paragraph("Not read.")));
        }
        ClusterChangeCounts c = r.changeCounts().get();
        List<Block> blocks = new ArrayList<>();
        java.util.Optional<JournalEntry.ChangesTaken> journalled = r.state().changes();
        String from = r.findings().changes().map(ch -> "read at " + ReportText.utc(ch.takenAt()) + " from the exported"
                + " file with SHA-256 " + ch.fileSha256()).orElse(journalled.map(j -> "read at "
                + ReportText.utc(j.takenAt()) + " from the exported file with SHA-256 " + j.fileSha256()).orElse(""));
        blocks.add(new Paragraph("Each exported record's cluster in the file (person_uuid, as the bad release left"
                + " it) against the cluster it is in now; " + from + "."));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Records in the file", Long.toString(c.records())));
        rows.add(List.of("Still in the same cluster", Long.toString(c.unchanged())));
        rows.add(List.of("Moved to another cluster", Long.toString(c.moved() - c.inNoCluster())));
        rows.add(List.of("Now in no cluster", Long.toString(c.inNoCluster())));
        rows.add(List.of("Without a cluster in the file", Long.toString(c.withoutEarlier())));
        rows.add(List.of("No longer on the replica", Long.toString(c.notFound())));
        rows.add(List.of("Clusters in the file / now", c.earlierClusters() + " / " + c.clustersNow()));
        rows.add(List.of("Clusters merged (records of 2 or more earlier clusters now in one)", Long.toString(c.merged())));
        rows.add(List.of("Clusters split (records now in 2 or more clusters)", Long.toString(c.split())));
        rows.add(List.of("Clusters emptied", Long.toString(c.emptied())));
        rows.add(List.of("Clusters now needing attention", Long.toString(c.needsAttentionNow())));
        blocks.add(new Table(List.of("", "Count"), rows, Set.of(1)));
        List<List<String>> moved = new ArrayList<>();
        for (SourceSystem s : SourceSystem.values()) {
            moved.add(List.of(s.name(), Long.toString(c.moved(s))));
        }
        moved.add(List.of("Total", Long.toString(c.moved())));
        blocks.add(new Table(List.of("Source system", "Records moved"), moved, Set.of(1)));
        r.findings().changes().ifPresent(ch -> blocks.addAll(clusterLists(ch)));
        return new Section("What the recluster changed", blocks);
    }

    private static List<Block> clusterLists(ClusterChanges ch) {
        List<Block> blocks = new ArrayList<>();
        if (!ch.merged().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (MergedCluster m : ch.merged().subList(0, Math.min(LISTED_MAX, ch.merged().size()))) {
                rows.add(List.of(m.personUuid().toString(), m.status() == null ? "" : m.status()
                        + (m.statusReason() == null ? "" : " (" + m.statusReason() + ")"), Long.toString(m.records()),
                        uuids(m.earlierClusters())));
            }
            blocks.add(new Paragraph("Merged clusters, largest first" + more(ch.merged().size()) + ":"));
            blocks.add(new Table(List.of("person_uuid now", "Status", "Records", "Earlier clusters"), rows, Set.of(2)));
        }
        if (!ch.split().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (SplitCluster s : ch.split().subList(0, Math.min(LISTED_MAX, ch.split().size()))) {
                rows.add(List.of(s.personUuid().toString(), Long.toString(s.records()), uuids(s.clustersNow())));
            }
            blocks.add(new Paragraph("Split clusters, largest first" + more(ch.split().size()) + ":"));
            blocks.add(new Table(List.of("person_uuid in the file", "Records", "Clusters now"), rows, Set.of(1)));
        }
        if (!ch.emptied().isEmpty()) {
            blocks.add(new Paragraph("Emptied clusters" + more(ch.emptied().size()) + ": "
                    + uuids(ch.emptied().subList(0, Math.min(LISTED_MAX, ch.emptied().size()))) + "."));
        }
        return blocks;
    }

    static Section sanityCheck(IncidentReport r) {
        List<Block> blocks = new ArrayList<>();
        r.findings().pack().ifPresent(p -> blocks.add(new Paragraph(p.clusters().size() + " merged clusters holding "
                + p.records() + " records are handed to data science to check that none was merged by mistake"
                + " (runbook step 7).")));
        List<String> files = r.state().files().stream().filter(f -> f.purpose().startsWith("sanity check"))
                .map(f -> f.path().getFileName() + " (SHA-256 " + f.sha256() + ")").toList();
        if (!files.isEmpty()) {
            blocks.add(new Paragraph("Files: " + String.join("; ", files) + "."));
        }
        if (blocks.isEmpty()) {
            r.changeCounts().ifPresent(c -> blocks.add(new Paragraph(c.merged() + " merged clusters to check; the"
                    + " sanity-check files were not written.")));
        }
        return new Section("Sanity check for data science", blocks.isEmpty()
                ? List.of(new Paragraph("Not prepared.")) : blocks);
    }

    static Section paths(IncidentReport r) {
        List<Block> drain = drain(r);
        if (r.findings().paths().isEmpty()) {
            return new Section("A path for every cluster left", drain.isEmpty()
                    ? List.of(new Paragraph("Not read.")) : drain);
        }
        ClusterPaths p = r.findings().paths().get();
        List<Block> blocks = new ArrayList<>(drain);
        blocks.add(new Paragraph(p.paths().size() + " clusters left in NEEDS_ATTENTION, read at "
                + ReportText.utc(p.takenAt()) + ": " + p.count(ClusterPath.Path.PERSON_MUST_ACT)
                + " need a person (OVERRIDE_CONFLICT), " + p.count(ClusterPath.Path.PERSON_SHOULD_LOOK)
                + " have another reason, " + p.count(ClusterPath.Path.MAY_HEAL) + " may heal by the daily"
                + " recluster-needs-attention job (BROKEN_CLUSTER). " + (p.reviewQueue() ? p.inQueue()
                + " are in the review queue." : "This replica has no review queue tables.")
                + " First to look at first."));
        List<List<String>> rows = new ArrayList<>();
        for (ClusterPath c : p.paths().subList(0, Math.min(LISTED_MAX * 5, p.paths().size()))) {
            rows.add(List.of(c.personUuid() == null ? "" : c.personUuid().toString(),
                    c.cluster().statusReason() == null ? "" : c.cluster().statusReason(), c.path().text(),
                    c.inReviewQueue() ? "yes" + (c.clusterType() == null ? "" : " (" + c.clusterType() + ")") : "no",
                    c.waited().map(ClusterPath::waitedText).orElse(""), c.link().orElse("")));
        }
        blocks.add(new Table(List.of("person_uuid", "Reason", "Path", "In review queue", "Waited", "Manage UI"), rows,
                Set.of()));
        return new Section("A path for every cluster left", blocks);
    }

    /** Each reading of the clusters left that the journal holds: the queue draining, or not, over the days. */
    private static List<Block> drain(IncidentReport r) {
        List<JournalEntry.PathsTaken> readings = r.state().pathsTaken();
        if (readings.isEmpty()) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (JournalEntry.PathsTaken t : readings) {
            rows.add(List.of(ReportText.utc(t.takenAt()), Long.toString(t.clusters()),
                    Long.toString(t.personMustAct() + t.personShouldLook()), Long.toString(t.mayHeal()),
                    Long.toString(t.inReviewQueue())));
        }
        return List.of(new Paragraph("The clusters left, each time they were read:"),
                new Table(List.of("Read at", "Clusters left", "For a person", "May heal", "In review queue"), rows,
                        Set.of(1, 2, 3, 4)));
    }

    private static String uuids(List<UUID> uuids) {
        return uuids.stream().map(UUID::toString).collect(Collectors.joining(", "));
    }

    private static String more(int size) {
        return size > LISTED_MAX ? " (the first " + LISTED_MAX + " of " + size + ")" : "";
    }
}
