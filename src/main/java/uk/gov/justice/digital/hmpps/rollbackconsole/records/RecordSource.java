package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.util.function.Consumer;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

/**
 * Where exported rows come from: an in-memory preview, or a live query streamed row by row.
 * Whatever {@link #forEach} throws (a SQLException from the replica, wrapped or not) fails the export as
 * {@link ExportException.Kind#SOURCE_FAILED}. Exceptions thrown by the sink must be left to propagate.
 */
@FunctionalInterface
public interface RecordSource {

    void forEach(Consumer<AffectedRecord> sink) throws Exception;

    static RecordSource of(Iterable<? extends AffectedRecord> rows) {
        return rows::forEach;
    }
}
