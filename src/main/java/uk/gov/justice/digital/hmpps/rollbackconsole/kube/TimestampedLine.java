package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One line of {@code kubectl logs --timestamps}: the time the container runtime stamped on it, and the line the
 * container wrote. kubectl prints RFC3339 with nanoseconds and drops trailing zeros
 * ({@code 2025-03-04T10:15:30.1234Z}, or no fraction at all), then one space.
 *
 * @param timestamp null when the line carries no stamp (kubectl run without {@code --timestamps})
 */
public record TimestampedLine(Instant timestamp, String text) {

    public TimestampedLine {
        Objects.requireNonNull(text, "text");
    }

    public static TimestampedLine parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        int space = raw.indexOf(' ');
        // The shortest stamp kubectl prints is 20 characters (2025-03-04T10:15:30Z).
        if (space >= 20 && raw.charAt(4) == '-' && raw.charAt(10) == 'T') {
            try {
                Instant at = OffsetDateTime.parse(raw.substring(0, space), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant();
                return new TimestampedLine(at, raw.substring(space + 1));
            } catch (DateTimeParseException e) {
                // Not a stamp after all: keep the whole line as text.
            }
        }
        return new TimestampedLine(null, raw);
    }
}
