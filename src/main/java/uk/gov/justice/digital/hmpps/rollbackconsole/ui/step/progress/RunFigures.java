package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.progress;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterProgress;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterRun;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.SendOutcome;

/**
 * A run's figures as Progress shows them, on the UI thread: the totals (steps, batches, rate, time left, skipped,
 * not found), the batch the pod is on, the table of batches sent and the ids the service did not find. Work done by
 * runs this one carries on from counts as done.
 */
final class RunFigures {

    /** More not-found ids than this are counted but not listed. */
    static final int MAX_LISTED_NOT_FOUND = 10_000;

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private final Supplier<ReclusterPlan> plan;
    private final Clock clock;
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DONE_AT = DateTimeFormatter.ofPattern("HH:mm");
    private final ReadOnlyStringWrapper elapsedText = new ReadOnlyStringWrapper(this, "elapsedText", "");
    private Instant startedAt;
    private final ReadOnlyDoubleWrapper overall = new ReadOnlyDoubleWrapper(this, "overall");
    private final ReadOnlyStringWrapper overallText = new ReadOnlyStringWrapper(this, "overallText", "");
    private final ReadOnlyStringWrapper batchesText = new ReadOnlyStringWrapper(this, "batchesText", "");
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper(this, "phaseText", "");
    private final ReadOnlyDoubleWrapper upsert = new ReadOnlyDoubleWrapper(this, "upsert");
    private final ReadOnlyStringWrapper upsertText = new ReadOnlyStringWrapper(this, "upsertText", "");
    private final ReadOnlyDoubleWrapper recluster = new ReadOnlyDoubleWrapper(this, "recluster");
    private final ReadOnlyStringWrapper reclusterText = new ReadOnlyStringWrapper(this, "reclusterText", "");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper(this, "rateText", "");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyIntegerWrapper skippedMerged = new ReadOnlyIntegerWrapper(this, "skippedMerged");
    private final ReadOnlyIntegerWrapper notFound = new ReadOnlyIntegerWrapper(this, "notFound");
    private final ReadOnlyIntegerWrapper batchesComplete = new ReadOnlyIntegerWrapper(this, "batchesComplete");
    private final ObservableList<BatchRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> notFoundIds = FXCollections.observableArrayList();
    private final ObservableList<BatchRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> notFoundIdsView = FXCollections.unmodifiableObservableList(notFoundIds);
    private final Map<Integer, Integer> listedNotFound = new HashMap<>();
    private final SentRecord record = new SentRecord();
    private int notFoundTotal;
    private double lastRate;
    /** The batch sent and not yet seen started in the pod's log; 0 when none is. */
    private int unsettled;
    // Work done by runs this one carries on from, which their batches' later progress no longer shows.
    private long carriedItems;
    private int carriedSkipped;
    private int skippedBatches;

    /** @param clock the lead's clock: elapsed time, the wall-clock ETA and each batch's times */
    RunFigures(Supplier<ReclusterPlan> plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
        batchesText.set("0 of " + COUNT.format(plan().batches()) + " batches complete");
        overallText.set("0 of " + COUNT.format(plan().records() * 2) + " steps (each record is upserted, then reclustered)");
    }

    private ReclusterPlan plan() {
        return plan.get();
    }

    SentRecord record() {
        return record;
    }

    /** Counts the records of the batch a run ended in that its log proved done, as a run carries on from it. */
    void carried(ReclusterRun.Unfinished u, String rowStatus) {
        ReclusterProgress was = record.latest().remove(u.batch().number());
        carriedItems += 2L * u.provenDone();
        if (was != null) {
            carriedSkipped += was.skippedMerged();
        }
        BatchRow row = row(u.batch().number());
        if (row != null) {
            row.status(rowStatus);
        }
    }

    /** Counts records and batches that an earlier run of the incident sent as done, when carrying it on. */
    void alreadyDone(long records, int batches) {
        carriedItems += 2 * records;
        skippedBatches += batches;
        record.sentBefore(batches);
        if (!record.latest().isEmpty() || records > 0) {
            overall.set(Math.min(1.0, (double) carriedItems / Math.max(1, plan().records() * 2)));
        }
        batchesText.set(COUNT.format(batchesComplete.get() + batches) + " of " + COUNT.format(plan().batches())
                + " batches complete");
    }

    /** A batch of unknown outcome that the user chose to treat as done. */
    void skipped(int batchNumber, int records, String rowStatus) {
        carriedItems += 2L * records;
        BatchRow row = row(batchNumber);
        if (row != null) {
            row.status(rowStatus);
        }
        record.latest().remove(batchNumber);
        skippedBatches++;
        record.decidedDone(batchNumber);
    }

