package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.JsonWording;

/** How the parser's failures read to someone who only has the file. */
final class ParseFailures {

    private ParseFailures() {
    }

    /** What a limit the file broke means, in the words of a records file. */
    static String tooLarge(StreamConstraintsException e, ScanLimits limits) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("String value length")) {
            return "a string is longer than " + Text.count(limits.maxStringChars())
                    + " characters: no field of a records file comes near that";
        }
        if (message.startsWith("Name length")) {
            return "a field name is longer than " + Text.count(limits.maxStringChars())
                    + " characters: no field of a records file comes near that";
        }
        if (message.startsWith("Document nesting depth")) {
            return "values are nested more than " + limits.maxNesting()
                    + " levels deep: the records of a records file hold only plain values";
        }
        if (message.startsWith("Document length")) {
            return "the file is larger than " + Text.count(limits.maxDocumentBytes())
                    + " bytes, the most the console reviews: split it into smaller files";
        }
        return "a value is too large for a records file: " + JsonWording.plainWithoutSetting(e);
    }

    /** The file ended before its JSON did: cut short, as an interrupted copy or export leaves it. */
    static boolean isTruncation(IOException e) {
        return e instanceof JsonEOFException
                || (e instanceof JsonProcessingException jpe && jpe.getOriginalMessage() != null
                && jpe.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }
}
