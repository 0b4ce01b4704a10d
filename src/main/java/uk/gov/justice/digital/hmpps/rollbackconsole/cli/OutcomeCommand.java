package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterChangeCounts;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.OutstandingClusters;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHours;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.AffectedHoursQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BadRelease;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.BusinessImpact;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChanges;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterChangesQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPath;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPaths;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.ClusterPathsQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPack;
import uk.gov.justice.digital.hmpps.rollbackconsole.outcome.SanityPackQuery;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectFailure;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.ConnectionSettings;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.Replica;
import uk.gov.justice.digital.hmpps.rollbackconsole.replica.SslMode;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ImpactWording;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.IncidentReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.OutcomeFindings;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.ReportWriter;
import uk.gov.justice.digital.hmpps.rollbackconsole.report.SanityPackFiles;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;

/**
 * {@code rollback-console outcome INCIDENT-FOLDER}: the Outcome step without a window, for a lead who ran the send
 * from a terminal. From the incident's journal it takes the window and the exported file, connects read-only as
 * {@code export} does (the journal's connection unless options say otherwise), and reads what the recluster
 * changed, the business impact, the sanity-check pack and each cluster's path; it journals the figures, writes the
 * pack and the report into the incident's folder, and prints the figures and the summary for the organisation.
 */
final class OutcomeCommand {

    private static final Set<String> VALUED = Set.of("--host", "--port", "--database", "--user", "--sslmode",
            "--sslrootcert", "--tls-server-name", "--file", "--manage-ui", "--context", "--namespace", "--kubectl",
            "--batch-size");
    private static final Set<String> FLAGS = Set.of();

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Clock clock;

