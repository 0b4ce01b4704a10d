package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Ending;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Notice;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.NoticeKind;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Result;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.State;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun.Unfinished;

/**
 * One batch of a {@link ReclusterRun}, from the wait before it to its Complete: the one place where what became of
 * a batch is decided. Before the send: no other run going on the pod, the forward up and the service healthy through
 * it (bounded). After it: a non-2xx answer or none is settled by the batch's own Triggered line; then the run is
 * followed to Complete, or to its end (the pod's log ended, the service's uncaught exception, silence).
 */
final class BatchSend {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ReclusterRun run;

    BatchSend(ReclusterRun run) {
        this.run = run;
    }

    /** Sends one batch and follows it to Complete; null then, or how the run ends in it. */
    Result sendOne(Batch batch, List<ReclusterProgress> done) throws Exception {
        waitForOtherRuns();
        while (true) {
            Optional<URI> base = healthyService(batch);
            if (base.isEmpty()) {
                String why = "the port-forward to " + run.log().pod() + " was not back, with GET /health UP, within "
                        + run.settings().forwardWait().toSeconds() + " s";
                run.journal().stopped(batch, Ending.FORWARD_LOST, 0, why);
                return new Result(Ending.FORWARD_LOST, done, "batch " + batch.number() + " was not sent: " + why,
                        Optional.of(new Unfinished(batch, 0, null)));
            }
            run.set(State.SENDING);
            run.journal().beforeSend(batch, run.log().pod(), run.clock().instant());
            Instant sentAt = run.clock().instant();
            SendOutcome outcome = run.client().send(base.get(), batch);
            run.journal().afterSend(batch, outcome, run.clock().instant());
            if (outcome instanceof SendOutcome.NotSent) {
                // Nothing left whole: the forward went between the health check and the send. Wait for it again.
                continue;
            }
            run.set(State.WAITING_FOR_POD);
            ReclusterTracker tracker = new ReclusterTracker(batch.number(), batch.size(), sentAt, run.clock());
            run.watch().follow(tracker);
            run.progress().accept(tracker.snapshot());
            if (!(outcome instanceof SendOutcome.Accepted)) {
                Result refused = arbitrate(batch, outcome, tracker, done);
                if (refused != null) {
                    return refused;
                }
            }
            return follow(batch, tracker, done);
        }
    }

    /** After a non-2xx answer or none: the pod's own Triggered line says whether it took the batch. */
    private Result arbitrate(Batch batch, SendOutcome outcome, ReclusterTracker tracker, List<ReclusterProgress> done)
            throws InterruptedException {
        Instant until = run.clock().instant().plus(run.settings().takenWithin());
        while (tracker.phase() == Phase.WAITING && run.clock().instant().isBefore(until) && !run.log().isFinished()) {
            run.watch().read(POLL);
        }
        run.progress().accept(tracker.snapshot());
        String answer = outcome instanceof SendOutcome.Rejected r ? "HTTP " + r.status() + ": " + r.body()
                : "no answer (" + ((SendOutcome.Unknown) outcome).reason() + ")";
        if (tracker.phase() != Phase.WAITING) {
            String evidence = "ADMIN RECLUSTER:  Triggered. Number of records: " + batch.size() + ". at "
                    + tracker.snapshot().triggeredAt();
            run.journal().taken(batch, evidence);
            run.notice(new Notice(NoticeKind.TAKEN, "batch " + batch.number() + " got " + answer + ", but pod "
                    + run.log().pod() + " logged “Triggered. Number of records: " + batch.size() + ".” after the"
                    + " send: the service took it. Following it to Complete."));
            return null;
        }
        String waited = " and pod " + run.log().pod() + "'s log showed no “Triggered. Number of records: "
                + batch.size() + ".” within " + run.settings().takenWithin().toSeconds() + " s of the send";
        if (outcome instanceof SendOutcome.Rejected) {
            run.journal().refused(batch, "refused: " + answer + waited);
            run.notice(new Notice(NoticeKind.REFUSED, "batch " + batch.number() + " was refused: " + answer + waited));
            return new Result(Ending.REJECTED, done, "batch " + batch.number() + " was rejected with " + answer
                    + "; " + waited.strip().substring("and ".length()) + ", so the service did not take it: safe to send again once fixed",
                    Optional.of(new Unfinished(batch, 0, null)));
        }
        return new Result(Ending.OUTCOME_UNKNOWN, done, "batch " + batch.number() + ": " + answer + waited
                + ". Look at the pod's log before sending it again.", Optional.of(new Unfinished(batch, 0, null)));
    }

