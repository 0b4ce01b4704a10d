package uk.gov.justice.digital.hmpps.rollbackconsole.kube;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Drops the lines a log follow sees twice. After a reconnect, {@code --since-time} (whole seconds) replays
 * everything from the start of the second of the last line seen; those replayed lines, up to and including the
 * ones stamped exactly like the last line seen, are dropped. Outside a replay every line passes, even two equal
 * lines with one stamp, because a service can log the same text twice in a nanosecond.
 */
public final class LineDeduplicator {

    private Instant last;
    // How many times each text was seen at the stamp {@code last}: a replay may only consume that many.
    private final Map<String, Integer> seenAtLast = new HashMap<>();
    private Map<String, Integer> replayBudget = Map.of();
    private boolean replaying;

    /** True when the line is new and should be passed on. */
    public boolean accept(TimestampedLine line) {
        Instant at = line.timestamp();
        if (at == null) {
            return true;
        }
        if (replaying) {
            if (at.isBefore(last)) {
                return false;
            }
            if (at.equals(last)) {
                Integer left = replayBudget.get(line.text());
                if (left != null && left > 0) {
                    replayBudget.put(line.text(), left - 1);
                    return false;
                }
            } else {
                replaying = false;
            }
        }
        if (last == null || at.isAfter(last)) {
            last = at;
            seenAtLast.clear();
        }
        if (at.equals(last)) {
            seenAtLast.merge(line.text(), 1, Integer::sum);
        }
        return true;
    }

    /** Call when the stream is opened again; the lines that follow may repeat what was seen. */
    public void reconnected() {
        if (last != null) {
            replaying = true;
            replayBudget = new HashMap<>(seenAtLast);
        }
    }

    /** The stamp of the last line passed on: where a reconnect should start from. Null before any. */
    public Instant lastTimestamp() {
        return last;
    }
}
