package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/** What the incident lead's cutoff text amounts to; only {@link Valid} may reach a query. */
public sealed interface CutoffInput {

    record Empty() implements CutoffInput {
    }

    /** The message says what is wrong and shows accepted forms. */
    record Invalid(String message) implements CutoffInput {
        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }

    record Valid(Cutoff cutoff) implements CutoffInput {
        public Valid {
            Objects.requireNonNull(cutoff, "cutoff");
        }
    }

    /** The clocks went back, so the wall clock happened twice; only the incident lead knows which was meant. */
    record Ambiguous(LocalDateTime local, ZoneId zone, Cutoff earlier, Cutoff later) implements CutoffInput {
        public Ambiguous {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(earlier, "earlier");
            Objects.requireNonNull(later, "later");
            if (!earlier.instant().isBefore(later.instant())) {
                throw new IllegalArgumentException("earlier " + earlier.instant() + " is not before " + later.instant());
            }
        }
    }

    /** The clocks went forward, so the wall clock never happened; shifting it would be a guess. */
    record Nonexistent(LocalDateTime local, ZoneId zone, String message) implements CutoffInput {
        public Nonexistent {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(message, "message");
        }
    }
}
