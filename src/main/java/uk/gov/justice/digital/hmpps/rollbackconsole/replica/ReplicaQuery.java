package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.SQLException;

/**
 * One query against the replica: run once on the calling thread (never the UI thread), cancellable from any
 * thread.
 */
public interface ReplicaQuery<T> {

    /**
     * @throws java.util.concurrent.CancellationException when {@link #cancel()} was called before this returned
     * @throws SQLException                               on any other failure; {@link Replica#describe} words it
     */
    T run() throws SQLException;

    /**
     * Stops the query on the server (pgjdbc's Statement.cancel) and stops delivering rows. The connection is
     * rolled back and goes back to the pool. Safe to call at any time, more than once, before or after run().
     */
    void cancel();
}
