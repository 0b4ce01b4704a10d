package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal back. Every entry is written as one line ending in a newline, in one write, and the console acts
 * on it only after the write returned; so a last line without its newline is one the console was stopped while
 * writing, nothing was done on its strength, and it is ignored (and said so). Any other line that is not an entry
 * is damage the console did not cause: an error naming the line.
 */
public final class JournalReader {

    private final JournalCodec codec = new JournalCodec();

    public JournalContents read(Path file) throws IOException {
        List<JournalLine> lines = new ArrayList<>();
        long intact = 0;
        long number = 0;
        ByteArrayOutputStream line = new ByteArrayOutputStream(512);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            int b;
            while ((b = in.read()) != -1) {
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                number++;
                byte[] bytes = line.toByteArray();
                intact += bytes.length + 1;
                line.reset();
                if (isBlank(bytes)) {
                    throw new JournalFormatException(file, number, "the line is empty", null);
                }
                lines.add(codec.decode(file, number, bytes));
            }
        }
        return new JournalContents(file, lines, line.size(), intact);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte x : bytes) {
            if (x != ' ' && x != '\t' && x != '\r') {
                return false;
            }
        }
        return true;
    }
}
