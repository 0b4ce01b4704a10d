package uk.gov.justice.digital.hmpps.rollbackconsole.replica;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The export's rows through {@code COPY (query) TO STDOUT (FORMAT binary)}: the server streams the whole result
 * without waiting for the client between fetches, and plans it as psql's copy is planned (parallel workers
 * included), where a cursor is planned for its first rows and run by one process. COPY takes no bind parameters,
 * so the window's bounds are still bound by the driver, as typed values, to a statement that asks the server to
 * write the query with them as literals ({@code format('%L')}); no value is ever pasted into SQL by the console.
 */
final class CopyStream {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final LocalDateTime POSTGRES_EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** One row of the copy, in the query's column order (RunbookSql): the same values ResultSet would give. */
    @FunctionalInterface
    interface RowSink {
        void row(String sourceSystem, String sourceSystemId, long eventCount, LocalDateTime lastEvent, UUID personUuid)
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

    /** Streams the copy's rows to {@code sink}; returns how many. Stops early when {@code stop} says so. */
    static long stream(Connection c, String copyText, RowSink sink, java.util.function.BooleanSupplier stop)
            throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        PGCopyInputStream copy = new PGCopyInputStream(pg, copyText);
        long rows = 0;
        boolean complete = false;
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16));
            byte[] signature = in.readNBytes(SIGNATURE.length);
            if (!Arrays.equals(signature, SIGNATURE)) {
                throw new SQLException("the replica's COPY output does not start as PostgreSQL's binary format does");
            }
            in.readInt(); // flags: no OIDs are asked for
            in.skipNBytes(in.readInt()); // header extension
            while (true) {
                short fields = in.readShort();
                if (fields == -1) {
                    break;
                }
                if (fields != 5) {
                    throw new SQLException("the replica's COPY sent " + fields + " columns where 5 were asked for");
                }
                if (stop.getAsBoolean()) {
                    return rows; // the finally below stops the server and clears the connection
                }
                String sourceSystem = text(in);
                String sourceSystemId = text(in);
                long eventCount = integer(in);
                LocalDateTime lastEvent = timestamp(in);
                UUID personUuid = uuid(in);
                sink.row(sourceSystem, sourceSystemId, eventCount, lastEvent, personUuid);
                rows++;
            }
            // Reads the end of the copy, so that the connection is ready for the next statement.
            while (copy.read() != -1) {
                // nothing follows the trailer
            }
            complete = true;
            return rows;
        } catch (IOException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLException("reading the replica's COPY failed: " + e.getMessage(), "08006", e);
        } finally {
            if (!complete) {
                abandon(c, pg, copy);
            }
        }
    }

    /**
     * Stops a copy the console no longer wants (the sink failed, the user cancelled) so that the connection can
     * be rolled back and pooled again: the server is asked to cancel, and what it had already sent is read up to
     * its error. (pgjdbc's cancelCopy leaves the connection unusable for the next statement.)
     */
    private static void abandon(Connection c, PGConnection pg, PGCopyInputStream copy) {
        try {
            if (!copy.isActive()) {
                return;
            }
            pg.cancelQuery();
            byte[] skip = new byte[1 << 16];
            while (copy.read(skip) != -1) {
                // discarded: the export has already failed or been cancelled
            }
        } catch (IOException | SQLException expected) {
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

    private static String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("the replica's COPY ended inside a row");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long integer(DataInputStream in) throws IOException {
        int length = in.readInt();
        return switch (length) {
            case 4 -> in.readInt();
            case 8 -> in.readLong();
            case -1 -> 0;
            default -> throw new IOException("an event count of " + length + " bytes");
        };
    }

    private static LocalDateTime timestamp(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length != 8) {
            throw new IOException("a timestamp of " + length + " bytes");
        }
        return POSTGRES_EPOCH.plus(in.readLong(), ChronoUnit.MICROS);
    }

    private static UUID uuid(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        if (length != 16) {
            throw new IOException("a uuid of " + length + " bytes");
        }
        return new UUID(in.readLong(), in.readLong());
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
