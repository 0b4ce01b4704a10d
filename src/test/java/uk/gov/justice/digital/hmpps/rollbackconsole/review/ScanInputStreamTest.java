package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanInputStreamTest {

    /** Hex bytes after "ab\nc", the byte it should blame, and that byte's column on line 2. */
    @ParameterizedTest
    @CsvSource({
            "e9 64,        e9, 2",   // Latin-1 é, then a letter
            "80,           80, 2",   // a continuation byte with nothing before it
            "c0 af,        c0, 2",   // overlong "/"
            "ed a0 80,     ed, 2",   // a UTF-16 surrogate
            "f4 90 80 80,  f4, 2",   // beyond U+10FFFF
            "ff,           ff, 2",   // never valid
            "c3 a9 e9 64,  e9, 3"})  // a valid é first: one character, two bytes
    void blamesTheFirstBadByteAtItsCharacterColumn(String hex, String blamed, long column) throws IOException {
        ScanInputStream in = read(concat("ab\nc".getBytes(), HexFormat.ofDelimiter(" ").parseHex(hex.trim())));

        assertThat(in.invalidOffset()).isGreaterThanOrEqualTo(0);
        assertThat(in.invalidByte()).isEqualTo(Integer.parseInt(blamed.trim(), 16));
        assertThat(in.invalidLine()).isEqualTo(2);
        assertThat(in.invalidColumn()).isEqualTo(column);
        assertThat(in.invalidAtEnd()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"e2 82 ac", "f0 9f 99 82", "ef bb bf", "7f"})
    void passesValidUtf8(String hex) throws IOException {
        assertThat(read(HexFormat.ofDelimiter(" ").parseHex(hex)).invalidOffset()).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({"e2 82", "f0 9f 99", "c3"})
    void marksACharacterCutOffByTheEndOfTheFile(String hex) throws IOException {
        ScanInputStream in = read(concat("[\"".getBytes(), HexFormat.ofDelimiter(" ").parseHex(hex)));

        assertThat(in.invalidOffset()).isEqualTo(2);
        assertThat(in.invalidAtEnd()).isTrue();
    }

    private static ScanInputStream read(byte[] bytes) throws IOException {
        ScanInputStream in = new ScanInputStream(new ByteArrayInputStream(bytes), sha256(), false);
        in.transferTo(OutputStream.nullOutputStream());
        return in;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