    OutcomeCommand(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageException {
        Arguments a = Arguments.split(args, VALUED);
        if (a.positional().size() != 1) {
            throw new UsageException("outcome takes one incident folder.");
        }
        Options o = Options.parse(a.options(), VALUED, FLAGS);
        Path folder = Path.of(a.positional().get(0));
        if (!Files.isRegularFile(folder.resolve(IncidentJournal.FILE_NAME))) {
            err.println("rollback-console: " + folder + " holds no incident journal (" + IncidentJournal.FILE_NAME + ").");
            return 1;
        }
        int batchSize = batchSize(o);
        String manageUi = o.value("--manage-ui").orElse(null);
        if (!ClusterPaths.validBase(manageUi)) {
            throw new UsageException("--manage-ui " + manageUi + " is not an http(s) address.");
        }
        IncidentStore store = new IncidentStore(folder.toAbsolutePath().getParent(), clock);
        IncidentState state;
        try {
            state = store.open(folder);
        } catch (IOException | RuntimeException e) {
            err.println("rollback-console: the journal in " + folder + " cannot be read: " + e.getMessage());
            return 1;
        }
        Optional<AffectedWindow> window = state.preview().map(JournalEntry.PreviewTaken::window)
                .or(() -> state.counts().map(JournalEntry.CountsTaken::window));
        if (window.isEmpty()) {
            err.println("rollback-console: the journal has no preview, so no window to read the outcome over.");
            return 1;
        }
        Path file;
        try {
            file = exportedFile(o, state);
        } catch (IOException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        }
        ConnectionSettings settings = settings(o, state);
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        out.println("Incident: " + folder.toAbsolutePath());
        out.println("Window: events from " + window.get().cutoff() + " up to " + window.get().asOf());
        out.println("Exported file: " + file.toAbsolutePath());
        BusinessImpact.ReleaseSpan release = release(o, window.get());
        try (Replica replica = Replica.connect(settings);
             IncidentJournal journal = store.resume(folder)) {
            // As in the window: the after statistics wait, bounded, for the replica to replay the recluster.
            boolean[] said = {false};
            java.util.Optional<String> notReplayed = uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplayWait
                    .untilReplayed(replica, uk.gov.justice.digital.hmpps.rollbackconsole.replica.ReplayWait.DEFAULT,
                            () -> false, () -> false, lag -> {
                                if (!said[0]) {
                                    out.println("Waiting for the replica to replay past now before taking the after"
                                            + " statistics (" + lag.shortText() + ")...");
                                    said[0] = true;
                                }
                            });
            if (notReplayed.isPresent()) {
                err.println("Warning: after statistics: " + notReplayed.get());
                journal.append(new JournalEntry.Decision(uk.gov.justice.digital.hmpps.rollbackconsole.session
                        .DecisionKind.NOTE, null, "After statistics: " + notReplayed.get()));
            }
            ClusterStatistics after = replica.clusterStatistics(window.get()).run();
            journal.append(new JournalEntry.StatisticsTaken(JournalEntry.Phase.AFTER, after));
            OutstandingClusters outstanding = replica.outstandingClusters(window.get()).run();
            ClusterChanges changes = ClusterChangesQuery.of(replica, window.get(), file, batchSize).run();
            journal.append(new JournalEntry.ChangesTaken(changes.window(), changes.fileSha256(), changes.takenAt(),
                    changes.counts()));
            AffectedHours hours = AffectedHoursQuery.of(replica, window.get()).run();
            SanityPack pack = SanityPackQuery.of(replica, changes, file, batchSize).run();
            ClusterPaths paths = ClusterPathsQuery.of(replica, outstanding, manageUi).run();
            journal.append(paths.journalEntry());
            SanityPackFiles.Written packFiles = new SanityPackFiles().write(folder, true, pack, state.environment());
            journal.append(new JournalEntry.FileWritten(SanityPackFiles.CSV_PURPOSE, packFiles.csv().path(),
                    packFiles.csv().sha256()));
            journal.append(new JournalEntry.FileWritten(SanityPackFiles.JSON_PURPOSE, packFiles.json().path(),
                    packFiles.json().sha256()));
            IncidentState now = store.open(folder);
            IncidentReport report = IncidentReport.of(now, null, after, outstanding, List.of(), clock)
                    .withFindings(OutcomeFindings.of(changes, hours, release, pack, paths));
            ReportWriter.Written written = ReportWriter.write(folder, report, true);
            journal.append(new JournalEntry.ReportWritten(written.markdown().path(), written.markdown().sha256()));
            journal.append(new JournalEntry.ReportWritten(written.html().path(), written.html().sha256()));

            print(n, changes.counts(), changes, paths, pack, packFiles);
            out.println("Report: " + written.markdown().path() + " and " + written.html().path());
            out.println();
            out.println("For the wider organisation:");
            out.print(ImpactWording.render(report));
            return 0;
        } catch (ConnectFailure e) {
            err.println("rollback-console: " + e.whatHappened());
            err.println(e.whatToDo());
            return 1;
        } catch (SQLException e) {
            err.println("rollback-console: " + Replica.describe(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rollback-console: interrupted while waiting for the replica; nothing more was taken.");
            return 1;
        } catch (IOException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            Throwable cause = ClusterChangesQuery.cause(e);
            err.println("rollback-console: the outcome could not be read: " + cause.getMessage());
            return 1;
        }
    }

    private void print(NumberFormat n, ClusterChangeCounts c, ClusterChanges changes, ClusterPaths paths,
                       SanityPack pack, SanityPackFiles.Written packFiles) {
        out.println("What the recluster changed (" + n.format(c.records()) + " records in the file, SHA-256 "
                + changes.fileSha256() + "):");
        out.println("  unchanged " + n.format(c.unchanged()) + ", moved " + n.format(c.moved()) + " (in no cluster now "
                + n.format(c.inNoCluster()) + "), without a cluster in the file " + n.format(c.withoutEarlier())
                + ", no longer on the replica " + n.format(c.notFound()));
        StringBuilder by = new StringBuilder("  moved by source system:");
        for (SourceSystem s : SourceSystem.values()) {
            by.append(' ').append(s.name()).append('=').append(n.format(c.moved(s)));
        }
        out.println(by);
        out.println("  clusters: " + n.format(c.earlierClusters()) + " in the file, " + n.format(c.clustersNow())
                + " now; merged " + n.format(c.merged()) + ", split " + n.format(c.split()) + ", emptied "
                + n.format(c.emptied()) + "; needing attention now " + n.format(c.needsAttentionNow()));
        out.println("Sanity check for data science: " + n.format(pack.clusters().size()) + " merged clusters, "
                + n.format(pack.records()) + " records: " + packFiles.csv().path() + ", " + packFiles.json().path());
        out.println("Clusters left (" + n.format(paths.paths().size()) + "), first to look at first:");
        for (ClusterPath p : paths.paths()) {
            out.println("  " + (p.personUuid() == null ? "(no person_uuid)" : p.personUuid()) + "  "
                    + (p.cluster().statusReason() == null ? "(no reason)" : p.cluster().statusReason()) + "  "
                    + (p.inReviewQueue() ? "in the review queue" + p.waited().map(w -> " for "
                    + ClusterPath.waitedText(w)).orElse("") : "not in the review queue")
                    + p.link().map(l -> "  " + l).orElse(""));
        }
        if (!paths.reviewQueue()) {
            out.println("  (this replica has no review queue tables)");
        }
    }

    /** The file named by --file, else the journal's export, checked against the SHA-256 the journal recorded. */
    private static Path exportedFile(Options o, IncidentState state) throws IOException {
        if (o.value("--file").isPresent()) {
            Path file = Path.of(o.value("--file").get());
            if (!Files.isRegularFile(file)) {
                throw new IOException("--file " + file + " is not a file.");
            }
            return file;
        }
        JournalEntry.Exported export = state.export().orElseThrow(() -> new IOException("the journal records no"
                + " exported file: give the file the recluster was sent from with --file."));
        if (!Files.isRegularFile(export.path())) {
            throw new IOException("the exported file " + export.path() + " is gone: give it with --file.");
        }
        String sha256 = Sha256.of(export.path());
        if (!sha256.equals(export.sha256())) {
            throw new IOException("the exported file " + export.path() + " has changed since it was exported (SHA-256 "
                    + sha256 + ", the journal says " + export.sha256() + ").");
        }
        return export.path();
    }

    private BusinessImpact.ReleaseSpan release(Options o, AffectedWindow window) throws UsageException {
        if (o.value("--context").isEmpty()) {
            return null;
        }
        try (Kubectl kubectl = ReleasesCommand.kubectl(o)) {
            Optional<BusinessImpact.ReleaseSpan> span = BadRelease.at(kubectl.releases("hmpps-person-record"),
                    window.cutoff());
            out.println("Bad release: " + span.map(s -> s.release() + " from " + s.from() + s.until().map(u -> " to " + u)
                    .orElse(", still running")).orElse("not in the rollout history any more"));
            return span.orElse(null);
        } catch (KubectlException e) {
            err.println("Warning: the rollout history could not be read (" + e.getMessage() + "); the report says how"
                    + " long the bad release ran only from the deployment time.");
            return null;
        }
    }

    private static int batchSize(Options o) throws UsageException {
        try {
            int size = Integer.parseInt(o.value("--batch-size").orElse(Integer.toString(ClusterChangesQuery.DEFAULT_BATCH)));
            if (size < 1 || size > 50_000) {
                throw new UsageException("--batch-size must be between 1 and 50000.");
            }
            return size;
        } catch (NumberFormatException e) {
            throw new UsageException("--batch-size takes a whole number.");
        }
    }

    /** The journal's connection (never its password: there is none), with any option given instead. */
    private ConnectionSettings settings(Options o, IncidentState state) throws UsageException {
        Optional<JournalEntry.Connected> c = state.connection();
        String host = o.value("--host").or(() -> c.map(JournalEntry.Connected::host))
                .orElseThrow(() -> new UsageException("--host is required: the journal records no connection."));
        int port;
        try {
            port = o.value("--port").map(Integer::parseInt).or(() -> c.map(JournalEntry.Connected::port)).orElse(5432);
        } catch (NumberFormatException e) {
            throw new UsageException("--port " + o.value("--port").orElse("") + " is not a number.");
        }
        String database = o.value("--database").or(() -> c.map(JournalEntry.Connected::database))
                .orElseThrow(() -> new UsageException("--database is required: the journal records no connection."));
        String user = o.value("--user").or(() -> c.map(JournalEntry.Connected::user))
                .orElseThrow(() -> new UsageException("--user is required: the journal records no connection."));
        String sslValue = o.value("--sslmode").or(() -> c.map(JournalEntry.Connected::sslMode)).orElse(null);
        SslMode ssl = SslMode.defaultFor(host);
        if (sslValue != null) {
            ssl = java.util.Arrays.stream(SslMode.values()).filter(m -> m.pgValue().equals(sslValue)).findFirst()
                    .orElseThrow(() -> new UsageException("--sslmode " + sslValue + " is not one of disable, prefer,"
                            + " require, verify-ca, verify-full."));
        }
        Environment environment = state.environment() == null ? Environment.LOCAL : state.environment();
        String password = env.get("PGPASSWORD");
        return new ConnectionSettings(host, port, database, user,
                password == null || password.isEmpty() ? null : password.toCharArray(), environment, ssl,
                o.value("--sslrootcert").map(Path::of).orElse(null), o.value("--tls-server-name").orElse(null));
    }
}
