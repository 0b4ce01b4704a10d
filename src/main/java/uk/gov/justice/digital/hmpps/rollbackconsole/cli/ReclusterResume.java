package uk.gov.justice.digital.hmpps.rollbackconsole.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.DeploymentInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.KubectlException;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.LogFollow;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PodInfo;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.ProcessLedger;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.PodLink;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterClient;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterTracker;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SelectedBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.CarryOnPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentBatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentRecorder;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentStore;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.LogSettling;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome;

/**
 * {@code rollback-console recluster --resume INCIDENT-FOLDER}: carries an unfinished incident on from its journal,
 * whichever front end started it. The file is the one the journal says was sent (its SHA-256 checked again), cut as
 * it was cut. First the pinned pod's log settles each batch taken but never seen complete (done, ended part way, or
 * never taken), written to the journal before anything is sent; then only what was never sent, or what the log
 * proves not done, is sent. Nothing it cannot ask is asked: a batch whose fate nothing proves needs
 * {@code --unknown resend|skip}, the rest of a run that fell silent needs {@code --send-stalled-rest}.
 */
final class ReclusterResume {

    static final String SEND_STALLED_REST = "--send-stalled-rest";
    private static final String DEPLOYMENT = "hmpps-person-record";

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private Instant settledAt;

