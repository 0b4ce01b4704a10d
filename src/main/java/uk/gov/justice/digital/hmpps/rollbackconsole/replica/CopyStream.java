package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.EOFException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.WallClockReader;

/**
 * The export's rows through {@code COPY (query) TO STDOUT (FORMAT binary)}: the server streams the whole result
 * without waiting for the client between fetches, and plans it as psql's copy is planned (parallel workers
 * included), where a cursor is planned for its first rows and run by one process. COPY takes no bind parameters,
 * so the window's bounds are still bound by the driver, as typed values, to a statement that asks the server to
 * write the query with them as literals ({@code format('%L')}); no value is ever pasted into SQL by the console.
 */
final class CopyStream {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    /** PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00 (here as a local reading's seconds). */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;

    /**
     * One row of the copy, in the query's column order (RunbookSql): the values ResultSet would give, the source
     * system known and the timestamp read in the window's clock.
     */
    @FunctionalInterface
    interface RowSink {
        void row(SourceSystem sourceSystem, String sourceSystemId, long eventCount, Instant lastEvent, UUID personUuid)
                throws SQLException;
    }

    private CopyStream() {
    }

    /**
     * The statement that makes the server write {@code sql} as a COPY with its parameters as literals. Its own
     * parameters are {@code sql}'s, in order and of the types the server infers for them, so the caller binds
     * them exactly as it binds {@code sql}'s.
     */
    static String formatStatement(Connection c, String sql) throws SQLException {
        int parameters;
        String[] types;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ParameterMetaData meta = ps.getParameterMetaData();
            parameters = meta.getParameterCount();
            types = new String[parameters];
            for (int i = 0; i < parameters; i++) {
                types[i] = meta.getParameterTypeName(i + 1);
            }
        }
        String template = "copy (" + sql.strip().replace("%", "%%").replace("?", "%L") + ") to stdout (format binary)";
        if (template.contains("$rc$")) {
            throw new IllegalStateException("the query text holds the quote used around it");
        }
        StringBuilder statement = new StringBuilder("select format($rc$").append(template).append("$rc$");
        for (String type : types) {
            statement.append(", ?::").append(quoteType(type));
        }
        return statement.append(')').toString();
    }

    /** Asks the server for the COPY text; {@code formatted} holds the bound parameters. */
    static String copyText(PreparedStatement formatted) throws SQLException {
        try (ResultSet rs = formatted.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Streams the copy's rows to {@code sink}; returns how many. Stops early when {@code stop} says so. Each row is
     * read straight from the server's message (no stream or lock between the socket and the fields); the source
     * system is matched on its bytes and the timestamp turned into an instant by {@code clock} without building a
     * date: a row costs nothing beyond the driver's message and the values handed on.
     */
    static long stream(Connection c, String copyText, WallClockReader clock, RowSink sink,
                       java.util.function.BooleanSupplier stop) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        CopyOut copy = pg.getCopyAPI().copyOut(copyText);
        boolean complete = false;
        try {
            long rows = read(copy, clock, sink, stop);
            complete = rows >= 0;
            return complete ? rows : -rows - 1;
        } finally {
            if (!complete) {
                abandon(c, pg, copy);
            }
        }
    }

    /**
     * Reads the rows of {@code copy} to {@code sink}. Returns how many when the copy was read to its end, or
     * {@code -(rows + 1)} when {@code stop} ended it early (the copy then still runs on the server).
     */
    static long read(CopyOut copy, WallClockReader clock, RowSink sink, java.util.function.BooleanSupplier stop)
            throws SQLException {
        Messages in = new Messages(copy);
        long rows = 0;
        try {
            in.need(SIGNATURE.length + 8);
            if (!Arrays.equals(in.buf, in.pos, in.pos + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new SQLException("the replica's COPY output does not start as PostgreSQL's binary format does");
            }
            in.pos += SIGNATURE.length;
            in.int32(); // flags: no OIDs are asked for
            in.skip(in.int32()); // header extension
            while (true) {
                short fields = in.int16();
                if (fields == -1) {
                    break;
                }
                if (fields != 5) {
                    throw new SQLException("the replica's COPY sent " + fields + " columns where 5 were asked for");
                }
                if (stop.getAsBoolean()) {
                    return -(rows + 1); // the caller stops the server and clears the connection
                }
                int systemLength = in.int32();
                SourceSystem system = systemLength < 0 ? null : in.sourceSystem(systemLength);
                String systemText = system != null ? null : systemLength < 0 ? null : in.text(systemLength);
                int idLength = in.int32();
                String id = idLength < 0 ? null : in.text(idLength);
                if (system == null) {
                    throw UnexpectedRowException.unknownSourceSystem(systemText, id);
                }
                if (id == null) {
                    throw UnexpectedRowException.missingSourceSystemId(system.name());
                }
                long eventCount = integer(in);
                Instant lastEvent = timestamp(in, clock);
                UUID personUuid = uuid(in);
                sink.row(system, id, eventCount, lastEvent, personUuid);
                rows++;
            }
            // Reads the end of the copy, so that the connection is ready for the next statement.
            if (in.pos != in.buf.length || copy.readFromCopy() != null) {
                throw new SQLException("the replica's COPY sent data after its last row");
            }
            return rows;
        } catch (EOFException e) {
            throw new SQLException("reading the replica's COPY failed: " + e.getMessage(), "08006", e);
        }
    }

    /**
     * Stops a copy the console no longer wants (the sink failed, the user cancelled) so that the connection can
     * be rolled back and pooled again: the server is asked to cancel, and what it had already sent is read up to
     * its error. (pgjdbc's cancelCopy leaves the connection unusable for the next statement.)
     */
    private static void abandon(Connection c, PGConnection pg, CopyOut copy) {
        try {
            if (!copy.isActive()) {
                return;
            }
            pg.cancelQuery();
            while (copy.readFromCopy() != null) {
                // discarded: the export has already failed or been cancelled
            }
        } catch (SQLException expected) {
            // the server's "canceling statement due to user request" ends the copy: the connection is usable
        } finally {
            if (copy.isActive()) {
                // The connection broke mid-copy: pgjdbc keeps it locked for the copy, and the rollback that follows
                // would wait for that lock for ever. Closed, it fails at once and the pool drops it.
                try {
                    c.unwrap(org.postgresql.jdbc.PgConnection.class).close();
                } catch (SQLException ignored) {
                    // already as closed as it can be
                }
            }
        }
    }

    private static long integer(Messages in) throws SQLException, EOFException {
        int length = in.int32();
        return switch (length) {
            case 4 -> in.int32();
            case 8 -> in.int64();
            case -1 -> 0;
            default -> throw new SQLException("an event count of " + length + " bytes");
        };
    }

    private static Instant timestamp(Messages in, WallClockReader clock) throws SQLException, EOFException {
        int length = in.int32();
        if (length < 0) {
            return null;
        }
        if (length != 8) {
            throw new SQLException("a timestamp of " + length + " bytes");
        }
        long micros = in.int64();
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            throw new SQLException("an event_timestamp of " + (micros > 0 ? "infinity" : "-infinity"));
        }
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1_000;
        return clock.instant(POSTGRES_EPOCH_SECOND + seconds, nanos);
    }

    private static UUID uuid(Messages in) throws SQLException, EOFException {
        int length = in.int32();
        if (length < 0) {
            return null;
        }
        if (length != 16) {
            throw new SQLException("a uuid of " + length + " bytes");
        }
        return new UUID(in.int64(), in.int64());
    }

    /**
     * The copy's bytes as the server sent them, one message at a time. The server sends a row a message, so a field
     * is read in place; one that runs over the end of a message is joined with the next.
     */
    private static final class Messages {
        private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
        private static final byte[][] SYSTEMS;

        static {
            SourceSystem[] all = SourceSystem.values();
            SYSTEMS = new byte[all.length][];
            for (SourceSystem s : all) {
                SYSTEMS[s.ordinal()] = s.name().getBytes(StandardCharsets.US_ASCII);
            }
        }

        private final CopyOut copy;
        byte[] buf = new byte[0];
        int pos;

        Messages(CopyOut copy) {
            this.copy = copy;
        }

        void need(int n) throws SQLException, EOFException {
            if (buf.length - pos >= n) {
                return;
            }
            byte[] joined = Arrays.copyOfRange(buf, pos, buf.length);
            while (joined.length < n) {
                byte[] next = copy.readFromCopy();
                if (next == null) {
                    throw new EOFException("the replica's COPY ended inside a row");
                }
                byte[] longer = Arrays.copyOf(joined, joined.length + next.length);
                System.arraycopy(next, 0, longer, joined.length, next.length);
                joined = longer;
            }
            buf = joined;
            pos = 0;
        }

        short int16() throws SQLException, EOFException {
            need(2);
            short v = (short) SHORT.get(buf, pos);
            pos += 2;
            return v;
        }

        int int32() throws SQLException, EOFException {
            need(4);
            int v = (int) INT.get(buf, pos);
            pos += 4;
            return v;
        }

        long int64() throws SQLException, EOFException {
            need(8);
            long v = (long) LONG.get(buf, pos);
            pos += 8;
            return v;
        }

        void skip(int n) throws SQLException, EOFException {
            need(n);
            pos += n;
        }

        String text(int length) throws SQLException, EOFException {
            need(length);
            String s = new String(buf, pos, length, StandardCharsets.UTF_8);
            pos += length;
            return s;
        }

        /** The source system these bytes spell, consumed; or null, leaving them to be read as text. */
        SourceSystem sourceSystem(int length) throws SQLException, EOFException {
            need(length);
            for (int i = 0; i < SYSTEMS.length; i++) {
                byte[] name = SYSTEMS[i];
                if (name.length == length && Arrays.equals(buf, pos, pos + length, name, 0, length)) {
                    pos += length;
                    return SourceSystem.values()[i];
                }
            }
            return null;
        }
    }

    /** A type name as the server reported it, made safe to write after {@code ::}. */
    private static String quoteType(String type) {
        if (type == null || !type.matches("[A-Za-z_][A-Za-z0-9_ ]*")) {
            throw new IllegalStateException("unexpected parameter type " + type);
        }
        return type.equals("timestamp") ? "timestamp without time zone"
                : type.equals("timestamptz") ? "timestamp with time zone" : type;
    }
}
