package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the recluster messages in hmpps-person-record's log lines. Lines have the form
 * {@code yyyy-MM-dd HH:mm:ss.SSS LEVEL PID --- [thread] logger : message | mdc}; only the message is matched,
 * never the logger (an abbreviated, padded class name that changes with the code). Spaces inside a message are
 * matched leniently: the service builds the {@code ADMIN RECLUSTER:} messages with two spaces after the colon.
 * Anything else (other requests, stack trace lines, blank lines) is not a recluster event.
 */
public final class ReclusterLogParser {

    // Date, time, level, pid, "---", one or more [bracketed] columns (thread; newer Spring Boot adds the app name),
    // the logger, " : ", then the message.
    private static final Pattern LINE = Pattern.compile(
            "^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\S*\\s+"
                    + "(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\\s+\\d+\\s+---\\s+(?:\\[[^\\]]*\\]\\s*)+\\S+\\s+:\\s(.*)$");

    private static final String END = "(?=\\s|\\||$)";
    private static final String ITEM = "item:\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})" + END;
    private static final String NUMBER = "(\\d{1,9})";

    private static final Pattern TRIGGERED = message("ADMIN\\s+RECLUSTER:\\s+Triggered\\.\\s+Number\\s+of\\s+records:\\s+"
            + NUMBER + "\\.?" + END);
    private static final Pattern UPSERT_COMPLETE = message("ADMIN\\s+RECLUSTER:\\s+Records\\s+Upsert\\s+Complete\\." + END);
    private static final Pattern COMPLETE = message("ADMIN\\s+RECLUSTER:\\s+Complete\\." + END);
    private static final Pattern STARTING = message("Starting\\s+(Upsert|Recluster)\\s+Person\\s+Records,\\s+count:\\s+"
            + NUMBER + END);
    private static final Pattern PROCESSING = message("Processing\\s+(Upsert|Recluster)\\s+Person\\s+Records,\\s+" + ITEM);
    private static final Pattern SKIPPING = message("Skipping\\s+(Upsert|Recluster)\\s+Person\\s+Records,\\s+" + ITEM
            + "\\s+it\\s+has\\s+been\\s+merged");
    private static final Pattern NOT_FOUND = message("Error\\s+(Upsert|Recluster)\\s+Person\\s+Records,\\s+record\\s+not\\s+found\\.\\s+"
            + "id:\\s+(.*?)\\s+" + ITEM);

    private static Pattern message(String regex) {
        return Pattern.compile("^\\s*" + regex);
    }

    /** The event a service log line (without kubectl's stamp) carries, if it is one of the recluster messages. */
    public Optional<ReclusterEvent> parse(String line) {
        if (line == null || line.indexOf("Records") < 0 && line.indexOf("RECLUSTER") < 0) {
            return Optional.empty();
        }
        Matcher whole = LINE.matcher(line);
        if (!whole.matches()) {
            return Optional.empty();
        }
        return parseMessage(whole.group(1));
    }

    /** The event in a bare message, for callers that have already split the line. */
    public Optional<ReclusterEvent> parseMessage(String message) {
        Matcher m;
        if ((m = PROCESSING.matcher(message)).lookingAt()) {
            return Optional.of(new ReclusterEvent.Processing(phase(m.group(1)), number(m.group(2)), number(m.group(3))));
        }
        if ((m = SKIPPING.matcher(message)).lookingAt()) {
            return Optional.of(new ReclusterEvent.SkippedMerged(phase(m.group(1)), number(m.group(2)), number(m.group(3))));
        }
        if ((m = NOT_FOUND.matcher(message)).lookingAt()) {
            return Optional.of(new ReclusterEvent.NotFound(phase(m.group(1)), m.group(2), number(m.group(3)),
                    number(m.group(4))));
        }
        if ((m = STARTING.matcher(message)).lookingAt()) {
            return Optional.of(new ReclusterEvent.Started(phase(m.group(1)), number(m.group(2))));
        }
        if ((m = TRIGGERED.matcher(message)).lookingAt()) {
            return Optional.of(new ReclusterEvent.Triggered(number(m.group(1))));
        }
        if (UPSERT_COMPLETE.matcher(message).lookingAt()) {
            return Optional.of(new ReclusterEvent.UpsertComplete());
        }
        if (COMPLETE.matcher(message).lookingAt()) {
            return Optional.of(new ReclusterEvent.Complete());
        }
        return Optional.empty();
    }

    private static Phase phase(String word) {
        return word.equals("Upsert") ? Phase.UPSERT : Phase.RECLUSTER;
    }

    private static int number(String digits) {
        // At most nine digits, so always an int.
        return Integer.parseInt(digits);
    }
}
