package uk.gov.justice.digital.hmpps.rollbackconsole.report;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingCluster;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.StatisticsComparison;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalLine;

/**
 * The report as sections of plain blocks, built once from an {@link IncidentReport}; {@link MarkdownReport} and
 * {@link HtmlReport} only render it, so the two forms always say the same.
 */
final class ReportDocument {

    /** More not-found ids than this are counted in the report, and listed in the journal only. */
    static final int MAX_NOT_FOUND_LISTED = 1000;

    /** Clusters listed in the report itself; the CSV and JSON files always hold them all. */
    static final int OUTSTANDING_LISTED_MAX = 500;

    sealed interface Block {
    }

    record Paragraph(String text) implements Block {
    }

    record Warning(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    /** @param numeric columns aligned right */
    record Table(List<String> header, List<List<String>> rows, Set<Integer> numeric) implements Block {
    }

    record Chart(StatisticsComparison comparison) implements Block {
    }

    /** The affected records over time, one bar a bucket: the business impact's chart. */
    record HoursChart(List<uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours.Bucket> buckets)
            implements Block {
    }

    record Section(String title, List<Block> blocks) {
    }

    record Document(String title, String byline, List<Section> sections) {
    }

    private ReportDocument() {
    }

    static String title(IncidentState s) {
        return (s.environment() != null && s.environment().isRehearsal()
                ? Environment.REHEARSAL_MARK + " (not a real incident): " : "")
                + "Person Record rollback: incident report"
                + (s.environment() == null ? "" : " (" + s.environment().label() + ")");
    }

    /** The document with every identifier in it masked as {@code masking} says (presenter mode). */
    static Document build(IncidentReport r, Masking masking) {
        Document d = build(r);
        if (!masking.isOn()) {
            return d;
        }
        List<Section> sections = new ArrayList<>();
        for (Section s : d.sections()) {
            List<Block> blocks = new ArrayList<>();
            for (Block b : s.blocks()) {
                blocks.add(mask(b, masking));
            }
            sections.add(new Section(masking.text(s.title()), blocks));
        }
        return new Document(masking.text(d.title()), masking.text(d.byline())
                + " Identifiers are masked: written in presenter mode.", sections);
    }

    private static Block mask(Block b, Masking m) {
        if (b instanceof Paragraph p) {
            return new Paragraph(m.text(p.text()));
        } else if (b instanceof Warning w) {
            return new Warning(m.text(w.text()));
        } else if (b instanceof Bullets l) {
            return new Bullets(l.items().stream().map(m::text).toList());
        } else if (b instanceof Table t) {
            return new Table(t.header(), t.rows().stream().map(row -> row.stream().map(m::text).toList()).toList(),
                    t.numeric());
        }
        return b;
    }

    static Document build(IncidentReport r) {
        IncidentState s = r.state();
        String byline = "Generated " + ReportText.utc(r.generatedAt()) + " by Rollback Console "
                + (s.appVersion() == null ? "" : s.appVersion() + " ")
                + "from the incident journal. Identifiers and counts only: no personal data.";
        List<Section> sections = new ArrayList<>();
        sections.add(summary(r));
        sections.add(environment(s));
        sections.add(cutoff(s));
        sections.add(affected(s));
        sections.add(OutcomeSections.impact(r));
        sections.add(clusters(r));
        sections.add(OutcomeSections.changes(r));
        sections.add(OutcomeSections.sanityCheck(r));
        sections.add(batches(s));
        sections.add(runs(s));
        sections.add(JobSection.during(s));
        sections.add(outstanding(r));
        sections.add(OutcomeSections.paths(r));
        sections.add(decisions(s));
        sections.add(files(r));
        sections.add(timeline(s));
        return new Document(title(s), byline, sections);
    }

    private static String runStatus(IncidentState s) {
        if (s.batches().isEmpty()) {
            return "nothing sent yet";
        }
        int left = s.unsettled().size();
        return left == 0 ? "the recluster is complete, every batch settled"
                : left + " of " + s.batches().size() + " batches not settled (not sent, or not seen complete)";
    }

    private static Section summary(IncidentReport r) {
        IncidentState s = r.state();
        List<String> items = new ArrayList<>();
        // Where the run stands, not whether a report was written before (this report is itself the last act).
        items.add("Status: " + runStatus(s) + "; at " + s.step().title());
        items.add("Started: " + ReportText.utc(s.started()));
        s.cutoff().ifPresent(c -> items.add("Deployment time (cutoff): " + ReportText.utc(c.utc())));
        items.add(ReportText.batchLine(s));
        items.add("Records not found: " + s.notFound() + "; skipped (merged): " + s.skipped());
        r.statistics().ifPresent(c -> items.add("Clusters needing attention: " + c.row("NEEDS_ATTENTION").before()
                + " before, " + c.row("NEEDS_ATTENTION").after() + " after ("
                + StatisticsComparison.signed(c.row("NEEDS_ATTENTION").difference()) + ")"));
        r.outstanding().ifPresent(o -> items.add("Outstanding for manual resolution: " + o.clusters().size()
                + " of the affected clusters (" + o.needsAttentionInReplica() + " NEEDS_ATTENTION in the replica)"));
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Bullets(items));
        s.note().ifPresent(n -> blocks.add(new Warning("Reading the journal: " + n + ".")));
        if (!s.outcomeUnknown().isEmpty()) {
            blocks.add(new Warning("Batches of unknown outcome: " + indexes(s.outcomeUnknown())
                    + ". They may have run; check the pod's log before sending any of them again."));
        }
        return new Section("Summary", blocks);
    }

