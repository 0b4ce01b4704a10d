package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.util.Objects;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.ExportResult;

/**
 * Two files compared by (source_system, source_system_id). Counts are of distinct records: a record listed five
 * times in a one-row-per-event export counts, and is written, once.
 *
 * @param onlyInAFile null unless {@link DiffTargets#onlyInA()} was given; likewise the other two
 */
public record DiffResult(ReviewReport a, ReviewReport b, long onlyInA, long onlyInB, long inBoth,
                         ExportResult onlyInAFile, ExportResult onlyInBFile, ExportResult inBothFile) {

    public DiffResult {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
    }
}
