package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.Optional;

/** Where a recluster run takes its batches from, one at a time, in the order they are to be sent. */
public interface BatchSource extends AutoCloseable {

    /** The next batch to send, or empty when there is none. */
    Optional<Batch> next() throws Exception;
}
