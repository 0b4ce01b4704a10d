package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * Runs one body of work on a pooled connection inside a single read-only transaction (autocommit off, which is
 * also what lets pgjdbc stream through a cursor), and lets another thread cancel it.
 */
final class PooledQuery<T> implements ReplicaQuery<T> {

    @FunctionalInterface
    interface Body<T> {
        T run(PooledQuery<T> query, Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final Body<T> body;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object statementLock = new Object();
    private volatile boolean cancelled;
    private Statement current; // guarded by statementLock

    PooledQuery(DataSource pool, Body<T> body) {
        this.pool = pool;
        this.body = body;
    }

    @Override
    public T run() throws SQLException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a replica query runs once; ask the replica for a new one");
        }
        throwIfCancelled(null);
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = body.run(this, c);
                c.rollback(); // nothing to commit: this only ends the read-only transaction
                throwIfCancelled(null);
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throwIfCancelled(e);
                throw e;
            } finally {
                synchronized (statementLock) {
                    current = null;
                }
            }
        } catch (SQLException e) {
            throwIfCancelled(e);
            throw e;
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        Statement running;
        synchronized (statementLock) {
            running = current;
        }
        if (running != null) {
            try {
                // pgjdbc sends the cancel request only while the statement is executing on the server; between
                // fetches of a cursor the flag above is what stops delivery.
                running.cancel();
            } catch (SQLException ignored) {
                // the flag still stops the query at its next row or fetch
            }
        }
    }

    boolean isCancelled() {
        return cancelled;
    }

    /** Prepares a forward-only statement that cancel() can reach. */
    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        synchronized (statementLock) {
            current = ps;
        }
        throwIfCancelled(null); // a cancel that came before the statement existed
        return ps;
    }

    void throwIfCancelled(Throwable cause) {
        if (cancelled) {
            CancellationException ce = new CancellationException("The query was cancelled; nothing was written.");
            if (cause != null && !(cause instanceof CancellationException)) {
                ce.initCause(cause);
            }
            throw ce;
        }
    }

    private static void rollbackQuietly(Connection c, Exception failure) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e); // a broken connection: the pool evicts it
        }
    }
}
