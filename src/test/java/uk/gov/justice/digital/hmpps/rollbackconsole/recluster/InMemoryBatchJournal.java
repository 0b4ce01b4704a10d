package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Keeps what a journal would record, in order, as short lines such as "before 1" or "after 1 Accepted". */
final class InMemoryBatchJournal implements BatchJournal {

    final List<String> entries = new CopyOnWriteArrayList<>();
    volatile Consumer<Batch> onAfterSend = b -> { };

    @Override
    public void beforeSend(Batch batch, String pod, Instant at) {
        entries.add("before " + batch.number() + " " + batch.size() + " to " + pod);
    }

    @Override
    public void afterSend(Batch batch, SendOutcome outcome, Instant at) {
        entries.add("after " + batch.number() + " " + outcome.getClass().getSimpleName());
        onAfterSend.accept(batch);
    }

    @Override
    public void completed(Batch batch, ReclusterProgress progress) {
        entries.add("complete " + batch.number() + " not found " + progress.notFoundIds());
    }

    @Override
    public void taken(Batch batch, String evidence) {
        entries.add("taken " + batch.number() + ": " + evidence);
    }

    @Override
    public void refused(Batch batch, String evidence) {
        entries.add("refused " + batch.number() + ": " + evidence);
    }

    @Override
    public void stopped(Batch batch, ReclusterRun.Ending why, int provenDone, String evidence) {
        entries.add("stopped " + batch.number() + " " + why + " proven " + provenDone + ": " + evidence);
    }

    @Override
    public void observed(String what) {
        entries.add("observed: " + what);
    }
}
