package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.CarryOnPlan;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.LogSettling;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.DecisionKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.IncidentState;
import uk.gov.justice.digital.hmpps.rollbackconsole.session.JournalEntry;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.DialogService;
import uk.gov.justice.digital.hmpps.rollbackconsole.ui.shell.Message;

/**
 * Which batches a send carried on from an unfinished incident's journal leaves out and which it sends: the batch
 * size the journal cut the file with, batches recorded as sent (never again), batches never sent or refused (sent
 * now), and, for each batch of unknown outcome with no decision in the journal, the user's answer (resend, skip or
 * stop), written to the journal through {@code record} before anything else happens.
 */
final class JournalContinuation {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    /** What was prepared, or null when nothing was (the message, if any, says why), and what to tell the user. */
    record Prepared(Resumption resumption, Optional<Message> message) {
    }

    private JournalContinuation() {
    }

    /**
     * @param record writes a decision to the journal; false when it could not (and has said so), which stops here
     */
    static Prepared prepare(IncidentState state, DialogService dialogs, Predicate<JournalEntry.Decision> record) {
        int size = state.plan().map(p -> p.maxRecordsPerBatch()).orElseGet(() -> state.batches().stream()
                .mapToInt(uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState::records).max()
                .orElse(ReclusterBatches.DEFAULT_BATCH_SIZE));
        if (size < 1) {
            size = ReclusterBatches.DEFAULT_BATCH_SIZE;
        }
        java.util.Set<Integer> skippedBefore = new java.util.HashSet<>();
        for (JournalEntry.Decision d : state.decisions()) {
            if (d.batchIndex() != null && d.kind() == DecisionKind.SKIP_BATCH) {
                skippedBefore.add(d.batchIndex());
            } else if (d.batchIndex() != null && d.kind() == DecisionKind.RESEND_BATCH) {
                skippedBefore.remove(d.batchIndex());
            }
        }
        List<Integer> sent = new java.util.ArrayList<>();
        List<Integer> send = new java.util.ArrayList<>();
        List<Integer> rests = new java.util.ArrayList<>();
        List<Integer> toSettle = new java.util.ArrayList<>();
        java.util.Set<Integer> settled = new java.util.HashSet<>();
        state.settled().forEach(b -> settled.add(b.index()));
        for (var b : state.batches()) {
            if (b.mayBeSent() && !skippedBefore.contains(b.index())) {
                send.add(b.index());
                continue;
            }
            if (b.mayHaveRun() && !settled.contains(b.index()) && !skippedBefore.contains(b.index())) {
                if (state.endedWithProven(b.index()).isPresent()) {
                    // Its run ended part way: the records its log does not prove done are sent first.
                    sent.add(b.index());
                    rests.add(b.index());
                    continue;
                }
                if (b.outcome() == uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome.SENT
                        && !LogSettling.read(state, b.index()) && LogSettling.podOf(state, b.index()) != null) {
                    // Taken, never seen complete: its pod's log says what became of it. Read when Send is pressed,
                    // before anything is sent. (One of unknown outcome is asked about, as before.)
                    sent.add(b.index());
                    toSettle.add(b.index());
                    continue;
                }
            }
            if (b.outcome() != uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchOutcome.OUTCOME_UNKNOWN
                    || skippedBefore.contains(b.index())) {
                sent.add(b.index());
                continue;
            }
            String question = "The journal records batch " + b.index() + " (" + COUNT.format(b.records()) + " records, "
                    + b.first().sourceSystem().name() + "/" + b.first().sourceSystemId() + " to "
                    + b.last().sourceSystem().name() + "/" + b.last().sourceSystemId() + ") as sent"
                    + state.pod().map(p -> " to pod " + p.pod()).orElse("") + " with no answer: the pod may have "
                    + "reclustered it, or may never have had it. Look at the pod's log for \"Triggered. Number of records: "
                    + b.records() + ".\" before deciding.\n\nResend: it is sent again with the batches never sent.\n"
                    + "Skip: it is treated as done.\nStop: nothing is sent now.";
            Optional<DecisionKind> answer = UnknownOutcomeQuestion.ask(dialogs, b.index(), question);
            if (answer.isEmpty()) {
                return failed(Message.info("Nothing was prepared: batch " + b.index() + "'s outcome is unknown, and "
                        + "it needs a decision first."));
            }
            DecisionKind kind = answer.get();
            String text = switch (kind) {
                case RESEND_BATCH -> "Carrying on from the journal: batch " + b.index() + " had no answer; it is to be "
                        + "sent again, as decided.";
                case SKIP_BATCH -> "Carrying on from the journal: batch " + b.index() + " had no answer; treated as "
                        + "done, as decided.";
                default -> "Carrying on from the journal: batch " + b.index() + " had no answer; stopped there, as "
                        + "decided.";
            };
            if (!record.test(new JournalEntry.Decision(kind, b.index(), text))) {
                // The decision could not be written; record said why.
                return new Prepared(null, Optional.empty());
            }
            if (kind == DecisionKind.STOP) {
                return failed(Message.warning("Stopped, as decided: nothing is sent. Batch " + b.index()
                        + " stays recorded as outcome unknown."));
            }
            (kind == DecisionKind.RESEND_BATCH ? send : sent).add(b.index());
        }
        // Batches after the last the journal knows of were never sent (a journal without a plan lists only those
        // it started); whether there are any is found when the file is cut again.
        int known = state.batches().stream().mapToInt(uk.gov.justice.digital.hmpps.rollbackconsole.session.BatchState::index)
                .max().orElse(0);
        var x = CarryOnPlan.sentFile(state).orElseThrow();
        long records = state.send().map(JournalEntry.SendStarted::records)
                .orElseGet(() -> state.export().map(JournalEntry.Exported::records).orElse(0L));
        ExportResult export = new ExportResult(x.file(), records, 0, x.sha256(), Duration.ZERO);
        Resumption resumption = new Resumption(state, export, size, sent, send, known, rests, toSettle);
        List<Integer> neverSeenComplete = state.sent().stream().map(b -> b.index())
                .filter(i -> state.runs().stream().noneMatch(r -> r.batchIndex() == i))
                .filter(i -> !rests.contains(i) && !toSettle.contains(i) && !settled.contains(i)).toList();
        return new Prepared(resumption, Optional.of(Message.info((state.stoppedDuringRun() ? "This incident stopped during the recluster run. " : "")
                + "Carrying on incident " + state.folder().getFileName() + ": "
                + (send.isEmpty() ? "" : "batches " + ReclusterStepViewModel.numbers(send) + ", and ") + "any batch after " + known
                + " that was never sent, from " + x.file().getFileName() + ". "
                + (rests.isEmpty() ? "" : "The run of batch " + ReclusterStepViewModel.numbers(rests) + " ended part way:"
                + " the records its pod's log does not prove done are sent first. ")
                + (toSettle.isEmpty() ? "" : "Batch " + ReclusterStepViewModel.numbers(toSettle) + " was sent but never"
                + " seen complete: when you press Send, its pod's log is read first and settles it (done, ended part"
                + " way, or never taken), before anything is sent. ")
                + (sent.isEmpty() ? "" : "Batches " + ReclusterStepViewModel.numbers(sent) + " are not sent again. ")
                + (neverSeenComplete.isEmpty() ? "" : "The service took batches " + ReclusterStepViewModel.numbers(neverSeenComplete)
                + " but their runs were never seen complete (a pod may have died): they are not sent again from here;"
                + " look at the pods' logs. ")
                + "With a pod's port-forward up (pick one and start it if none is), press Send.")));
    }

    private static Prepared failed(Message why) {
        return new Prepared(null, Optional.of(why));
    }
}
