package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonExport;

/**
 * Writes the first occurrence of each wanted record of a reviewed file, in the file's order, in the runbook's
 * format: one more streaming pass over the file, deciding by the 128-bit fingerprints the review kept (see
 * {@link KeyHash}), each with the number of its first occurrence. Memory is that set; nothing grows with the file.
 * The pass must read the same bytes (same SHA-256) as the review, or nothing is published.
 */
final class FirstOccurrences {

    @FunctionalInterface
    interface KeyFilter {
        boolean wanted(long high, long low);
    }

    private final ScanLimits limits;
    private final BooleanSupplier cancelled;
    private final AtomicReference<RunbookJsonExport> currentExport;

    /** @param currentExport where the running export is published, so that a cancel from another thread reaches it */
    FirstOccurrences(ScanLimits limits, BooleanSupplier cancelled, AtomicReference<RunbookJsonExport> currentExport) {
        this.limits = limits;
        this.cancelled = cancelled;
        this.currentExport = currentExport;
    }

    /**
     * @throws IOException           the file changed since it was reviewed, or cannot be read
     * @throws ExportException       the target could not be written; it is then left as it was
     * @throws CancellationException cancelled; nothing was published
     */
    ExportResult write(Path target, boolean overwrite, RecordsScan.Outcome reviewed, KeyFilter filter)
            throws IOException, ExportException {
        return write(target, overwrite, reviewed, filter, -1);
    }

    /** @param expected the records the copy must hold, or -1 for no check; a copy that does not is not published */
    ExportResult write(Path target, boolean overwrite, RecordsScan.Outcome reviewed, KeyFilter filter, long expected)
            throws IOException, ExportException {
        Path source = reviewed.report().file();
        LongPairTable own = reviewed.keys();
        RunbookJsonExport export = new RunbookJsonExport();
        currentExport.set(export);
        if (cancelled.getAsBoolean()) {
            export.cancel();
        }
        try {
            return export.write(target, overwrite, sink -> {
                long[] kept = {0};
                RecordsScan again = new RecordsScan(source, limits, ProgressListener.NONE, cancelled,
                        false, (number, system, id, personUuid, high, low) -> {
                            // The review remembered the number of each record's first occurrence.
                            if (own.get(high, low) == number && filter.wanted(high, low)) {
                                sink.accept(new AffectedRecord(personUuid, system, id, 1, null));
                                kept[0]++;
                            }
                        });
                String sha256 = again.run().report().sha256();
                if (!sha256.equals(reviewed.report().sha256())) {
                    throw new FileChangedException(source + " changed while it was being read again (its SHA-256 was "
                            + reviewed.report().sha256() + " and is now " + sha256 + "), so " + target
                            + " was not written. Review it again.");
                }
                if (expected >= 0 && kept[0] != expected) {
                    // Only colliding fingerprints could do this; never publish a copy that lost a record.
                    throw new FileChangedException(target + " would hold " + Text.records(kept[0]) + ", but " + source
                            + " has " + Text.count(expected) + " distinct, so it was not written. Review " + source
                            + " again.");
                }
            });
        } catch (ExportException e) {
            if (e.kind() == ExportException.Kind.CANCELLED) {
                CancellationException stopped = new CancellationException(e.getMessage());
                stopped.initCause(e);
                throw stopped;
            }
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof FileChangedException changed) {
                    throw new IOException(changed.getMessage(), e);
                }
            }
            throw e;
        } finally {
            currentExport.set(null);
        }
    }

    /** Raised inside the export's source, which then fails; only the message travels on. */
    private static final class FileChangedException extends IOException {
        FileChangedException(String message) {
            super(message);
        }
    }
}