    void sending(SentRecord.SentBatch s) {
        record.sent(s);
        BatchRow row = new BatchRow(s.number(), s.first(), s.last(), s.size(), s.pod());
        row.sentAt(clockTime(s.at()));
        if (startedAt == null) {
            startedAt = s.at();
        }
        elapsed();
        rows.add(row);
        phaseText.set("Batch " + s.number() + " of " + COUNT.format(plan().batches()) + ": sending "
                + COUNT.format(s.size()) + " records");
        unsettled = s.number();
        upsert.set(0);
        recluster.set(0);
        upsertText.set("");
        reclusterText.set("");
    }

    void answered(int number, SendOutcome outcome) {
        BatchRow row = row(number);
        if (row == null) {
            return;
        }
        if (outcome instanceof SendOutcome.Accepted a) {
            row.http(a.status() + " accepted");
            row.status("waiting for the pod");
        } else if (outcome instanceof SendOutcome.Rejected r) {
            row.http(r.status() + " rejected");
            row.status("rejected");
        } else if (outcome instanceof SendOutcome.Unknown) {
            row.http("no answer");
            row.status("outcome unknown");
        } else if (outcome instanceof SendOutcome.NotSent) {
            row.http("not sent");
            row.status("not sent");
        }
    }

    void progressed(ReclusterProgress p) {
        record.latest().put(p.batch(), p);
        int listed = listedNotFound.getOrDefault(p.batch(), 0);
        List<String> ids = p.notFoundIds();
        if (ids.size() > listed) {
            notFoundTotal += ids.size() - listed;
            int room = MAX_LISTED_NOT_FOUND - notFoundIds.size();
            if (room > 0) {
                notFoundIds.addAll(ids.subList(listed, Math.min(ids.size(), listed + room)));
            }
            listedNotFound.put(p.batch(), ids.size());
        }
        BatchRow row = row(p.batch());
        if (row != null) {
            if (p.isComplete() && !row.ended()) {
                row.endedAt(clockTime(p.observedAt()));
            }
            row.notFound(p.notFound());
            row.status(switch (p.phase()) {
                case WAITING -> "waiting for the pod";
                case UPSERT -> "upsert " + p.upsert().item() + "/" + p.upsert().count();
                case RECLUSTER -> "recluster " + p.recluster().item() + "/" + p.recluster().count();
                case COMPLETE -> "complete";
            });
        }
        String of = "Batch " + p.batch() + " of " + COUNT.format(plan().batches()) + ": ";
        unsettled = p.phase() == uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Phase.WAITING ? p.batch() : 0;
        phaseText.set(of + switch (p.phase()) {
            case WAITING -> "sent; waiting for the pod to log that it has started";
            case UPSERT -> "upserting to hmpps-person-match";
            case RECLUSTER -> "reclustering";
            case COMPLETE -> "complete";
        });
        upsert.set(fraction(p.upsert()));
        upsertText.set("Upsert " + p.upsert().item() + " / " + p.upsert().count());
        recluster.set(fraction(p.recluster()));
        reclusterText.set("Recluster " + p.recluster().item() + " / " + p.recluster().count());
        recount(p);
    }

    private void recount(ReclusterProgress current) {
        long items = carriedItems;
        int skipped = carriedSkipped;
        int complete = skippedBatches;
        for (ReclusterProgress p : record.latest().values()) {
            items += p.upsert().item() + p.recluster().item();
            skipped += p.skippedMerged();
            complete += p.isComplete() ? 1 : 0;
        }
        long total = Math.max(1, plan().records() * 2);
        overall.set(Math.min(1.0, (double) items / total));
        overallText.set(COUNT.format(items) + " of " + COUNT.format(total)
                + " steps (each record is upserted, then reclustered)");
        batchesComplete.set(complete);
        batchesText.set(COUNT.format(complete) + " of " + COUNT.format(plan().batches()) + " batches complete");
        skippedMerged.set(skipped);
        notFound.set(notFoundTotal);
        // Between batches the new batch has no rate yet: the last one's is the better guess.
        double rate = current.itemsPerSecond() > 0 ? current.itemsPerSecond() : lastRate;
        lastRate = rate;
        elapsed();
        if (rate > 0) {
            rateText.set(String.format(Locale.UK, "%.1f steps a second", rate));
            Duration left = Duration.ofSeconds((long) Math.ceil((total - items) / rate));
            etaText.set(complete == plan().batches() ? "done" : "about " + RunWording.duration(left) + ", done at about "
                    + DONE_AT.format(clock.instant().plus(left).atZone(clock.getZone())));
        } else if (!current.isComplete()) {
            rateText.set("not known yet");
            etaText.set("not known yet");
        }
    }

