package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import com.fasterxml.jackson.core.JsonLocation;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Turns the parser's positions into what an editor shows. Reading bytes, Jackson counts columns in bytes, which
 * drifts after any non-ASCII character on the line (and counts a byte order mark on line 1). Only the positions of
 * kept problems are converted, by counting characters in the file from the start of their line; the count
 * continues from the previous position on the same line, so even a file on one long line is read at most once more.
 */
final class ColumnCounter implements Closeable {

    private final Path file;
    private final int bomBytes;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private FileChannel channel;
    private boolean unreadable;

    private long cachedRowStart = -1;
    private long cachedOffset;
    private long cachedCharacters;

    ColumnCounter(Path file, int bomBytes) {
        this.file = file;
        this.bomBytes = bomBytes;
    }

    /** {line, column}, both 1-based; the column in characters when the file can be read, else in bytes. */
    long[] at(JsonLocation location) {
        long line = Math.max(1, location.getLineNr());
        long byteColumn = Math.max(1, location.getColumnNr());
        long offset = location.getByteOffset();
        long rowStart = offset - (byteColumn - 1);
        if (line == 1) {
            rowStart = Math.max(rowStart, bomBytes);
        }
        long fallback = line == 1 ? Math.max(1, byteColumn - bomBytes) : byteColumn;
        if (offset < 0 || rowStart < 0 || offset < rowStart || unreadable) {
            return new long[] {line, fallback};
        }
        long from = rowStart;
        long characters = 0;
        if (rowStart == cachedRowStart && offset >= cachedOffset) {
            from = cachedOffset;
            characters = cachedCharacters;
        }
        try {
            characters += countCharacters(from, offset);
        } catch (IOException e) {
            unreadable = true;
            return new long[] {line, fallback};
        }
        cachedRowStart = rowStart;
        cachedOffset = offset;
        cachedCharacters = characters;
        return new long[] {line, 1 + characters};
    }

    /** Characters in bytes [from, to): every byte that is not a UTF-8 continuation byte starts one. */
    private long countCharacters(long from, long to) throws IOException {
        if (channel == null) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        long count = 0;
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if ((buffer.get(i) & 0xC0) != 0x80) {
                    count++;
                }
            }
            position += n;
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
