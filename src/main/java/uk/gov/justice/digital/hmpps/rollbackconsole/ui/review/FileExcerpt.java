package uk.gov.justice.digital.hmpps.rollbackconsole.ui.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * A few lines of a file around one position, as the reviewer needs to see a problem where it is. The file is read
 * as a stream up to the last line wanted and no further, keeping only those lines, and of each line only a window
 * of {@link #WIDTH} characters: a file written on one long line costs no more memory than a pretty-printed one.
 *
 * <p>Lines and columns are counted as the review counts them: a line ends at {@code \n}, {@code \r\n} or a lone
 * {@code \r}; a column is a character (a code point), a tab is one; a UTF-8 byte order mark is not a character.
 * Bytes that are not UTF-8 show as {@code U+FFFD}, as do control characters.
 *
 * @param line   the position's line, 1-based
 * @param column the position's column, 1-based
 * @param lines  the lines read, in order; fewer than asked when the file ends sooner
 */
public record FileExcerpt(long line, long column, List<Line> lines) {

    /** Characters kept of each line. */
    public static final int WIDTH = 160;
    /** Characters kept before the position when its line has to be cut. */
    static final int BEFORE_POSITION = 60;
    /** Spaces a tab stands for on screen; the caret is placed accordingly. */
    static final int TAB_STOP = 4;

    /**
     * One line as shown.
     *
     * @param text     the kept window, tabs expanded, with an ellipsis where the line was cut
     * @param caret    where the position falls in {@code text}, or -1 on every other line
     */
    public record Line(long number, String text, int caret) {

        public boolean atPosition() {
            return caret >= 0;
        }
    }

    public FileExcerpt {
        lines = List.copyOf(lines);
    }

    /**
     * Reads lines {@code line - before} to {@code line + after}.
     *
     * @param cancelled checked as the file is read, so that choosing another problem stops a long read early
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static FileExcerpt read(Path file, long line, long column, int before, int after, BooleanSupplier cancelled)
            throws IOException {
        long target = Math.max(1, line);
        long col = Math.max(1, column);
        long first = Math.max(1, target - before);
        long last = target + after;
        // Every line is cut at the same place, so that the lines around the position stay aligned with it.
        long windowStart = col - 1 > WIDTH - BEFORE_POSITION ? col - 1 - BEFORE_POSITION : 0;
        long windowEnd = windowStart + WIDTH;

        List<Line> lines = new ArrayList<>();
        try (Reader in = reader(file)) {
            long number = 1;
            long index = 0; // characters read on this line
            StringBuilder kept = new StringBuilder();
            boolean atStart = true;
            boolean afterCr = false;
            char[] buffer = new char[8192];
            int n;
            reading:
            while ((n = in.read(buffer)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (atStart) {
                        atStart = false;
                        if (c == '\uFEFF') {
                            continue;
                        }
                    }
                    if (afterCr) {
                        afterCr = false;
                        if (c == '\n') {
                            continue;
                        }
                    }
                    if (c == '\n' || c == '\r') {
                        if (number >= first) {
                            lines.add(finish(number, kept, index, windowStart, windowEnd, number == target ? col : -1));
                        }
                        if (number >= last) {
                            break reading;
                        }
                        number++;
                        index = 0;
                        kept.setLength(0);
                        afterCr = c == '\r';
                        continue;
                    }
                    boolean secondHalf = Character.isLowSurrogate(c) && index > 0;
                    long at = secondHalf ? index - 1 : index;
                    if (number >= first && at >= windowStart && at < windowEnd) {
                        kept.append(c);
                    }
                    if (!secondHalf) {
                        index++;
                    }
                }
            }
            // The file ended inside a line; the empty "line" after a final line break is shown only when the
            // position is on it (a file cut short just after a line break).
            boolean lastLineRead = !lines.isEmpty() && lines.get(lines.size() - 1).number() == number;
            if (!lastLineRead && number >= first && number <= last && (index > 0 || number == target)) {
                lines.add(finish(number, kept, index, windowStart, windowEnd, number == target ? col : -1));
            }
        }
        return new FileExcerpt(target, col, lines);
    }

    /** The kept characters of one line, tabs expanded, cut marks added, and the caret placed when asked. */
    private static Line finish(long number, StringBuilder kept, long length, long windowStart, long windowEnd,
                               long caretColumn) {
        StringBuilder shown = new StringBuilder();
        int caret = -1;
        long caretIndex = caretColumn - 1; // in code points from the start of the line
        if (windowStart > 0 && length > 0) {
            shown.append('\u2026');
        }
        long index = windowStart;
        for (int i = 0; i < kept.length(); i++) {
            char c = kept.charAt(i);
            boolean continuation = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(kept.charAt(i - 1));
            if (!continuation) {
                if (index == caretIndex) {
                    caret = shown.length();
                }
                index++;
            }
            if (c == '\t') {
                int spaces = TAB_STOP - (shown.length() % TAB_STOP);
                shown.append(" ".repeat(spaces));
            } else if (Character.isISOControl(c)) {
                shown.append('\uFFFD');
            } else {
                shown.append(c);
            }
        }
        if (caretColumn > 0 && caret < 0) {
            // The position is just past the end of the line (the file was cut there) or beyond what was kept.
            caret = shown.length();
        }
        if (length > windowEnd) {
            shown.append('\u2026');
        }
        return new Line(number, shown.toString(), caret);
    }

    private static Reader reader(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 64 * 1024);
    }
}
