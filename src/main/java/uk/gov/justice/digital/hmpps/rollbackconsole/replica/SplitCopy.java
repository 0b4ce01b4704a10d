package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedWindow;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WallClockReader;

/**
 * One row per event through two COPY streams at once, one for each half of the window (split at the middle of its
 * wall-clock span), so that two of the replica's processes read and send rows where one did. Both see one
 * snapshot: the first transaction exports it ({@code pg_export_snapshot()}, which a hot standby allows since
 * PostgreSQL 10) and the second imports it, so the two halves are exactly the rows one statement would have seen.
 * The first half goes to the sink as it arrives; the second is kept meanwhile in a temporary file of identifiers
 * (never in memory, whatever the row count), then handed on in order. A server that will not export a snapshot gets
 * the one stream, as before. Rows are in the query's order throughout: the halves split on event_timestamp, which
 * leads that order.
 */
final class SplitCopy {

    /** pg_export_snapshot()'s identifiers, e.g. 00000003-0000001B-1: checked before they are written into SQL. */
    private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+");
    private static final String SET_SNAPSHOT = "set transaction snapshot '%s'";

    /**
     * Runs once the first half's transaction has exported its snapshot, before the second half's has begun: lets a
     * test commit a write that only a second half reading in a snapshot of its own would see.
     */
    static volatile Runnable snapshotExported = () -> { };

    private SplitCopy() {
    }

    /** Streams {@code sql}'s rows over {@code window} to {@code sink}, on the calling thread; returns how many. */
    static long stream(PooledQuery<Long> q, Connection first, DataSource pool, AffectedWindow window, String sql,
                       CopyStream.RowSink sink) throws SQLException {
        run(q, first, RunbookSql.REPEATABLE_READ);
        LocalDateTime lower = window.lower().value();
        LocalDateTime upper = window.upper().value();
        LocalDateTime middle = lower.plus(Duration.between(lower, upper).dividedBy(2));
        String snapshot = exportSnapshot(first);
        if (snapshot == null || !middle.isAfter(lower) || !middle.isBefore(upper)) {
            return CopyStream.stream(first, copyText(q, first, sql, lower, upper), new WallClockReader(window.clock()),
                    sink, q::isCancelled);
        }
        try (Connection second = pool.getConnection()) {
            second.setAutoCommit(false);
            try {
                snapshotExported.run();
                run(q, second, RunbookSql.REPEATABLE_READ);
                run(q, second, SET_SNAPSHOT.formatted(snapshot));
                String firstHalf = copyText(q, first, sql, lower, middle);
                String secondHalf = copyText(q, second, sql, middle, upper);
                return inTwo(q, first, second, window, firstHalf, secondHalf, sink);
            } finally {
                try {
                    second.rollback(); // read-only: this only ends the transaction
                } catch (SQLException broken) {
                    // a broken connection: the pool evicts it
                }
            }
        }
    }

