package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.Environment;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.Kubectl;
import uk.gov.justice.digital.hmpps.rollbackconsole.kube.PortForward;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.RunEstimate;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterMonitor;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ReclusterPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.ResendOffer;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunContinuation;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress.RunWording;

/**
 * What the Send step asks and decides once a run has ended part way: send the rest to a pod (a dead pod's to
 * another; after a died or stalled run, the same or another), or what to do with a batch of unknown outcome. Each
 * answer is confirmed by the user and journalled before anything is sent; the step ({@link Host}) keeps kubectl and
 * the port-forwards and starts the next run.
 */
final class RunCarryOn implements RunContinuation {

    /** The step's side: its kubectl, its port-forward, the journal, and starting the next run in the same monitor. */
    interface Host {
        /** A rest is already on its way, or the step is busy. */
        boolean carryingOn();

        Environment environment();

        Kubectl kubectl();

        PortForward forward();

        void forwardMessage(Message m);

        boolean decide(ReclusterMonitor monitor, JournalEntry.Decision decision);

        PortForward forwardAndThen(Kubectl k, String pod, Runnable onUp, Consumer<String> failed);

        PortForward awaitedOrCurrent(String pod);

        void carryOn(ReclusterMonitor monitor, ReclusterPlan plan, PortForward f, List<Batch> leading,
                     IntPredicate include, Optional<ReclusterRun.Unfinished> carried, String rowStatus, String why);

        void otherReadyPods(String except, Consumer<List<String>> found, Consumer<String> failed);
    }

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final Host host;
    private final DialogService dialogs;

    RunCarryOn(Host host, DialogService dialogs) {
        this.host = host;
        this.dialogs = dialogs;
    }

    @Override
    public void otherReadyPods(String except, Consumer<List<String>> found, Consumer<String> failed) {
        host.otherReadyPods(except, found, failed);
    }

    @Override
    public void resendRest(ReclusterMonitor monitor, ResendOffer offer, String pod) {
        if (host.carryingOn()) {
            // Already on its way: one confirmation sends the rest once.
            return;
        }
        ReclusterPlan was = monitor.plan();
        int k = offer.batchNumber();
        String rest = offer.rest().map(b -> "the rest of batch " + k + ", " + COUNT.format(b.size()) + " records ("
                + key(b, 0) + " to " + key(b, b.size() - 1) + "), then ").orElse("");
        String later = offer.laterBatches() == 0 ? "no later batch"
                : "batches " + (k + 1) + " to " + was.batches() + " (" + COUNT.format(offer.laterRecords()) + " records)";
        String ended = offer.podAlive() ? "The run on pod " + offer.deadPod() + " ended early (died or stalled)"
                : "Pod " + offer.deadPod() + " died";
        String question = ended + " in batch " + k + ". Its log proves "
                + COUNT.format(offer.provenDone()) + " of that batch's " + COUNT.format(offer.unfinished().batch().size())
                + " records reclustered; they are not sent again.\n\nPod: " + pod + "\nNamespace: " + was.namespace()
                + "\nSent to it: " + rest + later + ".\nIn all: " + COUNT.format(offer.records()) + " records in "
                + COUNT.format(offer.requests()) + " requests." + time(monitor, offer.records()) + "\n\nA new port-forward goes to " + pod + ", and progress is "
                + "read from its log. Each batch is sent once, the next only after " + pod + " has logged the previous "
                + "one complete.";
        if (!dialogs.confirm("Send the rest, " + COUNT.format(offer.records()) + " records, to pod " + pod + "?",
                question, "Send the rest")) {
            return;
        }
        Environment env = host.environment();
        if (env != null && env.isProduction()) {
            Optional<String> typed = dialogs.ask("Confirm the production namespace", "This sends to PRODUCTION. Type "
                    + "the namespace, " + was.namespace() + ", to send " + COUNT.format(offer.records())
                    + " records to pod " + pod + ".");
            if (typed.isEmpty() || !typed.get().trim().equals(was.namespace())) {
                monitor.decided(Message.error("Nothing was sent to " + pod + ": the namespace was not typed. The rest "
                        + "can still be sent from here."));
                return;
            }
        }
        String text = ended + " in batch " + k + "; its log proves " + offer.provenDone()
                + " of its " + offer.unfinished().batch().size() + " records reclustered, and they are not sent again."
                + " Sending to pod " + pod + ": " + rest + later + ".";
        if (!host.decide(monitor, new JournalEntry.Decision(DecisionKind.RESEND_BATCH, k, text))) {
            return;
        }
        Kubectl kc = host.kubectl();
        if (kc == null) {
            monitor.decided(Message.error("Nothing was sent: kubectl is not set up. Find the pods in the Port-forward "
                    + "and recluster step."));
            return;
        }
        ReclusterPlan next = new ReclusterPlan(was.environment(), was.context(), was.namespace(), pod, was.file(),
                was.sha256(), was.records(), was.batches(), was.batchSize());
        List<Batch> leading = offer.rest().map(List::of).orElse(List.of());
        PortForward f = host.forwardAndThen(kc, pod, () -> host.carryOn(monitor, next, host.awaitedOrCurrent(pod), leading,
                n -> n > k, Optional.of(offer.unfinished()), (offer.podAlive() ? "run ended; " : "pod died; ")
                        + COUNT.format(offer.provenDone()) + " done",
                "Sending the rest to pod " + pod + ": " + rest + later + ". Followed on " + pod + "'s log."),
                problem -> monitor.decided(Message.error("Nothing was sent: " + problem + ". The rest can still be "
                        + "sent once a pod is Ready.")));
        host.forwardMessage(Message.info("Starting the port-forward to pod " + f.pod() + " for the rest\u2026"));
    }

