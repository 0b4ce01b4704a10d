package uk.gov.justice.digital.hmpps.rollbackconsole.ui.step.preview;

import java.util.List;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedSummary;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.ClusterStatistics;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordMode;

/**
 * A finished preview: exactly the records the user saw, in query order, and the window that selected them.
 * Export writes these records, so the file is what was previewed.
 *
 * @param statisticsBefore null when the statistics query failed (the preview itself is still usable)
 */
public record PreviewSnapshot(AffectedWindow window, RecordMode mode, List<AffectedRecord> records,
                              AffectedSummary summary, ClusterStatistics statisticsBefore) {
}
