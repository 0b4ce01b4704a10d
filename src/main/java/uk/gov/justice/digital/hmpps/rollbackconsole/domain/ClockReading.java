package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * Which clock event_log's data follows, read off the data itself: the newest {@code event_timestamp} against the
 * replica's clock read in UK time and in UTC. With events flowing the newest event is seconds or minutes behind the
 * clock the service writes in; read in the other clock it is an hour out (in summer). In winter both clocks agree,
 * and with no recent event nothing can be told: then the service's configured clock stands.
 *
 * @param newestEvent the newest event_timestamp, or null when event_log is empty
 * @param replicaNow  the replica's {@code now()}
 */
public record ClockReading(LocalDateTime newestEvent, Instant replicaNow) {

    /** Clock skew and replication delay that still count as "now". */
    static final Duration SKEW = Duration.ofMinutes(2);
    /** How old the newest event may be and still say which clock wrote it. */
    static final Duration RECENT = Duration.ofMinutes(15);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public ClockReading {
        Objects.requireNonNull(replicaNow, "replicaNow");
    }

    /** The clock the data follows, or empty when it cannot be told. */
    public Optional<EventClock> detected() {
        return Optional.ofNullable(decide().clock);
    }

    /** One sentence: which clock, and the readings that show it. */
    public String explanation() {
        return decide().sentence;
    }

    private Decision decide() {
        LocalDateTime ukNow = EventClock.UK.wallClock(replicaNow);
        LocalDateTime utcNow = EventClock.UTC.wallClock(replicaNow);
        String readings = "UK now " + time(ukNow) + ", UTC now " + time(utcNow);
        if (newestEvent == null) {
            return new Decision(null, "event_log has no events, so its clock cannot be told from the data ("
                    + readings + "); the service's clock, UK time, is used.");
        }
        String newest = "newest event " + (newestEvent.toLocalDate().equals(ukNow.toLocalDate())
                || newestEvent.toLocalDate().equals(utcNow.toLocalDate()) ? time(newestEvent) : DATE_TIME.format(newestEvent));
        if (ukNow.equals(utcNow)) {
            return new Decision(null, "UK time and UTC agree now (GMT), so event_log's clock cannot be told from the"
                    + " data (" + newest + ", " + readings + "); the service's clock, UK time, is used.");
        }
        // The two readings differ by the summer hour. Read as UTC, UK data is up to an hour in the future, which
        // UTC data can never be; read as UK time, UTC data has been silent for most of an hour.
        if (newestEvent.isAfter(utcNow.plus(SKEW)) && !newestEvent.isAfter(ukNow.plus(SKEW))) {
            return new Decision(EventClock.UK, "event_log is in UK time: " + newest + ", " + readings
                    + " (read as UTC, the newest event would be " + minutes(Duration.between(utcNow, newestEvent))
                    + " in the future).");
        }
        if (newestEvent.isAfter(ukNow.plus(SKEW))) {
            return new Decision(null, "event_log's newest event is ahead of both clocks (" + newest + ", " + readings
                    + "), so its clock cannot be told from the data; the service's clock, UK time, is used.");
        }
        if (!newestEvent.isBefore(utcNow.minus(RECENT))) {
            return new Decision(EventClock.UTC, "event_log looks like UTC, not the service's UK time: " + newest + ", "
                    + readings + " (read as UK time, nothing would have been written for "
                    + minutes(Duration.between(newestEvent, ukNow)) + ").");
        }
        return new Decision(null, "No event in the last " + RECENT.toMinutes() + " minutes (" + newest + ", "
                + readings + "), so event_log's clock cannot be told from the data; the service's clock, UK time,"
                + " is used.");
    }

    private static String minutes(Duration d) {
        long m = Math.max(0, d.toMinutes());
        return m == 1 ? "1 minute" : m + " minutes";
    }

    private static String time(LocalDateTime t) {
        return TIME.format(t);
    }

    private record Decision(EventClock clock, String sentence) {
    }
}
