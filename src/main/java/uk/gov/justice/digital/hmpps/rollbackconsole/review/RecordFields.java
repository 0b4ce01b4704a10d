package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.JsonWording;

/**
 * The values of one record's three fields, read at the parser and checked as the service would take them: a
 * known source system, an id it would look up, a person_uuid it ignores but a reviewer may want. Each problem is
 * said where it is; a value that cannot be sent reads as null.
 */
final class RecordFields {

    static final int UUID_NONE = 0;
    static final int UUID_VALID = 1;
    static final int UUID_MALFORMED = 2;

    private static final String KNOWN_SYSTEMS = Arrays.stream(SourceSystem.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final ScanReporter say;
    private final ScanLimits limits;
    private final long[] uuid;

    /** @param uuid where a valid person_uuid's two halves are put */
    RecordFields(ScanReporter say, ScanLimits limits, long[] uuid) {
        this.say = say;
        this.limits = limits;
        this.uuid = uuid;
    }

    SourceSystem sourceSystem(long number) throws IOException {
        JsonToken value = say.parser().currentToken();
        if (value == JsonToken.VALUE_STRING) {
            String text = say.parser().getText();
            Optional<SourceSystem> system = SourceSystem.fromWire(text);
            if (system.isPresent()) {
                return system.get();
            }
            say.atToken(ProblemCode.UNKNOWN_SOURCE_SYSTEM, number, () -> SourceSystem.suggestionFor(text)
                    .map(s -> "unknown source_system " + Text.quote(text) + " — did you mean \"" + s.name() + "\"?")
                    .orElse("unknown source_system " + Text.quote(text) + ": it must be one of " + KNOWN_SYSTEMS
                            + ", written exactly so"));
            return null;
        }
        if (value == JsonToken.VALUE_NULL) {
            say.atToken(ProblemCode.MISSING_SOURCE_SYSTEM, number, () -> "source_system is null");
            return null;
        }
        say.atToken(ProblemCode.SOURCE_SYSTEM_NOT_TEXT, number, () -> "source_system is " + say.describeValue(value)
                + ", but it must be one of " + KNOWN_SYSTEMS + " in quotes");
        say.skipChildren(value);
        return null;
    }

    /** The id as the service would see it, or null when the record cannot be sent. */
    String id(long number) throws IOException {
        JsonToken value = say.parser().currentToken();
        switch (value) {
            case VALUE_STRING -> {
                return checkIdText(say.parser().getText(), number);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = say.parser().getText();
                if (tooLong(text, number)) {
                    return null;
                }
                say.atToken(ProblemCode.ID_IS_NUMBER, number, () -> "source_system_id is the number " + text
                        + ", not a string: the service accepts it as \"" + text
                        + "\", but ids are strings in every source system");
                return text;
            }
            case VALUE_NULL -> {
                say.atToken(ProblemCode.MISSING_SOURCE_SYSTEM_ID, number, () -> "source_system_id is null");
                return null;
            }
            default -> {
                say.atToken(ProblemCode.ID_NOT_TEXT, number,
                        () -> "source_system_id is " + JsonWording.describe(value) + ", but it must be a string");
                say.skipChildren(value);
                return null;
            }
        }
    }

    private String checkIdText(String text, long number) {
        if (text.isEmpty()) {
            say.atToken(ProblemCode.BLANK_ID, number, () -> "source_system_id is empty");
            return null;
        }
        if (text.isBlank()) {
            say.atToken(ProblemCode.BLANK_ID, number, () -> "source_system_id is blank: " + Text.quote(text));
            return null;
        }
        if (tooLong(text, number)) {
            return null;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            say.atToken(ProblemCode.ID_WHITESPACE, number, () -> "source_system_id " + Text.quote(text)
                    + " has blank space at the start or end: the service looks it up exactly as written and would"
                    + " not find the record");
        }
        return text;
    }

    private boolean tooLong(String text, long number) {
        if (text.length() <= limits.maxIdChars()) {
            return false;
        }
        int length = text.codePointCount(0, text.length());
        if (length <= limits.maxIdChars()) {
            return false;
        }
        say.atToken(ProblemCode.ID_TOO_LONG, number, () -> "source_system_id is " + Text.count(length)
                + " characters long; no source system has ids longer than " + limits.maxIdChars());
        return true;
    }

    int personUuid(long number) throws IOException {
        JsonToken value = say.parser().currentToken();
        if (value == JsonToken.VALUE_NULL) {
            return UUID_NONE;
        }
        if (value == JsonToken.VALUE_STRING) {
            String text = say.parser().getText();
            if (StrictUuid.parse(text, uuid)) {
                return UUID_VALID;
            }
            say.atToken(ProblemCode.MALFORMED_PERSON_UUID, number, () -> "person_uuid " + Text.quote(text)
                    + " is not a UUID; the service ignores person_uuid, so this does not stop a send");
            return UUID_MALFORMED;
        }
        say.atToken(ProblemCode.MALFORMED_PERSON_UUID, number, () -> "person_uuid is " + say.describeValue(value)
                + ", not a UUID in quotes or null; the service ignores person_uuid, so this does not stop a send");
        say.skipChildren(value);
        return UUID_MALFORMED;
    }
}
