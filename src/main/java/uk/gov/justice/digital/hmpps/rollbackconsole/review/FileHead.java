package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a records file's first four bytes say about its encoding before any JSON is read: a UTF-8 byte order mark
 * (read past, and reported), or UTF-16 or UTF-32, which the service cannot read at all.
 */
record FileHead(boolean utf8Bom, String wideEncoding) {

    static final int UTF8_BOM_LENGTH = 3;

    static FileHead of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        boolean bom = head.length >= UTF8_BOM_LENGTH && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        return new FileHead(bom, wideEncoding(head));
    }

    /** UTF-16 and UTF-32 give themselves away in the first bytes: a byte order mark, or zero bytes around ASCII. */
    static String wideEncoding(byte[] head) {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        int b2 = n > 2 ? head[2] & 0xFF : -1;
        int b3 = n > 3 ? head[3] & 0xFF : -1;
        if ((b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) || (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0)) {
            return "UTF-32";
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return "UTF-16";
        }
        if (n == 4 && ((b0 == 0 && b1 == 0 && b2 == 0) || (b1 == 0 && b2 == 0 && b3 == 0))) {
            return "UTF-32";
        }
        if (n >= 2 && (b0 == 0 || b1 == 0)) {
            return "UTF-16";
        }
        return null;
    }
}
