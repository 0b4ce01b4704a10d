package uk.gov.justice.digital.hmpps.rollbackconsole.domain;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a window takes in because a bound falls in the autumn's repeated hour (01:00-02:00 UK on the last Sunday of
 * October): event_log cannot tell which of the two hours an event was in, so the window takes the whole hour.
 *
 * @param extraAtStart affected events between the start of the repeated hour and the cutoff's own reading: some of
 *                     them may be from before the cutoff
 * @param extraAtEnd   affected events between the as-of bound's own reading and the end of the repeated hour
 */
public record WindowWidening(AffectedWindow window, long extraAtStart, long extraAtEnd) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public WindowWidening {
        Objects.requireNonNull(window, "window");
    }

    public boolean widened() {
        return window.lower().widened() || window.upper().widened();
    }

    /** One or two sentences for the screen, the journal and the command line; empty when nothing was widened. */
    public Optional<String> describe() {
        if (!widened()) {
            return Optional.empty();
        }
        NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
        StringBuilder b = new StringBuilder();
        EventClock.Bound lower = window.lower();
        if (lower.widened()) {
            b.append("The cutoff falls in the hour the clocks went back, which happened twice and which event_log")
                    .append(" cannot tell apart: the window starts at ").append(TIME.format(lower.value()))
                    .append(" (").append(window.clock().label()).append("), the start of that hour, and so takes in ")
                    .append(n.format(extraAtStart)).append(extraAtStart == 1 ? " event" : " events")
                    .append(" between then and ").append(TIME.format(lower.exact()))
                    .append(" that may be from before the cutoff.");
        }
        EventClock.Bound upper = window.upper();
        if (upper.widened()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append("The as-of bound falls in the repeated hour: the window runs to ")
                    .append(TIME.format(upper.value())).append(" (").append(window.clock().label())
                    .append("), the end of that hour, taking in ").append(n.format(extraAtEnd))
                    .append(extraAtEnd == 1 ? " event" : " events").append(" after ")
                    .append(TIME.format(upper.exact())).append('.');
        }
        return Optional.of(b.toString());
    }
}
