package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/** Jackson's tokens and errors in the words the console's messages use, shared by every reader of records files. */
public final class JsonWording {

    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?");
    private static final Pattern JACKSON_SETTING = Pattern.compile(",? from `[^`]*`");

    private JsonWording() {
    }

    /** "an object", "a closing ]", "a number": what a person would call the token. */
    public static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case END_OBJECT -> "a closing }";
            case END_ARRAY -> "a closing ]";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** Jackson's message without its own position, which counts bytes and names no file; ours replaces it. */
    public static String plain(IOException e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : JACKSON_SOURCE.matcher(message).replaceAll("");
    }

    /** Also without the name of the Jackson setting that a limit comes from, which means nothing to a reviewer. */
    public static String plainWithoutSetting(IOException e) {
        return JACKSON_SETTING.matcher(plain(e)).replaceAll("");
    }
}
