package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The layout of the runbook's affected-records file, as Jackson's default pretty printer writes it with arrays
 * indented like objects:
 * <pre>
 * [
 *   {
 *     "person_uuid" : "782a5cbe-5a10-4694-a046-0be9e82f0591",
 *     "source_system" : "COMMON_PLATFORM",
 *     "source_system_id" : "6d6fa987-c680-4f18-ba58-ec507463a75c"
 *   },
 *   {
 *     "person_uuid" : null,
 *     ...
 *   }
 * ]
 * </pre>
 * UTF-8 without a byte order mark, LF line ends on every platform, and a newline after the closing bracket.
 * An empty set is written {@code [ ]} plus newline, which is what Jackson itself writes for an empty list, so a file
 * produced by hand with Jackson and one produced here stay byte-identical.
 */
final class RunbookJsonFormat {

    static final String PERSON_UUID = "person_uuid";
    static final String SOURCE_SYSTEM = "source_system";
    static final String SOURCE_SYSTEM_ID = "source_system_id";

    // Pre-encoded once, so the writer copies bytes instead of re-encoding three names for every record.
    static final SerializedString PERSON_UUID_NAME = new SerializedString(PERSON_UUID);
    static final SerializedString SOURCE_SYSTEM_NAME = new SerializedString(SOURCE_SYSTEM);
    static final SerializedString SOURCE_SYSTEM_ID_NAME = new SerializedString(SOURCE_SYSTEM_ID);

    static final String LINE_END = "\n";

    private RunbookJsonFormat() {
    }

    /** A fresh printer for each file: the printer keeps the nesting level, so it must not be shared. */
    static DefaultPrettyPrinter prettyPrinter() {
        // The system line separator would give CRLF on Windows; the runbook's file uses LF everywhere.
        DefaultIndenter indenter = new DefaultIndenter("  ", LINE_END);
        // Spelled out so the bytes of the file do not depend on Jackson's defaults.
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.BOTH)
                .withObjectEntrySpacing(Separators.Spacing.NONE)
                .withArrayValueSpacing(Separators.Spacing.NONE);
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
    }
}
