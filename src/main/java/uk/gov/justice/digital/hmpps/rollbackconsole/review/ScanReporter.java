package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.function.Supplier;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.JsonWording;

/**
 * Where one scan's problems are said: at the parser's current token or at a place in the file, by line and column,
 * each code's first few kept in full and the rest only counted.
 */
final class ScanReporter {

    private final ProblemTally problems;
    private final ColumnCounter columns;
    private JsonParser parser;

    ScanReporter(ProblemTally problems, ColumnCounter columns) {
        this.problems = problems;
        this.columns = columns;
    }

    /** The parser the scan reads with, from its first token. */
    void reading(JsonParser parser) {
        this.parser = parser;
    }

    JsonParser parser() {
        return parser;
    }

    void atToken(ProblemCode code, long record, Supplier<String> message) {
        if (!problems.keeps(code)) {
            problems.countOnly(code);
            return;
        }
        at(code, parser.currentTokenLocation(), record, message);
    }

    void at(ProblemCode code, JsonLocation location, long record, Supplier<String> message) {
        if (!problems.keeps(code)) {
            problems.countOnly(code);
            return;
        }
        long[] position = columns.at(location);
        problems.add(new Problem(code, message.get(), position[0], position[1], record));
    }

    /** Steps over a list or object whose content the scan does not read. */
    void skipChildren(JsonToken token) throws IOException {
        if (token != null && token.isStructStart()) {
            parser.skipChildren();
        }
    }

    /** The value at the parser, as a message names it: "the number 12", "the string "x"", "a list". */
    String describeValue(JsonToken token) {
        try {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
                case VALUE_STRING -> "the string " + Text.quote(parser.getText());
                default -> JsonWording.describe(token);
            };
        } catch (IOException e) {
            return JsonWording.describe(token);
        }
    }
}
