package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.time.Instant;
import java.util.Objects;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import java.util.function.Supplier;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;

/**
 * The recluster run's batches in the incident's journal. A batch is on disk as "sending" before its request goes,
 * so that after a crash it reads as "outcome unknown", never as "not sent", and is never sent again silently.
 */
public final class IncidentBatchJournal implements BatchJournal {

    private final IncidentRecorder incident;
    private final Supplier<String> namespace;
    private String pod;

    /** @param namespace the namespace the pods are in, as the user has it when a batch goes */
    public IncidentBatchJournal(IncidentRecorder incident, Supplier<String> namespace) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public void beforeSend(Batch batch, String pod, Instant at) throws Exception {
        if (!pod.equals(this.pod)) {
            this.pod = pod;
            incident.record(new JournalEntry.PodChosen(namespace.get(), pod));
        }
        incident.recordNow(new JournalEntry.BatchSending(batch.number(), batch.records().get(0),
                batch.records().get(batch.size() - 1), batch.size()));
    }

    @Override
    public void afterSend(Batch batch, SendOutcome outcome, Instant at) {
        JournalEntry.BatchAnswered answer;
        if (outcome instanceof SendOutcome.Accepted a) {
            answer = new JournalEntry.BatchAnswered(batch.number(), a.status(), "accepted");
        } else if (outcome instanceof SendOutcome.Rejected r) {
            answer = new JournalEntry.BatchAnswered(batch.number(), r.status(), "rejected: " + shorten(r.body()));
        } else if (outcome instanceof SendOutcome.NotSent n) {
            // The body never left: the service cannot have started a run for it.
            answer = new JournalEntry.BatchAnswered(batch.number(), null, "not sent: " + n.reason()
                    + " (recorded as unknown, to be safe)");
        } else {
            answer = new JournalEntry.BatchAnswered(batch.number(), null, "outcome unknown: "
                    + ((SendOutcome.Unknown) outcome).reason());
        }
        incident.record(answer);
    }

    @Override
    public void completed(Batch batch, ReclusterProgress progress) {
        incident.record(new JournalEntry.LogMilestone(batch.number(), "ADMIN RECLUSTER: Complete."));
        incident.record(new JournalEntry.RunCounted(batch.number(), progress.records(), progress.notFound(),
                progress.skippedMerged()));
        if (!progress.notFoundIds().isEmpty()) {
            incident.record(new JournalEntry.NotFoundIds(batch.number(), progress.notFoundIds()));
        }
    }

    @Override
    public void ended(Batch batch, ReclusterProgress progress) {
        // The part of the batch its pod did before it went: those records are not sent again, so this is the only
        // report of the ids it could not find.
        if (progress != null && !progress.notFoundIds().isEmpty()) {
            incident.record(new JournalEntry.NotFoundIds(batch.number(), progress.notFoundIds()));
        }
    }

    @Override
    public void taken(Batch batch, String evidence) {
        incident.record(new JournalEntry.RunObserved(batch.number(), JournalEntry.RunObserved.TAKEN, null,
                "the answer was not a 2xx, but the pod's log shows the batch taken: " + evidence));
    }

    @Override
    public void refused(Batch batch, String evidence) {
        incident.record(new JournalEntry.RunObserved(batch.number(), JournalEntry.RunObserved.REFUSED, null, evidence));
    }

    @Override
    public void stopped(Batch batch, ReclusterRun.Ending why, int provenDone, String evidence) {
        incident.record(new JournalEntry.RunObserved(batch.number(), why.name(), provenDone, evidence));
    }

    @Override
    public void observed(String what) {
        incident.record(new JournalEntry.RunObserved(null, "NOTE", null, what));
    }

    private static String shorten(String body) {
        String b = body == null ? "" : body.strip();
        return b.length() > 300 ? b.substring(0, 300) + "\u2026" : b;
    }
}
