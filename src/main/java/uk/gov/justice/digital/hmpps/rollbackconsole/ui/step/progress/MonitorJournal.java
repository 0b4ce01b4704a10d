package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.BatchJournal;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;

/**
 * The run's journal as the screen sees it: each entry goes to the incident's journal first (if it cannot record a
 * batch, that batch is not sent), then to the screen, queued for the UI thread.
 */
final class MonitorJournal implements BatchJournal {

    private final Optional<BatchJournal> incident;
    private final Consumer<Runnable> screen;
    private final ReclusterMonitor monitor;

    MonitorJournal(Optional<BatchJournal> incident, Consumer<Runnable> screen, ReclusterMonitor monitor) {
        this.incident = Objects.requireNonNull(incident, "incident");
        this.screen = Objects.requireNonNull(screen, "screen");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void beforeSend(Batch batch, String pod, Instant at) throws Exception {
        if (incident.isPresent()) {
            incident.get().beforeSend(batch, pod, at);
        }
        List<RecordKey> keys = batch.records();
        SentRecord.SentBatch s = new SentRecord.SentBatch(batch.number(), batch.firstRecord(), batch.size(),
                RunWording.record(batch.firstRecord(), keys.get(0)),
                RunWording.record(batch.firstRecord() + keys.size() - 1, keys.get(keys.size() - 1)), pod, at);
        screen.accept(() -> monitor.sending(s));
    }

    @Override
    public void afterSend(Batch batch, SendOutcome outcome, Instant at) {
        incident.ifPresent(j -> j.afterSend(batch, outcome, at));
        int number = batch.number();
        screen.accept(() -> monitor.answered(number, outcome));
    }

    @Override
    public void ended(Batch batch, ReclusterProgress progress) {
        incident.ifPresent(j -> j.ended(batch, progress));
    }

    @Override
    public void taken(Batch batch, String evidence) {
        incident.ifPresent(j -> j.taken(batch, evidence));
        int number = batch.number();
        screen.accept(() -> {
            BatchRow row = monitor.row(number);
            if (row != null) {
                row.http(row.httpProperty().get().replace(" rejected", "") + ", taken (log)");
                row.status("taken, as its log shows");
            }
        });
    }

    @Override
    public void refused(Batch batch, String evidence) {
        incident.ifPresent(j -> j.refused(batch, evidence));
    }

    @Override
    public void stopped(Batch batch, ReclusterRun.Ending why, int provenDone, String evidence) {
        incident.ifPresent(j -> j.stopped(batch, why, provenDone, evidence));
    }

    @Override
    public void observed(String what) {
        incident.ifPresent(j -> j.observed(what));
    }

    @Override
    public void completed(Batch batch, ReclusterProgress progress) {
        incident.ifPresent(j -> j.completed(batch, progress));
        screen.accept(() -> monitor.progressed(progress));
    }
}