    ReclusterResume(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(Options o, ReclusterRun.Settings settings) throws UsageException {
        Path folder = Path.of(o.required("--resume")).toAbsolutePath().normalize();
        String context = o.required("--context");
        if (o.value("--file").isPresent() || o.value("--batch-size").isPresent()) {
            throw new UsageException("--resume sends the incident's own file, cut as it was: leave out --file and"
                    + " --batch-size.");
        }
        Optional<String> unknown = o.value("--unknown");
        if (unknown.isPresent() && !List.of("resend", "skip").contains(unknown.get())) {
            throw new UsageException("--unknown takes resend or skip.");
        }
        IncidentStore store = new IncidentStore(folder.getParent(), clock);
        IncidentState opened;
        try {
            opened = store.open(folder);
        } catch (IOException | RuntimeException e) {
            err.println("rollback-console: " + folder + " is not an incident the console can read: " + e.getMessage());
            return 1;
        }
        IncidentState state = opened;
        Optional<CarryOnPlan.SentFile> sent = CarryOnPlan.sentFile(state);
        if (sent.isEmpty()) {
            err.println("rollback-console: the journal of " + folder + " records no file sent or exported: there is"
                    + " nothing to carry on. Send a file with --file.");
            return 1;
        }
        CarryOnPlan.SentFile f = sent.get();
        String journalNamespace = opened.pod().map(JournalEntry.PodChosen::namespace)
                .orElseGet(() -> opened.send().map(JournalEntry.SendStarted::namespace).orElse(null));
        String namespace = o.value("--namespace").orElse(journalNamespace);
        if (namespace == null) {
            throw new UsageException("the journal names no namespace: give it with --namespace.");
        }
        if (journalNamespace != null && !journalNamespace.equals(namespace)) {
            throw new UsageException("the incident sent to " + journalNamespace + ", not " + namespace
                    + ": carry it on in the same namespace.");
        }
        Environment environment = Environment.fromNamespace(namespace).orElse(Environment.LOCAL);
        if (environment.isProduction() && !namespace.equals(o.value("--confirm").orElse(""))) {
            throw new UsageException("this sends to production: repeat the namespace to confirm, --confirm " + namespace);
        }
        try {
            String now = Sha256.of(f.file());
            if (!now.equals(f.sha256())) {
                err.println("rollback-console: " + f.file() + " has changed since it was sent (SHA-256 was " + f.sha256()
                        + ", is now " + now + "). Nothing was sent.");
                return 1;
            }
        } catch (IOException e) {
            err.println("rollback-console: " + f.file() + ", the file the incident sent, cannot be read: "
                    + e.getMessage() + ". Nothing was sent.");
            return 1;
        }
        if (state.sendFinished()) {
            out.println("Incident " + folder.getFileName() + ": every batch of " + f.file().getFileName()
                    + " is settled. Nothing is left to send.");
            return 0;
        }

        Path incidents = folder.getParent();
        ProcessLedger processes = new ProcessLedger(o.value("--incidents")
                .map(p -> Path.of(p).toAbsolutePath().resolveSibling(Path.of(p).getFileName() + "-processes"))
                .orElseGet(() -> incidents.resolveSibling(incidents.getFileName() + "-processes")));
        int leftovers = processes.endLeftovers();
        if (leftovers > 0) {
            out.println("Ended " + leftovers + " kubectl process(es) an earlier run left running.");
        }
        try (Kubectl kubectl = new Kubectl(Path.of(o.value("--kubectl").orElse("kubectl")), context, namespace)
                .noting(processes);
             ReclusterClient client = new ReclusterClient();
             IncidentRecorder incident = new IncidentRecorder(store, "command line",
                     problem -> err.println("Warning: " + problem))) {
            state = incident.resume(folder);
            out.println("Carrying on incident " + folder + ": " + f.file() + " (SHA-256 " + f.sha256()
                    + ", unchanged) in batches of up to " + f.batchSize() + ".");
            settleFromLog(state, kubectl, settings, incident);
            settledAt = clock.instant();
            state = incident.state();
            CarryOnPlan plan = CarryOnPlan.of(state).orElseThrow();
            if (!decide(plan, unknown, incident, folder, context)) {
                return 1;
            }
            if (!plan.needDecision().isEmpty()) {
                state = incident.state();
                plan = CarryOnPlan.of(state).orElseThrow();
            }
            if (!plan.stalled().isEmpty() && !o.flag(SEND_STALLED_REST)) {
                err.println("rollback-console: the run of batch " + numbers(plan.stalled()) + " fell silent: if it carries"
                        + " on later, the records after those its log proves done could be reclustered twice. Look at"
                        + " the pod's log; to send them anyway, add " + SEND_STALLED_REST + ". Nothing was sent.");
                return 1;
            }
            if (!plan.takenNotSeen().isEmpty()) {
                err.println("rollback-console: batches " + numbers(plan.takenNotSeen().stream().map(BatchState::index)
                        .toList()) + " were taken but the pod's log could not settle them. Nothing was sent.");
                return 1;
            }
            CarryOnPlan chosen = plan;
            long[] left = count(chosen);
            if (left[0] == 0) {
                out.println("Nothing is left to send: every batch of the file is done, or was sent before and is not"
                        + " sent again" + (chosen.notSentAgain().isEmpty() ? "." : " (batches "
                        + numbers(chosen.notSentAgain()) + ")."));
                incident.flush();
                return 0;
            }

            DeploymentInfo deployment = kubectl.deployment(DEPLOYMENT);
            out.println("Deployment " + DEPLOYMENT + " runs " + deployment.image() + " (" + deployment.readyReplicas()
                    + " of " + deployment.replicas() + " ready): check it is the rolled-back release.");
            List<PodInfo> pods = kubectl.servingPods(deployment.selector());
            String pod = o.value("--pod").orElse(plan.pod());
            if (pod == null || pods.stream().noneMatch(p -> p.name().equals(pod))) {
                err.println("rollback-console: " + (pod == null ? "the journal names no pod"
                        : "pod " + pod + " is not a Running and Ready pod of " + DEPLOYMENT + " in " + namespace)
                        + ": name one with --pod" + (pods.isEmpty() ? "" : " (ready: " + String.join(", ",
                        pods.stream().map(PodInfo::name).toList()) + ")") + ". Nothing was sent.");
                return 1;
            }
            int fileBatches = ReclusterBatches.count(f.file(), f.batchSize());
            long fileRecords = countRecords(f);
            incident.recordNow(new JournalEntry.SendStarted(f.file(), f.sha256(), fileRecords, f.batchSize(),
                    fileBatches, namespace, pod, f.origin()));
            String what = (chosen.leading().isEmpty() ? "" : "the undone rest of batch"
                    + (chosen.leading().size() == 1 ? " " : "es ") + numbers(chosen.leading().stream()
                    .map(Batch::number).toList()) + " (" + chosen.leading().stream().mapToInt(Batch::size).sum()
                    + " records), ") + left[1] + " whole batch(es) never sent or not taken";
            incident.record(new JournalEntry.Decision(DecisionKind.NOTE, null, "Carrying on from the command line: "
                    + what + ", " + left[0] + " records, to pod " + pod + "; not sent again: batches "
                    + (chosen.notSentAgain().isEmpty() ? "none" : numbers(chosen.notSentAgain())) + "."));
            out.println("Sending " + what + ": " + left[0] + " records to pod " + pod + ". Not sent again: "
                    + (chosen.notSentAgain().isEmpty() ? "none" : "batches " + numbers(chosen.notSentAgain())) + ".");
            return send(chosen, f, kubectl, client, incident, pod, namespace, settings, folder, context);
        } catch (KubectlException e) {
            err.println("rollback-console: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("rollback-console: the recluster stopped: " + e.getMessage());
            return 1;
        }
    }

    /** Each batch taken (or perhaps taken) and never seen complete or ended: what its pod's log says now. */
    private void settleFromLog(IncidentState state, Kubectl kubectl, ReclusterRun.Settings settings,
                               IncidentRecorder incident) throws Exception {
        for (BatchState b : LogSettling.toSettle(state)) {
            out.println("Batch " + b.index() + " was " + (b.outcome() == BatchOutcome.SENT ? "taken" : "sent with no"
                    + " answer") + " but never seen complete: reading pod " + LogSettling.podOf(state, b.index())
                    + "'s log since " + b.sendingAt() + "…");
        }
        LogSettling.settle(state, kubectl, settings, clock, incident, out::println);
    }

    /** Writes the decision the flags give for each batch nothing proves; false (and said) when none was given. */
    private boolean decide(CarryOnPlan plan, Optional<String> unknown, IncidentRecorder incident, Path folder,
                           String context) throws IOException {
        for (BatchState b : plan.needDecision()) {
            if (unknown.isEmpty()) {
                err.println("rollback-console: nothing proves whether the service had batch " + b.index() + " ("
                        + b.records() + " records" + (b.first() == null ? "" : ", " + b.first().sourceSystem() + "/"
                        + b.first().sourceSystemId() + " to " + b.last().sourceSystem() + "/" + b.last().sourceSystemId())
                        + "). Decide: --unknown resend (sent again; records the pod did may be reclustered twice) or"
                        + " --unknown skip (treated as done). Nothing was sent.");
                err.println("  rollback-console recluster --resume " + folder + " --context " + context
                        + " --unknown resend|skip");
                return false;
            }
            boolean resend = unknown.get().equals("resend");
            incident.recordNow(new JournalEntry.Decision(resend ? DecisionKind.RESEND_BATCH : DecisionKind.SKIP_BATCH,
                    b.index(), "Carrying on from the command line: batch " + b.index() + "'s outcome is unknown and its"
                    + " pod's log cannot tell; " + (resend ? "it is sent again" : "it is treated as done")
                    + ", as decided with --unknown " + unknown.get() + "."));
        }
        return true;
    }

    /**
     * The run's new log follow replays up to a second before it starts (--since-time is whole seconds), and a batch
     * takes a Triggered line of its size up to {@link ReclusterTracker#DEFAULT_CLOCK_TOLERANCE} before its send. A
     * run the log settlement has just followed to Complete, of the same size, would be taken for the next batch's:
     * the first send waits until that run's lines are older than both.
     */
    private void awaitSettledLinesOutOfReach() throws InterruptedException {
        if (settledAt == null) {
            return;
        }
        Instant clear = settledAt.plus(ReclusterTracker.DEFAULT_CLOCK_TOLERANCE).plusSeconds(1);
        long wait = Duration.between(clock.instant(), clear).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private int send(CarryOnPlan plan, CarryOnPlan.SentFile f, Kubectl kubectl, ReclusterClient client,
                     IncidentRecorder incident, String pod, String namespace, ReclusterRun.Settings settings,
                     Path folder, String context) throws Exception {
        try (PortForward forward = PodLink.forward(kubectl, pod, client, s -> { }, clock)) {
            int port = forward.awaitUp(Duration.ofSeconds(90));
            out.println("Port-forward: 127.0.0.1:" + port + " -> " + pod + ":8080, GET /health UP");
            awaitSettledLinesOutOfReach();
            try (LogFollow log = PodLink.followFromNow(kubectl, pod, clock, s -> { });
                 SelectedBatches batches = SelectedBatches.open(f.file(), f.batchSize(),
                         ReclusterBatches.DEFAULT_MAX_BODY_BYTES, plan.leading(), plan::sendsWhole);
                 ReclusterRun run = new ReclusterRun(batches, client, ReclusterRun.through(forward), log,
                         new IncidentBatchJournal(incident, () -> namespace), new ReclusterCommand.ProgressLines(out),
                         clock).with(settings).onNotice(n -> out.println(n.text()))) {
                ReclusterRun.Result result = run.start().get(24, TimeUnit.HOURS);
                long processed = result.completedBatches().stream().mapToLong(ReclusterProgress::records).sum();
                incident.flush();
                out.printf(Locale.UK, "%s: %d batches complete, %d records processed%n", result.ending(),
                        result.completedBatches().size(), processed);
                if (!result.detail().isBlank()) {
                    out.println(result.detail());
                }
                out.println("Incident journal: " + folder);
                if (result.ending() != ReclusterRun.Ending.COMPLETE) {
                    out.println("To carry on: rollback-console recluster --resume " + folder + " --context " + context);
                    return 1;
                }
                return 0;
            }
        }
    }

    /** Records and whole batches left to send: {records, whole batches}. */
    private static long[] count(CarryOnPlan plan) throws Exception {
        long records = 0;
        long whole = 0;
        try (SelectedBatches b = SelectedBatches.open(plan.file(), plan.batchSize(), ReclusterBatches.DEFAULT_MAX_BODY_BYTES,
                plan.leading(), plan::sendsWhole)) {
            for (Optional<Batch> next = b.next(); next.isPresent(); next = b.next()) {
                records += next.get().size();
            }
        }
        whole = countWhole(plan);
        return new long[] {records, whole};
    }

    private static long countWhole(CarryOnPlan plan) throws Exception {
        long n = 0;
        try (ReclusterBatches b = ReclusterBatches.open(plan.file(), plan.batchSize(), ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (Optional<Batch> next = b.next(); next.isPresent(); next = b.next()) {
                if (plan.sendsWhole(next.get().number())) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long countRecords(CarryOnPlan.SentFile f) throws Exception {
        long n = 0;
        try (ReclusterBatches b = ReclusterBatches.open(f.file(), f.batchSize(), ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (Optional<Batch> next = b.next(); next.isPresent(); next = b.next()) {
                n += next.get().size();
            }
        }
        return n;
    }

    private static String numbers(List<Integer> n) {
        return String.join(", ", n.stream().map(String::valueOf).toList());
    }
}
