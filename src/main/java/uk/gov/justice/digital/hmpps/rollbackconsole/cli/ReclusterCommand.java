package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.PrintStream;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.DeploymentInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.PodLink;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.RecordsFileValidator;
import uk.gov.justice.digital.hmpps.rollbackconsole.review.ReviewReport;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentBatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.SendGuard;

/**
 * {@code rollback-console recluster}: the Send and Progress steps without a window. The same checks (the file is
 * safe to send, prod confirmed by typing its namespace, a file already sent is not sent again), the same managed
 * port-forward and log follow, the same journal, and progress printed as lines.
 */
final class ReclusterCommand {

    private static final Set<String> VALUED = Set.of("--context", "--namespace", "--file", "--batch-size", "--kubectl",
            "--confirm", "--pod", "--incidents", "--forward-wait", "--stall-after", "--taken-within", "--resume",
            "--unknown");
    private static final String DEPLOYMENT = "hmpps-person-record";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    ReclusterCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(List<String> args) throws UsageException {
        Set<String> valued = new java.util.HashSet<>(VALUED);
        valued.addAll(ReclusterLiveCheck.VALUED);
        Options o = Options.parse(args, valued, Set.of(ReclusterResume.SEND_STALLED_REST));
        if (o.value("--resume").isPresent()) {
            return new ReclusterResume(out, err, clock).run(o, settings(o));
        }
        ReclusterLiveCheck liveCheck = new ReclusterLiveCheck(o, out, err, clock);
        String namespace = o.required("--namespace");
        String context = o.required("--context");
        Path file = Path.of(o.required("--file"));
        int batchSize = batchSize(o);
        ReclusterRun.Settings settings = settings(o);
        Environment environment = Environment.fromNamespace(namespace).orElse(Environment.LOCAL);
        if (environment.isProduction() && !namespace.equals(o.value("--confirm").orElse(""))) {
            throw new UsageException("this sends to production: repeat the namespace to confirm, --confirm " + namespace);
        }
        Path incidents = o.value("--incidents").map(Path::of).orElseGet(IncidentStore::defaultRoot);

        ReviewReport report;
        try {
            report = new RecordsFileValidator().validate(file);
        } catch (java.io.IOException e) {
            err.println("rollback-console: " + file + " cannot be read: " + e.getMessage());
            return 1;
        }
        if (!report.safeToSend()) {
            err.println("rollback-console: " + file + " is not safe to send (" + report.errorCount() + " errors"
                    + report.firstError().map(p -> "; first: line " + p.line() + ", column " + p.column() + ": " + p.message())
                    .orElse("") + "). Nothing was sent; rollback-console validate lists every problem.");
            return 1;
        }
        Optional<SendGuard.PriorSend> sentBefore;
        try {
            sentBefore = new SendGuard(incidents).find(file, report.sha256(), Optional.empty());
        } catch (java.io.IOException e) {
            err.println("rollback-console: the incidents in " + incidents + " cannot be read to check that " + file
                    + " was not sent before: " + e.getMessage() + ". Nothing was sent.");
            return 1;
        }
        if (sentBefore.isPresent()) {
            err.println("rollback-console: " + sentBefore.get().describe(file, report.sha256()));
            return 1;
        }

        IncidentStore store = new IncidentStore(incidents, clock);
        // Beside the incidents, not among them: the incidents folder holds incidents only.
        ProcessLedger processes = new ProcessLedger(o.value("--incidents")
                .map(p -> Path.of(p).toAbsolutePath().resolveSibling(Path.of(p).getFileName() + "-processes"))
                .orElseGet(ProcessLedger::defaultFolder));
        int leftovers = processes.endLeftovers();
        if (leftovers > 0) {
            out.println("Ended " + leftovers + " kubectl process(es) an earlier run left running.");
        }
        try (Kubectl kubectl = new Kubectl(Path.of(o.value("--kubectl").orElse("kubectl")), context, namespace)
                .noting(processes);
             ReclusterClient client = new ReclusterClient();
             IncidentRecorder incident = new IncidentRecorder(store, "command line", problem -> err.println("Warning: " + problem))) {
            DeploymentInfo deployment = kubectl.deployment(DEPLOYMENT);
            out.println("Deployment " + DEPLOYMENT + " runs " + deployment.image() + " (" + deployment.readyReplicas()
                    + " of " + deployment.replicas() + " ready): check it is the rolled-back release.");
            if (!liveCheck.allows(kubectl, environment, namespace, report.records(), incident)) {
                return 1;
            }
            List<PodInfo> pods = kubectl.servingPods(deployment.selector());
            String pod = o.value("--pod").orElse(pods.isEmpty() ? null : pods.get(0).name());
            String chosen = pod;
            if (pod == null || pods.stream().noneMatch(p -> p.name().equals(chosen))) {
                err.println("rollback-console: " + (pod == null ? "no Running and Ready pod of " + DEPLOYMENT
                        : "pod " + pod + " is not a Running and Ready pod of " + DEPLOYMENT) + " in " + namespace + ".");
                return 1;
            }
            incident.start(environment);
            int planned = ReclusterBatches.count(file, batchSize);
            incident.record(new JournalEntry.SendStarted(file.toAbsolutePath(), report.sha256(), report.records(),
                    batchSize, planned, namespace, pod, JournalEntry.SendStarted.FILE));
            incident.record(new JournalEntry.BatchesPlanned(planned, report.records(), batchSize));
            out.println("Pod: " + pod + "; file: " + file + " (" + report.records() + " records, SHA-256 "
                    + report.sha256() + ") in batches of up to " + batchSize);

            try (PortForward forward = PodLink.forward(kubectl, pod, client, s -> { }, clock)) {
                int port = forward.awaitUp(Duration.ofSeconds(90));
                out.println("Port-forward: 127.0.0.1:" + port + " -> " + pod + ":8080, GET /health UP");
                try (LogFollow log = PodLink.followFromNow(kubectl, pod, clock, s -> { });
                     ReclusterBatches batches = ReclusterBatches.open(file, batchSize, ReclusterBatches.DEFAULT_MAX_BODY_BYTES);
                     ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(forward), log,
                             new IncidentBatchJournal(incident, () -> namespace), new ProgressLines(out), clock)
                             .with(settings).onNotice(n -> out.println(n.text()))) {
                    ReclusterRun.Result result = run.start().get(24, TimeUnit.HOURS);
                    NeedsAttentionAfterRun.journal(kubectl, incident, out, err);
                    int exit = summary(result, incident);
                    remaining(result, file, pod, namespace, context, batchSize, incident);
                    return exit;
                }
            }
        } catch (KubectlException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("rollback-console: the recluster stopped: " + e.getMessage());
            return 1;
        }
    }

    private int summary(ReclusterRun.Result result, IncidentRecorder incident) throws java.io.IOException {
        long processed = 0;
        long skipped = 0;
        long notFound = 0;
        for (ReclusterProgress p : result.completedBatches()) {
            processed += p.records();
            skipped += p.skippedMerged();
            notFound += p.notFound();
        }
        incident.flush();
        out.printf(Locale.UK, "%s: %d batches complete, %d records processed, %d skipped (merged), %d not found%n",
                result.ending(), result.completedBatches().size(), processed, skipped, notFound);
        result.completedBatches().stream().flatMap(p -> p.notFoundIds().stream()).forEach(id -> out.println("Not found: " + id));
        if (!result.detail().isBlank()) {
            out.println(result.detail());
        }
        incident.folder().ifPresent(f -> out.println("Incident journal: " + f));
        return result.ending() == ReclusterRun.Ending.COMPLETE ? 0 : 1;
    }

    /**
     * After a pod died, or a batch's answer never came: says which records are not known to be done, writes them
     * (ids only) to a file in the incident's folder, and how to send that file to another pod. A pod that died
     * leaves out the records its log proves reclustered; a batch of unknown outcome is left in, to be decided on.
     */
    private void remaining(ReclusterRun.Result result, Path file, String pod, String namespace, String context,
                           int batchSize, IncidentRecorder incident) {
        if (result.unfinished().isEmpty() || incident.folder().isEmpty()) {
            return;
        }
        ReclusterRun.Unfinished u = result.unfinished().get();
        long from = u.batch().firstRecord() + u.provenDone();
        Path rest = incident.folder().get().resolve("records-not-known-done.json");
        long written;
        try {
            written = writeFrom(file, from, rest);
            incident.record(new JournalEntry.FileWritten("records not known to be done", rest, Sha256.of(rest)));
            incident.flush();
        } catch (Exception e) {
            err.println("rollback-console: the records not known to be done could not be written: " + e.getMessage());
            return;
        }
        String proves = "; its log proves " + u.provenDone() + " of that batch's " + u.batch().size()
                + " records reclustered.";
        switch (result.ending()) {
            case LOG_ENDED -> out.println("Pod " + pod + " died in batch " + u.batch().number() + proves);
            case DIED -> out.println("The run on pod " + pod + " died in batch " + u.batch().number() + proves);
            case STALLED -> out.println("The run on pod " + pod + " stalled in batch " + u.batch().number() + proves
                    + " If it carries on later, records after those could be reclustered twice: look at the pod's log"
                    + " before sending them again.");
            case FORWARD_LOST, REJECTED -> out.println("Batch " + u.batch().number() + " was not taken by the service: "
                    + "it and the batches after it are safe to send again.");
            default -> out.println("Batch " + u.batch().number() + " had no answer: look at pod " + pod + "'s log for "
                    + "\"Triggered. Number of records: " + u.batch().size() + ".\" before sending it again.");
        }
        out.println("Not known to be done: records #" + (from + 1) + " to the end of the file, " + written
                + " records, written to " + rest);
        boolean samePod = result.ending() != ReclusterRun.Ending.LOG_ENDED;
        out.println(samePod ? "To carry on, to this pod or another Running and Ready pod:"
                : "To send them to another Running and Ready pod:");
        out.println("  rollback-console recluster --context " + context + " --namespace " + namespace + " --file " + rest
                + " --batch-size " + batchSize + " --pod " + (samePod ? pod : "OTHER-POD"));
    }

    /** Writes the file's records from the given 0-based index on, as the runbook's array of ids. */
    private static long writeFrom(Path file, long from, Path target) throws Exception {
        long n = 0;
        try (RunbookJsonReader reader = RunbookJsonReader.open(file);
             java.io.OutputStream os = java.nio.file.Files.newOutputStream(target);
             com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory()
                     .createGenerator(os, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartArray();
            for (Optional<FileRecord> r = reader.next(); r.isPresent(); r = reader.next()) {
                if (r.get().index() < from) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("source_system", r.get().sourceSystem());
                g.writeStringField("source_system_id", r.get().sourceSystemId());
                g.writeEndObject();
                n++;
            }
            g.writeEndArray();
        }
        return n;
    }

    private static int batchSize(Options o) throws UsageException {
        try {
            int n = Integer.parseInt(o.value("--batch-size").orElse(Integer.toString(ReclusterBatches.DEFAULT_BATCH_SIZE)));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--batch-size takes a whole number from 1, e.g. 500.");
        }
    }

    static ReclusterRun.Settings settings(Options o) throws UsageException {
        return new ReclusterRun.Settings(
                seconds(o, "--forward-wait", ReclusterRun.Settings.DEFAULT.forwardWait()),
                seconds(o, "--stall-after", ReclusterRun.Settings.DEFAULT.stallAfter()),
                seconds(o, "--taken-within", ReclusterRun.Settings.DEFAULT.takenWithin()));
    }

    private static Duration seconds(Options o, String flag, Duration otherwise) throws UsageException {
        Optional<String> v = o.value(flag);
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(v.get());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " takes a number of seconds from 1, e.g. " + otherwise.toSeconds() + ".");
        }
    }

    /** Prints a line when a batch changes phase, and at most one progress line every few seconds otherwise. */
    static final class ProgressLines implements java.util.function.Consumer<ReclusterProgress> {
        private final PrintStream out;
        private String lastPhase = "";
        private long lastPrinted;

        ProgressLines(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void accept(ReclusterProgress p) {
            String phase = p.batch() + " " + p.phase();
            long now = System.nanoTime();
            if (!phase.equals(lastPhase) || now - lastPrinted > 5_000_000_000L) {
                out.printf(Locale.UK, "batch %d: %s, upsert %d/%d, recluster %d/%d, skipped %d, not found %d%n",
                        p.batch(), p.phase(), p.upsert().item(), p.upsert().count(), p.recluster().item(),
                        p.recluster().count(), p.skippedMerged(), p.notFound());
                lastPhase = phase;
                lastPrinted = now;
            }
        }
    }
}