    private static long inTwo(PooledQuery<Long> q, Connection first, Connection second, AffectedWindow window,
                              String firstHalf, String secondHalf, CopyStream.RowSink sink) throws SQLException {
        Path spool;
        try {
            spool = Files.createTempFile("rollback-console-", ".rows");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for the second half of the rows", e);
        }
        AtomicBoolean firstFailed = new AtomicBoolean();
        AtomicBoolean secondFailed = new AtomicBoolean();
        FutureTask<Long> later = new FutureTask<>(() -> {
            try (SpoolWriter out = new SpoolWriter(spool)) {
                return CopyStream.stream(second, secondHalf, new WallClockReader(window.clock()), out::row,
                        () -> q.isCancelled() || firstFailed.get());
            } catch (SQLException | RuntimeException | IOException e) {
                secondFailed.set(true);
                throw e;
            }
        });
        Thread thread = new Thread(later, "export-second-half");
        thread.setDaemon(true);
        try {
            thread.start();
            long rows;
            try {
                rows = CopyStream.stream(first, firstHalf, new WallClockReader(window.clock()), sink,
                        () -> q.isCancelled() || secondFailed.get());
            } catch (SQLException | RuntimeException e) {
                firstFailed.set(true);
                awaitQuietly(later, e);
                throw e;
            }
            long secondRows = await(later);
            q.throwIfCancelled(null);
            return rows + replay(spool, secondRows, sink, q::isCancelled);
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException ignored) {
                // in the temporary folder, named for the console: the system clears it
            }
        }
    }

    /**
     * The snapshot's identifier, or null when this server will not export one. A refusal aborts the transaction
     * (a snapshot cannot be exported from a savepoint), so it is rolled back and the next statement starts afresh.
     */
    private static String exportSnapshot(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_export_snapshot()")) {
            rs.next();
            String id = rs.getString(1);
            return id != null && SNAPSHOT_ID.matcher(id).matches() ? id : null;
        } catch (SQLException refused) {
            if (refused.getSQLState() != null && refused.getSQLState().startsWith("08")) {
                throw refused; // the connection, not the server's choice
            }
            c.rollback();
            return null;
        }
    }

    private static String copyText(PooledQuery<Long> q, Connection c, String sql, LocalDateTime from,
                                   LocalDateTime to) throws SQLException {
        try (PreparedStatement ps = q.prepare(c, CopyStream.formatStatement(c, sql))) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            return CopyStream.copyText(ps);
        }
    }

    private static void run(PooledQuery<Long> q, Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = q.prepare(c, sql)) {
            ps.execute();
        }
    }

    private static long await(FutureTask<Long> later) throws SQLException {
        try {
            return later.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the second half of the rows was read", "57014", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException("could not keep the second half of the rows: " + io.getMessage(), io);
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitQuietly(FutureTask<Long> later, Exception failure) {
        try {
            await(later);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static long replay(Path spool, long rows, CopyStream.RowSink sink, BooleanSupplier stop)
            throws SQLException {
        try (SpoolReader in = new SpoolReader(spool)) {
            for (long i = 0; i < rows; i++) {
                if (stop.getAsBoolean()) {
                    return i;
                }
                in.next(sink);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read back the second half of the rows: " + e.getMessage(), e);
        }
    }

    /** The second half's rows as they arrive: identifiers and times only, in a buffer flushed to the file. */
    private static final class SpoolWriter implements AutoCloseable {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        SpoolWriter(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }

        void row(SourceSystem system, String id, long count, Instant last, UUID uuid) {
            byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
            try {
                room(1 + 4 + idBytes.length + 8 + 1 + 12 + 1 + 16);
                buffer.put((byte) system.ordinal()).putInt(idBytes.length).put(idBytes).putLong(count);
                if (last == null) {
                    buffer.put((byte) 0);
                } else {
                    buffer.put((byte) 1).putLong(last.getEpochSecond()).putInt(last.getNano());
                }
                if (uuid == null) {
                    buffer.put((byte) 0);
                } else {
                    buffer.put((byte) 1).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
                if (buffer.capacity() < bytes) {
                    throw new IOException("a row of " + bytes + " bytes is larger than the buffer");
                }
            }
        }

        private void flush() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                channel.close();
            }
        }
    }

    private static final class SpoolReader implements AutoCloseable {
        private static final SourceSystem[] SYSTEMS = SourceSystem.values();
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

        SpoolReader(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            buffer.limit(0);
        }

        void next(CopyStream.RowSink sink) throws IOException, SQLException {
            need(1 + 4);
            SourceSystem system = SYSTEMS[buffer.get()];
            int length = buffer.getInt();
            need(length + 8 + 1);
            String id = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
            buffer.position(buffer.position() + length);
            long count = buffer.getLong();
            Instant last = null;
            if (buffer.get() == 1) {
                need(12);
                last = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            }
            need(1);
            UUID uuid = null;
            if (buffer.get() == 1) {
                need(16);
                uuid = new UUID(buffer.getLong(), buffer.getLong());
            }
            sink.row(system, id, count, last, uuid);
        }

        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (channel.read(buffer) < 0) {
                    throw new IOException("the kept rows end early");
                }
            }
            buffer.flip();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