    /** Reads the batch's run to Complete, or to its end: the pod gone, the run died, or silent too long. */
    private Result follow(Batch batch, ReclusterTracker tracker, List<ReclusterProgress> done) throws InterruptedException {
        while (!tracker.snapshot().isComplete()) {
            boolean moved = run.watch().read(POLL);
            run.progress().accept(tracker.snapshot());
            if (tracker.snapshot().isComplete()) {
                break;
            }
            Optional<String> uncaught = run.watch().uncaught();
            Duration silent = Duration.between(run.watch().lastOwnLine(), run.clock().instant());
            Ending end = null;
            String why = null;
            if (uncaught.isPresent()) {
                end = Ending.DIED;
                why = "the run on pod " + run.log().pod() + " died: “" + shorten(uncaught.get()) + "”";
            } else if (!moved && run.log().isFinished()) {
                end = Ending.LOG_ENDED;
                why = "the log of pod " + run.log().pod() + " ended (" + run.log().status() + ") before batch " + batch.number()
                        + " was complete: " + run.log().lastError();
            } else if (silent.compareTo(run.settings().stallAfter()) >= 0) {
                end = Ending.STALLED;
                why = "the run on pod " + run.log().pod() + " has logged nothing of its own for " + silent.toSeconds()
                        + " s (" + tracker.phase() + ")";
            }
            if (end != null) {
                ReclusterProgress last = tracker.snapshot();
                int proven = tracker.provenDone();
                run.journal().ended(batch, last);
                // Journalled for every ending, the pod's death too: what its log proved done is never sent again,
                // and the incident's counts include it.
                run.journal().stopped(batch, end, proven, why);
                return new Result(end, done, end == Ending.LOG_ENDED ? why : "batch " + batch.number() + ": " + why
                        + "; its log proves " + proven + " of its " + batch.size() + " records done.",
                        Optional.of(new Unfinished(batch, proven, last)));
            }
        }
        ReclusterProgress complete = tracker.snapshot();
        run.journal().completed(batch, complete);
        done.add(complete);
        return null;
    }

    /** The service's address once the forward is up and the service healthy through it; empty when the wait ran out. */
    private Optional<URI> healthyService(Batch batch) throws InterruptedException {
        Instant until = run.clock().instant().plus(run.settings().forwardWait());
        boolean waited = false;
        String lastWhy = "";
        while (true) {
            Optional<URI> base = run.serviceSupplier().get();
            String why = base.isEmpty() ? "the port-forward is not up" : null;
            if (base.isPresent()) {
                Health h = run.client().health(base.get());
                why = h.isUp() ? null : "GET /health is not UP: " + h.detail();
            }
            if (why == null) {
                if (waited) {
                    String back = "the port-forward to " + run.log().pod() + " is back on " + base.get() + ", GET /health UP";
                    run.journal().observed(back + "; batch " + batch.number() + " goes now");
                    run.notice(new Notice(NoticeKind.FORWARD_BACK, back));
                }
                return base;
            }
            if (!run.clock().instant().isBefore(until) || run.stopRequested()) {
                return Optional.empty();
            }
            if (!waited || !why.equals(lastWhy)) {
                String text = "batch " + batch.number() + " waits: " + why + "; waiting up to "
                        + run.settings().forwardWait().toSeconds() + " s for it to be back";
                if (!waited) {
                    run.journal().observed(text);
                }
                run.notice(new Notice(NoticeKind.FORWARD_WAIT, text));
                waited = true;
                lastWhy = why;
            }
            run.set(State.WAITING_FOR_FORWARD);
            run.watch().read(POLL);
        }
    }

    /** Two runs on one pod compete: the next batch waits while another run goes there, until it ends or falls silent. */
    private void waitForOtherRuns() throws InterruptedException {
        run.watch().read(Duration.ZERO);
        boolean said = false;
        while (!run.watch().othersGoing(run.settings().stallAfter()).isEmpty() && !run.stopRequested()) {
            if (!said) {
                // Said when the wait begins, not only when the other run started: that may have been during the
                // previous batch, whose progress since says nothing of this wait.
                run.notice(new Notice(NoticeKind.OTHER_RUN, "the next batch waits: another recluster run is going on"
                        + " pod " + run.log().pod() + ", and it is sent once that run has logged Complete"));
                said = true;
            }
            run.set(State.WAITING_FOR_OTHER_RUN);
            run.watch().read(POLL);
        }
    }

    static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

}
