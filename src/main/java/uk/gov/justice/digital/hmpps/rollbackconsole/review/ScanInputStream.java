package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Sits under the parser and sees every byte of the file once: it counts them, feeds the SHA-256 and checks that
 * they are UTF-8. The parser's own UTF-8 errors point past the culprit ("invalid middle byte" for the letter after
 * a Latin-1 é) and it lets overlong forms and surrogates through; this check names the first bad byte exactly,
 * with the line and the character column where it stands.
 */
final class ScanInputStream extends FilterInputStream {

    private final MessageDigest digest;
    private long position;

    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private int lead;
    private long leadOffset;
    private long leadLine;
    private long leadColumn;
    private long line = 1;
    private long column;
    private boolean afterCr;

    private long invalidOffset = -1;
    private int invalidByte;
    private long invalidLine;
    private long invalidColumn;
    private boolean invalidAtEnd;

    ScanInputStream(InputStream in, MessageDigest digest, boolean byteOrderMark) {
        super(in);
        this.digest = digest;
        // The mark is one character to the decoder but none to an editor.
        this.column = byteOrderMark ? -1 : 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            if (invalidOffset < 0) {
                check(b, off, n);
            }
            position += n;
        } else if (n < 0 && pending > 0 && invalidOffset < 0) {
            invalid(lead, leadOffset, leadLine, leadColumn);
            invalidAtEnd = true;
        }
        return n;
    }

    /** Skipped bytes are still hashed. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Byte offset of the first byte that is not UTF-8, or -1. */
    long invalidOffset() {
        return invalidOffset;
    }

    int invalidByte() {
        return invalidByte;
    }

    long invalidLine() {
        return invalidLine;
    }

    long invalidColumn() {
        return invalidColumn;
    }

    /** The file ends inside a character: a cut-short file rather than a wrong encoding. */
    boolean invalidAtEnd() {
        return invalidAtEnd;
    }

    long position() {
        return position;
    }

    private void check(byte[] b, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) {
            int c = b[i] & 0xFF;
            if (pending == 0) {
                if (c < 0x80) {
                    // Lines as the parser counts them: LF, CR, and CR LF as one.
                    if (c == '\n') {
                        if (!afterCr) {
                            line++;
                        }
                        column = 0;
                        afterCr = false;
                    } else if (c == '\r') {
                        line++;
                        column = 0;
                        afterCr = true;
                    } else {
                        column++;
                        afterCr = false;
                    }
                    continue;
                }
                afterCr = false;
                long offset = position + (i - off);
                if (!startSequence(c)) {
                    invalid(c, offset, line, column + 1);
                    return;
                }
                lead = c;
                leadOffset = offset;
                leadLine = line;
                leadColumn = column + 1;
                column++;
            } else if (c < low || c > high) {
                // The lead byte is the culprit: Latin-1 é followed by a plain letter is an unfinished sequence.
                invalid(lead, leadOffset, leadLine, leadColumn);
                return;
            } else {
                pending--;
                low = 0x80;
                high = 0xBF;
            }
        }
    }

    /** Sets up the continuation bytes a lead byte needs (RFC 3629: no overlong forms, no surrogates). */
    private boolean startSequence(int c) {
        if (c >= 0xC2 && c <= 0xDF) {
            return expect(1, 0x80, 0xBF);
        }
        if (c == 0xE0) {
            return expect(2, 0xA0, 0xBF);
        }
        if (c == 0xED) {
            return expect(2, 0x80, 0x9F);
        }
        if (c >= 0xE1 && c <= 0xEF) {
            return expect(2, 0x80, 0xBF);
        }
        if (c == 0xF0) {
            return expect(3, 0x90, 0xBF);
        }
        if (c >= 0xF1 && c <= 0xF3) {
            return expect(3, 0x80, 0xBF);
        }
        if (c == 0xF4) {
            return expect(3, 0x80, 0x8F);
        }
        return false;
    }

    private boolean expect(int count, int firstLow, int firstHigh) {
        pending = count;
        low = firstLow;
        high = firstHigh;
        return true;
    }

    private void invalid(int value, long offset, long atLine, long atColumn) {
        invalidOffset = offset;
        invalidByte = value;
        invalidLine = atLine;
        invalidColumn = Math.max(1, atColumn);
    }
}