    /** The run has ended: the batches it reports complete are counted, and the time left says how it ended. */
    void ended(ReclusterRun.Result r) {
        int open = unsettled;
        elapsed();
        for (ReclusterProgress p : r.completedBatches()) {
            if (!record.latest().containsKey(p.batch()) || !record.latest().get(p.batch()).isComplete()) {
                progressed(p);
            }
        }
        if (r.ending() == ReclusterRun.Ending.COMPLETE) {
            // The batch card speaks of the whole file now, not of the last batch's counts.
            String all = COUNT.format(plan().records());
            phaseText.set("All " + COUNT.format(plan().batches()) + " batches complete");
            upsert.set(1);
            recluster.set(1);
            upsertText.set("Upsert " + all + " / " + all);
            reclusterText.set("Recluster " + all + " / " + all);
            etaText.set("done");
        }
        if (open > 0 && r.ending() != ReclusterRun.Ending.COMPLETE) {
            // Not "waiting for the pod" under a run that has ended: what became of the batch.
            phaseText.set("Batch " + open + " of " + COUNT.format(plan().batches()) + ": " + switch (r.ending()) {
                case REJECTED -> "refused by the service; not taken";
                case OUTCOME_UNKNOWN -> "no answer; the pod never logged that it started";
                case FORWARD_LOST -> "not sent";
                default -> "sent; the pod never logged that it started";
            });
        }
        if (open == 0 && r.ending() == ReclusterRun.Ending.FORWARD_LOST && r.unfinished().isPresent()) {
            // The batch that was never sent, not the last one complete ("Batch 1 of 3: complete" under a red
            // "Port-forward lost").
            var b = r.unfinished().get().batch();
            String none = "0 / " + COUNT.format(b.size());
            phaseText.set("Batch " + b.number() + " of " + COUNT.format(plan().batches())
                    + ": not sent; the port-forward was not back");
            upsert.set(0);
            recluster.set(0);
            upsertText.set("Upsert " + none);
            reclusterText.set("Recluster " + none);
        }
        if (r.ending() == ReclusterRun.Ending.LOG_ENDED) {
            etaText.set("not known: the pod's log ended");
        } else if (r.ending() != ReclusterRun.Ending.COMPLETE) {
            etaText.set("not known: the run has ended");
        }
    }

    /** The rate the pod's log showed last, in upsert and recluster steps a second; 0 before it showed one. */
    double measuredRate() {
        return lastRate;
    }

    private void elapsed() {
        if (startedAt != null) {
            Duration d = Duration.between(startedAt, clock.instant());
            elapsedText.set(RunWording.duration(d.isNegative() ? Duration.ZERO : d) + " since " + clockTime(startedAt));
        }
    }

    private String clockTime(Instant at) {
        return CLOCK_TIME.format(at.atZone(clock.getZone()));
    }

    BatchRow row(int number) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).number() == number) {
                return rows.get(i);
            }
        }
        return null;
    }

    private static double fraction(ReclusterProgress.PhaseProgress p) {
        return p.count() <= 0 ? 0 : Math.min(1.0, (double) p.item() / p.count());
    }

    ReadOnlyDoubleProperty overallProperty() { return overall.getReadOnlyProperty(); }
    ReadOnlyStringProperty overallTextProperty() { return overallText.getReadOnlyProperty(); }
    ReadOnlyStringProperty batchesTextProperty() { return batchesText.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty batchesCompleteProperty() { return batchesComplete.getReadOnlyProperty(); }
    ReadOnlyStringProperty phaseTextProperty() { return phaseText.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty upsertProperty() { return upsert.getReadOnlyProperty(); }
    ReadOnlyStringProperty upsertTextProperty() { return upsertText.getReadOnlyProperty(); }
    ReadOnlyDoubleProperty reclusterProperty() { return recluster.getReadOnlyProperty(); }
    ReadOnlyStringProperty reclusterTextProperty() { return reclusterText.getReadOnlyProperty(); }
    ReadOnlyStringProperty rateTextProperty() { return rateText.getReadOnlyProperty(); }
    ReadOnlyStringProperty etaTextProperty() { return etaText.getReadOnlyProperty(); }
    ReadOnlyStringProperty elapsedTextProperty() { return elapsedText.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty skippedMergedProperty() { return skippedMerged.getReadOnlyProperty(); }
    ReadOnlyIntegerProperty notFoundProperty() { return notFound.getReadOnlyProperty(); }
    ObservableList<BatchRow> rows() { return rowsView; }
    ObservableList<String> notFoundIds() { return notFoundIdsView; }
}