    private static Section environment(IncidentState s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Environment", s.environment() == null ? "unknown" : s.environment().label()));
        if (s.environment() != null) {
            s.environment().namespace().ifPresent(ns -> rows.add(List.of("Namespace", ns)));
        }
        s.connection().ifPresent(c -> rows.add(List.of("Replica", c.user() + "@" + c.host() + ":" + c.port() + "/"
                + c.database() + " (sslmode " + c.sslMode() + ")")));
        s.clusterTarget().ifPresent(t -> rows.add(List.of("Cluster target", "context " + t.context() + ", namespace "
                + t.namespace() + ", " + ReportText.kubectl(t.kubectl()))));
        s.pod().ifPresent(p -> rows.add(List.of("Pod", p.pod())));
        rows.add(List.of("Rollback Console", s.appVersion() == null ? "unknown" : s.appVersion()));
        rows.add(List.of("Incident folder", s.folder().getFileName() == null ? s.folder().toString()
                : s.folder().getFileName().toString()));
        return new Section("Environment", List.of(new Table(List.of("", ""), rows, Set.of())));
    }

    private static Section cutoff(IncidentState s) {
        if (s.cutoff().isEmpty()) {
            return new Section("Cutoff", List.of(new Paragraph("No deployment time was set.")));
        }
        JournalEntry.CutoffSet c = s.cutoff().get();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("As typed", c.typed()));
        rows.add(List.of("Local", ReportText.local(c.local()) + " " + c.zone()));
        rows.add(List.of("UTC", ReportText.utc(c.utc())));
        window(s).ifPresent(w -> {
            rows.add(List.of("Window", "events from " + ReportText.utc(w.cutoff())
                    + " up to, not including, " + ReportText.utc(w.asOf())));
            rows.add(List.of("event_log clock", "event_timestamp compared in " + w.clock().label() + " ("
                    + w.clock().zone().getId() + "): >= '" + ReportText.local(w.lower().value()) + "' and < '"
                    + ReportText.local(w.upper().value()) + "'"
                    + (w.lower().widened() || w.upper().widened() ? ", the repeated hour of the night the clocks went back taken whole" : "")));
        });
        s.eventClock().ifPresent(clock -> rows.add(List.of("How the clock was chosen", clock.how())));
        s.lines().stream().map(JournalLine::entry).filter(JournalEntry.LagSeen.class::isInstance)
                .map(JournalEntry.LagSeen.class::cast).reduce((a, b) -> b)
                .ifPresent(lag -> rows.add(List.of("Replica lag", lag.text())));
        return new Section("Cutoff", List.of(new Table(List.of("", ""), rows, Set.of())));
    }

    private static java.util.Optional<AffectedWindow> window(IncidentState s) {
        return s.preview().map(JournalEntry.PreviewTaken::window).or(() -> s.counts().map(JournalEntry.CountsTaken::window));
    }

    private static Section affected(IncidentState s) {
        if (s.preview().isEmpty()) {
            return new Section("Affected records", List.of(new Paragraph("No preview was recorded.")));
        }
        JournalEntry.PreviewTaken p = s.preview().get();
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (SourceSystem system : SourceSystem.values()) {
            long n = p.bySourceSystem().get(system);
            total += n;
            rows.add(List.of(system.name(), Long.toString(n)));
        }
        rows.add(List.of("Total", Long.toString(total)));
        return new Section("Affected records", List.of(
                new Table(List.of("Source system", "Records"), rows, Set.of(1)),
                new Paragraph(p.rows() + " rows (" + ReportText.mode(p.mode()) + ") from " + p.events()
                        + " events; " + p.distinctClusters() + " clusters named by the events; "
                        + p.withoutPersonUuid() + " without a person_uuid.")));
    }

    private static Section clusters(IncidentReport r) {
        if (r.statistics().isEmpty()) {
            String taken = r.before().isPresent() ? "Only the statistics before the recluster were taken."
                    : "No cluster statistics were taken.";
            return new Section("Clusters by status", List.of(new Paragraph(taken)));
        }
        StatisticsComparison c = r.statistics().get();
        List<List<String>> rows = new ArrayList<>();
        for (StatisticsComparison.Row row : c.rows()) {
            rows.add(List.of(row.status(), Long.toString(row.before()), Long.toString(row.after()),
                    StatisticsComparison.signed(row.difference())));
        }
        rows.add(List.of("Total", Long.toString(c.totalBefore()), Long.toString(c.totalAfter()),
                StatisticsComparison.signed(c.totalDifference())));
        return new Section("Clusters by status", List.of(
                new Table(List.of("Status", "Before", "After", "Difference"), rows, Set.of(1, 2, 3)),
                new Chart(c),
                new Paragraph("Distinct clusters the affected records are in, taken before the recluster at "
                        + ReportText.utc(c.before().takenAt()) + " and after it at "
                        + ReportText.utc(c.after().takenAt()) + ".")));
    }

    private static Section batches(IncidentState s) {
        if (s.batches().isEmpty()) {
            return new Section("Batches", List.of(new Paragraph("No batch was sent.")));
        }
        List<List<String>> rows = new ArrayList<>();
        for (BatchState b : s.batches()) {
            rows.add(List.of(Integer.toString(b.index()), ReportText.key(b.first()), ReportText.key(b.last()),
                    b.first() == null ? "" : Integer.toString(b.records()), Integer.toString(b.attempts()),
                    ReportText.outcome(b), b.httpStatus() == null ? "" : Integer.toString(b.httpStatus()),
                    b.sendingAt() == null ? "" : ReportText.utc(b.sendingAt())));
        }
        return new Section("Batches", List.of(
                new Table(List.of("Batch", "First record", "Last record", "Records", "Attempts", "Outcome", "HTTP",
                        "Last sent"), rows, Set.of(0, 3, 4, 6)),
                new Paragraph(ReportText.batchLine(s) + ".")));
    }

    private static Section runs(IncidentState s) {
        if (s.runs().isEmpty()) {
            return new Section("Recluster runs", List.of(new Paragraph("No finished run was read from the log.")));
        }
        List<List<String>> rows = new ArrayList<>();
        for (JournalEntry.RunCounted run : s.runs()) {
            rows.add(List.of(Integer.toString(run.batchIndex()), Long.toString(run.processed()),
                    Long.toString(run.notFound()), Long.toString(run.skipped())));
        }
        rows.add(List.of("Total", Long.toString(s.runs().stream().mapToLong(JournalEntry.RunCounted::processed).sum()),
                Long.toString(s.notFound()), Long.toString(s.skipped())));
        List<String> ids = s.notFoundIds();
        return new Section("Recluster runs", List.of(new Table(
                List.of("Batch", "Processed", "Not found", "Skipped (merged)"), rows, Set.of(0, 1, 2, 3)),
                new Paragraph(ids.isEmpty() ? "The service found every record."
                        : "Source system ids the service did not find (" + ids.size() + "): "
                        + ReportText.ids(ids, MAX_NOT_FOUND_LISTED) + (ids.size() > MAX_NOT_FOUND_LISTED
                        ? ". The journal lists them all." : "."))));
    }

    private static Section outstanding(IncidentReport r) {
        if (r.outstanding().isEmpty()) {
            return new Section("Outstanding clusters", List.of(new Paragraph("Not read.")));
        }
        OutstandingClusters o = r.outstanding().get();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(o.clusters().size() + " of the clusters the affected records are in need attention ("
                + o.needsAttentionInReplica() + " NEEDS_ATTENTION clusters in the whole replica), read at "
                + ReportText.utc(o.takenAt()) + "."));
        if (!o.clusters().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (OutstandingCluster c : o.clusters().subList(0, Math.min(OUTSTANDING_LISTED_MAX, o.clusters().size()))) {
                List<String> row = new ArrayList<>();
                row.add(c.personUuid() == null ? "" : c.personUuid().toString());
                row.add(c.statusReason() == null ? "" : c.statusReason());
                for (SourceSystem system : SourceSystem.values()) {
                    row.add(Long.toString(c.records(system)));
                }
                List<String> ids = new ArrayList<>();
                c.keys().forEach(k -> ids.add(ReportText.key(k)));
                if (c.recordsWithoutId() > 0) {
                    ids.add(c.recordsWithoutId() + " without an id");
                }
                row.add(String.join(", ", ids));
                rows.add(row);
            }
            List<String> header = new ArrayList<>(List.of("person_uuid", "Reason"));
            for (SourceSystem system : SourceSystem.values()) {
                header.add(system.name());
            }
            header.add("Records");
            blocks.add(new Table(header, rows, Set.of(2, 3, 4, 5)));
            if (o.clusters().size() > OUTSTANDING_LISTED_MAX) {
                blocks.add(new Paragraph("The first " + OUTSTANDING_LISTED_MAX + " are listed; the outstanding"
                        + " clusters files hold all " + o.clusters().size() + "."));
            }
        }
        return new Section("Outstanding clusters", blocks);
    }

    private static Section decisions(IncidentState s) {
        List<String> items = new ArrayList<>();
        for (JournalLine line : s.lines()) {
            if (line.entry() instanceof JournalEntry.Decision d) {
                items.add(ReportText.utc(line.at()) + ": " + ReportText.decision(d.kind())
                        + (d.batchIndex() == null ? "" : " (batch " + d.batchIndex() + ")") + ": "
                        + ReportText.oneLine(d.text()));
            }
        }
        return new Section("Decisions", items.isEmpty() ? List.of(new Paragraph("None recorded."))
                : List.of(new Bullets(items)));
    }

    private static Section files(IncidentReport r) {
        if (r.files().isEmpty()) {
            return new Section("Files", List.of(new Paragraph("None recorded.")));
        }
        List<List<String>> rows = new ArrayList<>();
        for (IncidentReport.ReportFile f : r.files()) {
            rows.add(List.of(f.path().toString(), f.purpose(), f.sha256()));
        }
        return new Section("Files", List.of(new Table(List.of("File", "Contents", "SHA-256"), rows, Set.of())));
    }

    private static Section timeline(IncidentState s) {
        List<List<String>> rows = new ArrayList<>();
        for (JournalLine line : s.lines()) {
            rows.add(List.of(ReportText.utc(line.at()), line.entry().step().map(st -> st.title()).orElse(""),
                    ReportText.oneLine(ReportText.describe(line.entry()))));
        }
        return new Section("Timeline", List.of(new Table(List.of("Time", "Step", "What happened"), rows, Set.of())));
    }

    private static String indexes(List<BatchState> batches) {
        return String.join(", ", batches.stream().map(b -> Integer.toString(b.index())).toList());
    }
}
