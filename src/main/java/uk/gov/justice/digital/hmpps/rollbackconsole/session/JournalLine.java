package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.time.Instant;
import java.util.Objects;

/** One entry as read from journal.jsonl: its 1-based line number and the time it was written. */
public record JournalLine(long number, Instant at, JournalEntry entry) {
    public JournalLine {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(entry, "entry");
    }
}
