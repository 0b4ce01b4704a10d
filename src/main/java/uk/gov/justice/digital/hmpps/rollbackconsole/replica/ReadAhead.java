package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

/**
 * Reads a cursor's rows on a thread of its own, a few batches ahead of the sink, so that the replica produces the
 * next fetch while the sink writes the last one; with a plain loop the two take turns and each waits for the
 * other. The sink still runs on the calling thread, and nothing of the connection is touched by the caller while
 * the reading thread runs. Memory is bounded: at most {@value #BATCHES_AHEAD} batches of {@value #BATCH_ROWS}
 * rows wait.
 */
final class ReadAhead {

    static final int BATCH_ROWS = 2_500;
    static final int BATCHES_AHEAD = 8;

    @FunctionalInterface
    interface RowReader {
        AffectedRecord read(ResultSet rs) throws SQLException;
    }

    private record Batch(AffectedRecord[] rows, int size) {
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private volatile boolean stop;

    private ReadAhead() {
    }

    /**
     * Delivers every row of {@code rs} to {@code sink} in order until the rows end, {@code query} is cancelled or
     * the sink throws; returns how many rows reached the sink. What the reading thread met (an SQLException from
     * the replica, an unexpected row) is thrown here, as the plain loop would have thrown it.
     */
    static long deliver(ResultSet rs, RowReader reader, PooledQuery<?> query, Consumer<AffectedRecord> sink)
            throws SQLException {
        return new ReadAhead().run(rs, reader, query, sink);
    }

    private long run(ResultSet rs, RowReader reader, PooledQuery<?> query, Consumer<AffectedRecord> sink)
            throws SQLException {
        Thread thread = new Thread(() -> read(rs, reader, query), "replica-read-ahead");
        thread.setDaemon(true);
        thread.start();
        long delivered = 0;
        try {
            while (true) {
                Object item = take(query);
                if (item == END || item == null) {
                    return delivered;
                }
                if (item instanceof Failure f) {
                    throw rethrow(f.cause());
                }
                Batch batch = (Batch) item;
                for (int i = 0; i < batch.size(); i++) {
                    if (query.isCancelled()) {
                        return delivered;
                    }
                    sink.accept(batch.rows()[i]);
                    delivered++;
                }
            }
        } finally {
            stop = true;
            queue.clear(); // frees a reader blocked on a full queue
            joinUninterruptibly(thread); // the statement is closed after this, never under the reader's feet
        }
    }

    private void read(ResultSet rs, RowReader reader, PooledQuery<?> query) {
        Object last = END;
        try {
            AffectedRecord[] rows = new AffectedRecord[BATCH_ROWS];
            int size = 0;
            while (!stop && !query.isCancelled() && rs.next()) {
                rows[size++] = reader.read(rs);
                if (size == BATCH_ROWS) {
                    if (!put(new Batch(rows, size))) {
                        return;
                    }
                    rows = new AffectedRecord[BATCH_ROWS];
                    size = 0;
                }
            }
            if (size > 0 && !put(new Batch(rows, size))) {
                return;
            }
        } catch (Throwable t) {
            last = new Failure(t);
        }
        put(last);
    }

    /** False when the consumer has stopped taking. */
    private boolean put(Object item) {
        try {
            while (!stop) {
                if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next item; null when the query is cancelled while waiting. */
    private Object take(PooledQuery<?> query) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    Object item = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        return item;
                    }
                    if (query.isCancelled()) {
                        return null;
                    }
                } catch (InterruptedException e) {
                    // An interrupt asks the export to stop: the caller sees the flag again once this returns.
                    interrupted = true;
                    throw new CancellationException("The export was interrupted; nothing was written.");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static SQLException rethrow(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new SQLException(cause);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
