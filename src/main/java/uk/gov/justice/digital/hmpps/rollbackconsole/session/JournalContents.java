package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A journal as read back.
 *
 * @param tornBytes   the length of an incomplete last line that was ignored (the console was stopped while writing
 *                    it); 0 when the file ends with a complete line
 * @param intactBytes the length of the file up to and including its last complete line
 */
public record JournalContents(Path file, List<JournalLine> lines, long tornBytes, long intactBytes) {
    public JournalContents {
        lines = List.copyOf(lines);
    }

    /** "the last line was incomplete (N bytes) and was ignored", when it was. */
    public Optional<String> note() {
        return tornBytes == 0 ? Optional.empty()
                : Optional.of("the last line was incomplete (" + tornBytes + " bytes) and was ignored");
    }
}
