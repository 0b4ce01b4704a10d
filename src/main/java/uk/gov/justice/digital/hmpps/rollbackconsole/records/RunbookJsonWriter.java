package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/**
 * Formats records in the runbook's layout ({@link RunbookJsonFormat}) straight into a byte buffer, the bytes
 * identical to what Jackson's pretty printer writes for the same records, escapes included (tests compare the
 * two). A million records cost no object per record and no character-to-byte encoding of the fixed parts: they
 * are copied from constants, and a UUID is written as hex from its two longs.
 */
final class RunbookJsonWriter {

    /** Where full buffers go: the hash and the file, in that order. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    static final int BUFFER_BYTES = 256 * 1024;

    private static final byte[] FIRST = ascii("\n  {\n    \"" + RunbookJsonFormat.PERSON_UUID + "\" : ");
    private static final byte[] NEXT = ascii(",\n  {\n    \"" + RunbookJsonFormat.PERSON_UUID + "\" : ");
    private static final byte[] NULL = ascii("null");
    private static final byte[] SOURCE_SYSTEM = ascii(",\n    \"" + RunbookJsonFormat.SOURCE_SYSTEM + "\" : \"");
    private static final byte[] SOURCE_SYSTEM_ID = ascii("\",\n    \"" + RunbookJsonFormat.SOURCE_SYSTEM_ID + "\" : \"");
    private static final byte[] RECORD_END = ascii("\"\n  }");
    private static final byte[] EMPTY = ascii("[ ]" + RunbookJsonFormat.LINE_END);
    private static final byte[] END = ascii("\n]" + RunbookJsonFormat.LINE_END);
    private static final byte[][] SOURCE_SYSTEMS = sourceSystems();
    private static final byte[] HEX = ascii("0123456789abcdef");
    // Jackson writes backslash-u escapes with upper-case hex digits.
    private static final byte[] UPPER_HEX = ascii("0123456789ABCDEF");
    // Jackson's escapes below 0x80: 0 = as is, 'u' = backslash-u 00XX, else a two-character escape.
    private static final byte[] ESCAPES = escapes();
    // The most bytes one record's fixed parts and UUID take, beside its id.
    private static final int RECORD_FIXED = NEXT.length + 38 + SOURCE_SYSTEM.length + 16 + SOURCE_SYSTEM_ID.length
            + RECORD_END.length;

    private final Sink sink;
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private long records;

    RunbookJsonWriter(Sink sink) {
        this.sink = sink;
        buffer[position++] = '[';
    }

    long records() {
        return records;
    }

    void write(UUID personUuid, SourceSystem sourceSystem, String sourceSystemId) throws IOException {
        // Six bytes a character covers the longest escape (backslash-u XXXX) and any UTF-8 sequence.
        ensure(RECORD_FIXED + 6 * sourceSystemId.length());
        byte[] b = buffer;
        int p = put(b, position, records == 0 ? FIRST : NEXT);
        if (personUuid == null) {
            p = put(b, p, NULL);
        } else {
            b[p++] = '"';
            p = uuid(b, p, personUuid);
            b[p++] = '"';
        }
        p = put(b, p, SOURCE_SYSTEM);
        p = put(b, p, SOURCE_SYSTEMS[sourceSystem.ordinal()]);
        p = put(b, p, SOURCE_SYSTEM_ID);
        p = string(b, p, sourceSystemId);
        position = put(b, p, RECORD_END);
        records++;
    }

    /** Closes the array; the caller flushes. */
    void end() throws IOException {
        if (records == 0) {
            // Nothing has left the buffer yet but the opening bracket, which the empty form starts with.
            position = put(buffer, 0, EMPTY);
        } else {
            ensure(END.length);
            position = put(buffer, position, END);
        }
    }

    void flush() throws IOException {
        if (position > 0) {
            sink.write(buffer, 0, position);
            position = 0;
        }
        if (buffer.length > BUFFER_BYTES) {
            buffer = new byte[BUFFER_BYTES]; // an outsized id grew it; don't keep the large one
        }
    }

    private void ensure(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            flush();
            if (bytes > buffer.length) {
                buffer = Arrays.copyOf(buffer, bytes);
            }
        }
    }

    private static int put(byte[] b, int p, byte[] constant) {
        System.arraycopy(constant, 0, b, p, constant.length);
        return p + constant.length;
    }

    private static int uuid(byte[] b, int p, UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        p = hex(b, p, msb >>> 32, 8);
        b[p++] = '-';
        p = hex(b, p, msb >>> 16, 4);
        b[p++] = '-';
        p = hex(b, p, msb, 4);
        b[p++] = '-';
        p = hex(b, p, lsb >>> 48, 4);
        b[p++] = '-';
        return hex(b, p, lsb, 12);
    }

    private static int hex(byte[] b, int p, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            b[p + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
        return p + digits;
    }

    /** The id's characters as Jackson writes a string's contents: UTF-8, with JSON's escapes. */
    private static int string(byte[] b, int p, String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    b[p++] = (byte) c;
                } else if (escape == 'u') {
                    b[p++] = '\\';
                    b[p++] = 'u';
                    b[p++] = '0';
                    b[p++] = '0';
                    b[p++] = UPPER_HEX[c >> 4];
                    b[p++] = UPPER_HEX[c & 0xF];
                } else {
                    b[p++] = '\\';
                    b[p++] = escape;
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                // As Jackson does by default: each half of a pair (or a lone half) as its own escape.
                b[p++] = '\\';
                b[p++] = 'u';
                b[p++] = UPPER_HEX[c >> 12];
                b[p++] = UPPER_HEX[(c >> 8) & 0xF];
                b[p++] = UPPER_HEX[(c >> 4) & 0xF];
                b[p++] = UPPER_HEX[c & 0xF];
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    private static byte[] escapes() {
        byte[] escapes = new byte[0x80];
        for (int c = 0; c < 0x20; c++) {
            escapes[c] = 'u';
        }
        escapes['\b'] = 'b';
        escapes['\t'] = 't';
        escapes['\n'] = 'n';
        escapes['\f'] = 'f';
        escapes['\r'] = 'r';
        escapes['"'] = '"';
        escapes['\\'] = '\\';
        return escapes;
    }

    private static byte[][] sourceSystems() {
        SourceSystem[] systems = SourceSystem.values();
        byte[][] names = new byte[systems.length][];
        for (SourceSystem s : systems) {
            names[s.ordinal()] = ascii(s.name());
        }
        return names;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
