package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.send;

import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.Batch;
import uk.gov.justice.digital.hmpps.rollbackconsole.recluster.ReclusterBatches;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;

/**
 * What a send will send, read off the file before anything goes: the file is the one exported (SHA-256 again), cut
 * into batches as the plan (or the first run, when carrying an incident on) cut it, and as many records as exported.
 * Slow: run in the background.
 */
final class SendCount {

    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    private SendCount() {
    }

    static Counted of(ExportResult export, int size) throws Exception {
        checkUnchanged(export);
        long records = 0;
        int batches = 0;
        try (ReclusterBatches b = ReclusterBatches.open(export.file(), size, ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (var next = b.next(); next.isPresent(); next = b.next()) {
                batches++;
                records += next.get().size();
            }
        }
        if (records != export.records()) {
            throw new IllegalStateException("The file holds " + COUNT.format(records) + " records, but "
                    + COUNT.format(export.records()) + " were exported. Nothing was sent; export again.");
        }
        return new Counted(records, batches, records, batches, java.util.stream.IntStream.rangeClosed(1, batches)
                .boxed().toList());
    }

    static void checkUnchanged(ExportResult export) throws IOException {
        checkUnchanged(export.file(), export.sha256());
    }

    static void checkUnchanged(Path file, String sha256) throws IOException {
        ExportResult export = new ExportResult(file, 0, 0, sha256, Duration.ZERO);
        String now = Sha256.of(export.file());
        if (!now.equals(export.sha256())) {
            throw new IllegalStateException(export.file() + " has changed since it was exported (SHA-256 was "
                    + export.sha256() + ", is now " + now + "). Nothing was sent. Export again, or find out who "
                    + "changed it.");
        }
    }

    /** What is sent (batches by number), and what the whole file holds. */
    record Counted(long records, int batches, long fileRecords, int fileBatches, List<Integer> numbers) {
    }

    /** Cuts the file as the first run did and counts the batches the resumption sends. */
    static Counted of(Resumption r) throws Exception {
        ExportResult export = r.export();
        checkUnchanged(export);
        long records = 0;
        int batches = 0;
        long fileRecords = 0;
        int fileBatches = 0;
        List<Integer> numbers = new java.util.ArrayList<>();
        try (ReclusterBatches b = ReclusterBatches.open(export.file(), r.batchSize(),
                ReclusterBatches.DEFAULT_MAX_BODY_BYTES)) {
            for (var next = b.next(); next.isPresent(); next = b.next()) {
                Batch batch = next.get();
                fileBatches++;
                fileRecords += batch.size();
                var journalled = r.state().batch(batch.number());
                if (journalled.isPresent() && journalled.get().last() != null
                        && !journalled.get().last().equals(batch.records().get(batch.size() - 1))) {
                    // Even the rest of a batch resent elsewhere ends with the batch's last record.
                    throw new IllegalStateException("Batch " + batch.number() + " of " + export.file().getFileName()
                            + " does not end with the record the journal recorded for it; the file is not cut as it was"
                            + ". Nothing was sent.");
                }
                if (r.sends(batch.number())) {
                    batches++;
                    records += batch.size();
                    numbers.add(batch.number());
                }
            }
        }
        for (Batch rest : rests(r)) {
            // Sent first, under its batch's number; not a whole batch of the file.
            batches++;
            records += rest.size();
        }
        if (fileRecords != export.records()) {
            throw new IllegalStateException("The file holds " + COUNT.format(fileRecords) + " records, but the journal "
                    + "says " + COUNT.format(export.records()) + " were exported. Nothing was sent.");
        }
        return new Counted(records, batches, fileRecords, fileBatches, numbers);
    }

    /** The undone rests of the batches whose runs ended part way, as the journal and the pod's log prove them. */
    static List<Batch> rests(Resumption r) throws Exception {
        if (r == null || r.rests().isEmpty()) {
            return List.of();
        }
        return uk.gov.justice.digital.hmpps.rollbackconsole.session.CarryOnPlan.of(r.state()).orElseThrow().leading()
                .stream().filter(b -> r.rests().contains(b.number())).toList();
    }
}
