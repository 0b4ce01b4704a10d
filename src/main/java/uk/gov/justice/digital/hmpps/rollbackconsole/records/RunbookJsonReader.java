package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a runbook file record by record with a streaming parser, so memory stays the same whatever the file's
 * size. The top level must be a list of objects; fields other than the three of the runbook are skipped.
 * This checks structure and types only: whether a source system is known, or an id well formed, is left to the
 * caller.
 */
public final class RunbookJsonReader implements AutoCloseable {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    // No id comes near this; the limit keeps a damaged file from filling memory with one value.
    private static final int MAX_STRING_CHARS = 64 * 1024;
    private static final int MAX_NESTING = 64;



    private final Path file;
    private final InputStream in;
    private final JsonParser parser;
    // Jackson counts a byte order mark in the columns of line 1; an editor shows none.
    private final int bomBytes;

    private boolean started;
    private boolean finished;
    private long nextIndex;
    private RecordsFormatException failure;

    private RunbookJsonReader(Path file, InputStream in) throws IOException {
        this.file = file;
        this.in = in;
        this.bomBytes = startsWithBom(file) ? UTF8_BOM.length : 0;
        JsonFactory factory = JsonFactory.builder()
                // The reader owns the stream; a caller such as the verifier may still need it after the last token.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING_CHARS)
                        .maxNestingDepth(MAX_NESTING)
                        .build())
                .build();
        this.parser = factory.createParser(in);
    }

    public static RunbookJsonReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return over(file, Files.newInputStream(file));
    }

    /** Reads {@code file}'s bytes from {@code in}, which the reader closes. Lets the verifier hash in the same pass. */
    static RunbookJsonReader over(Path file, InputStream in) throws IOException {
        try {
            return new RunbookJsonReader(file, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The next record, or empty once the list is closed and nothing follows it. */
    public Optional<FileRecord> next() throws IOException, RecordsFormatException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return Optional.empty();
        }
        try {
            if (!started) {
                readListStart();
                started = true;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                readNothingAfterList();
                return Optional.empty();
            }
            if (token == null) {
                throw problem(parser.currentLocation(), nextIndex, truncatedText());
            }
            if (token != JsonToken.START_OBJECT) {
                throw problem(parser.currentTokenLocation(), nextIndex, recordLabel(nextIndex) + " is "
                        + JsonWording.describe(token) + ", but every element of the list must be an object { ... }");
            }
            FileRecord record = readRecord();
            nextIndex++;
            return Optional.of(record);
        } catch (RecordsFormatException e) {
            failure = e;
            throw e;
        } catch (JsonProcessingException | CharConversionException e) {
            failure = translate(e);
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            parser.close();
        } finally {
            in.close();
        }
    }

    private void readListStart() throws IOException, RecordsFormatException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw problem(parser.currentLocation(), null,
                    "the file is empty, but a runbook file is a JSON list of records: [ { ... }, ... ]");
        }
        if (token != JsonToken.START_ARRAY) {
            throw problem(parser.currentTokenLocation(), null,
                    "the file must be a JSON list of records ([ { ... }, ... ]), but it starts with " + JsonWording.describe(token));
        }
    }

    private void readNothingAfterList() throws IOException, RecordsFormatException {
        JsonToken token = parser.nextToken();
        if (token != null) {
            throw problem(parser.currentTokenLocation(), null,
                    "the list of records has ended, but " + JsonWording.describe(token) + " follows it; remove what follows the closing ]");
        }
    }

    private FileRecord readRecord() throws IOException, RecordsFormatException {
        long index = nextIndex;
        JsonLocation start = parser.currentTokenLocation();
        String personUuid = null;
        String sourceSystem = null;
        String sourceSystemId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case RunbookJsonFormat.PERSON_UUID ->
                        personUuid = value == JsonToken.VALUE_NULL ? null : text(name, value, index, "a UUID in quotes, or null");
                case RunbookJsonFormat.SOURCE_SYSTEM ->
                        sourceSystem = text(name, value, index, "a string such as \"NOMIS\"");
                case RunbookJsonFormat.SOURCE_SYSTEM_ID ->
                        sourceSystemId = text(name, value, index, "a string");
                default -> parser.skipChildren();
            }
        }
        // The parser itself rejects anything but END_OBJECT here.
        if (sourceSystem == null) {
            throw problem(start, index, recordLabel(index) + " has no " + RunbookJsonFormat.SOURCE_SYSTEM);
        }
        if (sourceSystemId == null) {
            throw problem(start, index, recordLabel(index) + " has no " + RunbookJsonFormat.SOURCE_SYSTEM_ID);
        }
        return new FileRecord(index, start.getLineNr(), recordColumn(start), personUuid, sourceSystem, sourceSystemId);
    }

    private String text(String field, JsonToken value, long index, String expected)
            throws IOException, RecordsFormatException {
        if (value == JsonToken.VALUE_STRING) {
            return parser.getText();
        }
        String where = field + " of " + recordLabel(index);
        if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) {
            // The service would accept a number and turn it into a string; ids are strings in every source system.
            String number = parser.getText();
            throw problem(parser.currentTokenLocation(), index, where + " is the number " + number
                    + ", but it must be a string: write \"" + number + "\"");
        }
        throw problem(parser.currentTokenLocation(), index, where + " is " + JsonWording.describe(value) + "; expected " + expected);
    }

    private RecordsFormatException translate(IOException e) {
        JsonLocation location = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? jpe.getLocation()
                : parser.currentLocation();
        Long index = started && !finished ? nextIndex : null;
        String text;
        if (isTruncation(e)) {
            text = truncatedText();
        } else if (e instanceof StreamConstraintsException sce) {
            text = "a value is too long or nested too deeply for a runbook file ("
                    + JsonWording.plainWithoutSetting(sce) + ")";
        } else if (e instanceof CharConversionException) {
            text = "the file is not text in a known encoding; a runbook file is UTF-8 JSON (" + e.getMessage() + ")";
        } else {
            text = "this is not valid JSON: " + JsonWording.plain(e);
        }
        long[] position = errorPosition(location);
        return new RecordsFormatException(file, position[0], position[1], index, text, e);
    }

    private RecordsFormatException problem(JsonLocation location, Long recordIndex, String text) {
        long[] position = errorPosition(location);
        return new RecordsFormatException(file, position[0], position[1], recordIndex, text, null);
    }

    private static boolean isTruncation(IOException e) {
        return e instanceof JsonEOFException
                || (e instanceof JsonProcessingException jpe && jpe.getOriginalMessage() != null
                && jpe.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }

    private static String truncatedText() {
        return "the file ends before the list of records is closed; it looks cut short, so export it again";
    }


    private static String recordLabel(long index) {
        return "record " + (index + 1);
    }


    private int recordColumn(JsonLocation location) {
        // Bytes and characters agree for the ASCII the runbook's files hold; only the byte order mark differs.
        int column = location.getColumnNr();
        return location.getLineNr() == 1 ? Math.max(1, column - bomBytes) : column;
    }

    /**
     * Line and character column. Jackson counts columns in bytes when it reads bytes, which drifts after any
     * non-ASCII character on the line, so errors (rare, and read by people) recount that line from the file.
     */
    private long[] errorPosition(JsonLocation location) {
        long line = Math.max(1, location.getLineNr());
        long byteColumn = Math.max(1, location.getColumnNr());
        long offset = location.getByteOffset();
        if (offset < 0) {
            return new long[] {line, byteColumn};
        }
        long rowStart = offset - (byteColumn - 1);
        if (line == 1) {
            rowStart = Math.max(rowStart, bomBytes);
        }
        try {
            return new long[] {line, 1 + countCharacters(rowStart, offset)};
        } catch (IOException | RuntimeException e) {
            return new long[] {line, line == 1 ? Math.max(1, byteColumn - bomBytes) : byteColumn};
        }
    }

    /** Code points in bytes [from, to) of the file: every byte that is not a UTF-8 continuation byte starts one. */
    private long countCharacters(long from, long to) throws IOException {
        if (from < 0 || to <= from) {
            return 0;
        }
        long count = 0;
        try (InputStream bytes = Files.newInputStream(file)) {
            bytes.skipNBytes(from);
            byte[] buffer = new byte[8192];
            long remaining = to - from;
            while (remaining > 0) {
                int n = bytes.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if ((buffer[i] & 0xC0) != 0x80) {
                        count++;
                    }
                }
                remaining -= n;
            }
        }
        return count;
    }

    private static boolean startsWithBom(Path file) {
        try (InputStream head = Files.newInputStream(file)) {
            byte[] first = head.readNBytes(UTF8_BOM.length);
            return Arrays.equals(first, UTF8_BOM);
        } catch (IOException e) {
            return false;
        }
    }
}