    @Override
    public void decideUnknown(ReclusterMonitor monitor, ReclusterRun.Unfinished unfinished) {
        Batch b = unfinished.batch();
        int k = b.number();
        ReclusterPlan plan = monitor.plan();
        String question = "Batch " + k + " (" + COUNT.format(b.size()) + " records, " + key(b, 0) + " to "
                + key(b, b.size() - 1) + ") was sent to pod " + plan.pod() + ", and no answer came: the pod may be "
                + "reclustering it now, or may never have had it. Look at the pod's log first:\n\n    kubectl logs pod/"
                + plan.pod() + " -n " + plan.namespace() + " --since=15m | grep 'ADMIN RECLUSTER'\n\n"
                + "Resend: it never started there (no \"Triggered. Number of records: " + b.size() + ".\"); batch " + k
                + " is sent again, then the rest.\nSkip: it ran; it is treated as done and batch " + (k + 1)
                + " goes next.\nStop: nothing more is sent now.";
        Optional<DecisionKind> answer = UnknownOutcomeQuestion.ask(dialogs, k, question);
        if (answer.isEmpty()) {
            return;
        }
        DecisionKind kind = answer.get();
        String text = switch (kind) {
            case RESEND_BATCH -> "Batch " + k + " had no answer from pod " + plan.pod() + "; sent again, as decided, "
                    + "then the batches after it.";
            case SKIP_BATCH -> "Batch " + k + " had no answer from pod " + plan.pod() + "; treated as done, as decided;"
                    + " sending goes on with batch " + (k + 1) + ".";
            default -> "Batch " + k + " had no answer from pod " + plan.pod() + "; stopped there, as decided.";
        };
        if (!host.decide(monitor, new JournalEntry.Decision(kind, k, text))) {
            return;
        }
        switch (kind) {
            case STOP -> monitor.decided(Message.warning("Stopped, as decided, at batch " + k + " of "
                    + COUNT.format(plan.batches()) + ": it stays recorded as outcome unknown, and no batch after it was"
                    + " sent. Records from " + key(b, 0) + " on are not known to be done."));
            case SKIP_BATCH -> {
                monitor.skipped(k, b.size(), "treated as done");
                if (k >= plan.batches()) {
                    monitor.decided(Message.warning("Batch " + k + " is treated as done, as decided. It was the last"
                            + " batch: nothing more to send."));
                } else {
                    host.carryOn(monitor, plan, host.forward(), List.of(), n -> n > k, Optional.empty(), null,
                            "Batch " + k + " is treated as done, as decided; sending batch " + (k + 1) + " on.");
                }
            }
            default -> host.carryOn(monitor, plan, host.forward(), List.of(), n -> n >= k, Optional.of(unfinished),
                    "sent again", "Sending batch " + k + " again, as decided, then the rest.");
        }
    }

    /** The time the rest will take at the rate the run showed, when it showed one. */
    private static String time(ReclusterMonitor monitor, long records) {
        double rate = monitor.measuredRate();
        return rate <= 0 ? "" : "\nTime: about " + RunEstimate.duration(RunEstimate.measured(records, rate))
                + String.format(Locale.UK, " at the rate measured so far (%.1f steps a second).", rate);
    }

    private static String key(Batch b, int i) {
        return RunWording.record(b.firstRecord() + i, b.records().get(i));
    }
}
