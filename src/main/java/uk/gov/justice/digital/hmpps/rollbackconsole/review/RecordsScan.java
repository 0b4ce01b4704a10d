package uk.gov.justice.digital.hmpps.rollbackconsole.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.Sha256;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.JsonWording;

/**
 * One streaming pass over a records file: parse token by token, check every record, count, fingerprint and hash,
 * in memory that does not grow with the file except for the two compact sets (record fingerprints, cluster
 * UUIDs). Used once per file by the validator and, without the sets, again by the diff to pick records out.
 */
final class RecordsScan {

    /** Hears each valid record (known source system, usable id), duplicates included, in file order. */
    @FunctionalInterface
    interface RecordVisitor {
        void accept(long number, SourceSystem system, String id, UUID personUuid, long keyHigh, long keyLow);
    }

    /** The report, and the fingerprints of the file's records, each with the number of its first occurrence. */
    record Outcome(ReviewReport report, LongPairTable keys) {
    }

    static final String PERSON_UUID = "person_uuid";
    static final String SOURCE_SYSTEM = "source_system";
    static final String SOURCE_SYSTEM_ID = "source_system_id";

    private static final String KNOWN_SYSTEMS = Arrays.stream(SourceSystem.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private static final int BUFFER_BYTES = 64 * 1024;


    private static final int SEEN_SYSTEM = 1;
    private static final int SEEN_ID = 2;
    private static final int SEEN_UUID = 4;

    private static final int UUID_NONE = 0;
    private static final int UUID_VALID = 1;
    private static final int UUID_MALFORMED = 2;

    private enum TopLevel { NONE, LIST, DBEAVER }

    private final Path file;
    private final ScanLimits limits;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;
    private final boolean collect;
    private final RecordVisitor visitor;

    private final ProblemTally problems;
    private final LongPairTable keys;
    private final LongPairTable clusters;
    private final ExtraFields extras;
    private final long[] key = new long[2];
    private final long[] uuid = new long[2];

    private JsonParser parser;
    private ScanInputStream in;
    private ColumnCounter columns;
    private long size;

    private TopLevel topLevel = TopLevel.NONE;
    private String query;
    private boolean stopped;
    private boolean inList;
    private boolean inElement;
    private long elements;
    private long objects;
    private long withPersonUuidField;
    private long withoutPersonUuid;
    private final long[] bySystem = new long[SourceSystem.values().length];

    /**
     * @param collect keep the sets that find duplicates and count distinct records and clusters; a second pass
     *                over a file already reviewed can do without
     * @param visitor null when nobody needs the records themselves
     */
    RecordsScan(Path file, ScanLimits limits, ProgressListener progress, BooleanSupplier cancelled, boolean collect,
                RecordVisitor visitor) {
        this.file = file;
        this.limits = limits;
        this.progress = progress;
        this.cancelled = cancelled;
        this.collect = collect;
        this.visitor = visitor;
        this.problems = new ProblemTally(limits.problemsPerCode());
        this.extras = new ExtraFields(limits.maxExtraFieldNames());
        this.keys = collect ? new LongPairTable() : null;
        this.clusters = collect ? new LongPairTable() : null;
    }

    /** @throws CancellationException when cancelled or interrupted; nothing is reported then */
    Outcome run() throws IOException {
        checkCancelled();
        size = Files.size(file);
        FileHead head = FileHead.of(file);
        boolean bom = head.utf8Bom();
        String wide = head.wideEncoding();
        MessageDigest digest = Sha256.newDigest();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
             ScanInputStream scanned = new ScanInputStream(raw, digest, bom);
             ColumnCounter counter = new ColumnCounter(file, bom ? FileHead.UTF8_BOM_LENGTH : 0)) {
            in = scanned;
            columns = counter;
            if (wide != null) {
                stopped = true;
                problems.add(new Problem(ProblemCode.NOT_UTF8,
                        "the file is " + wide + " text, but the service reads UTF-8: save it as UTF-8", 1, 1, 0));
            } else {
                try (JsonParser p = factory().createParser(scanned)) {
                    parser = p;
                    parse();
                }
                if (!stopped && scanned.invalidOffset() >= 0) {
                    // The parser let it through (an overlong form or a surrogate), but the bytes are still not UTF-8.
                    notUtf8(0);
                }
            }
            extras.problems().forEach(problems::add);
            drain(scanned);
        }
        progress.progress(elements, in.position(), size);
        return new Outcome(report(Sha256.hex(digest)), keys);
    }

    private void parse() throws IOException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                stopped = true;
                problems.add(new Problem(ProblemCode.EMPTY_FILE,
                        size == 0 ? "the file is empty" : "the file holds only blank space", 1, 1, 0));
                return;
            }
            if (first == JsonToken.START_ARRAY) {
                topLevel = TopLevel.LIST;
                readList();
            } else if (first == JsonToken.START_OBJECT) {
                if (!readDbeaverStart()) {
                    return;
                }
                readList();
                if (!readDbeaverEnd()) {
                    return;
                }
            } else {
                stopped = true;
                reportAtToken(ProblemCode.WRONG_TOP_LEVEL, 0,
                        () -> "the file must be a list of records [ { ... }, ... ], but it is " + JsonWording.describe(first));
                return;
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                boolean dbeaver = topLevel == TopLevel.DBEAVER;
                reportAtToken(ProblemCode.TRAILING_CONTENT, 0, () -> (dbeaver ? "the export" : "the list")
                        + " has ended, but " + JsonWording.describe(after) + " follows it: remove everything after the closing "
                        + (dbeaver ? "}" : "]"));
            }
        } catch (JsonProcessingException | CharConversionException e) {
            fail(e);
        }
    }

    private void readList() throws IOException {
        JsonLocation listStart = parser.currentTokenLocation();
        inList = true;
        while (true) {
            checkCancelled();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                break;
            }
            if (token == null) {
                // The parser reports an unclosed list itself; this only guards against it not doing so.
                throw new JsonEOFException(parser, null, "Unexpected end-of-input in a list");
            }
            // Within the document length limit a list cannot reach 2^31 elements, so numbers fit the sets' ints.
            elements++;
            inElement = true;
            if (token == JsonToken.START_OBJECT) {
                objects++;
                readRecord(elements);
            } else {
                reportAtToken(ProblemCode.NOT_AN_OBJECT, elements, () -> "this element is " + describeValue(token)
                        + ", but every element must be an object { \"source_system\": ..., \"source_system_id\": ... }");
                skipChildren(token);
            }
            inElement = false;
            if (elements % limits.progressEvery() == 0) {
                progress.progress(elements, in.position(), size);
            }
        }
        inList = false;
        if (elements == 0) {
            reportAt(ProblemCode.EMPTY_LIST, listStart, 0, () -> "the list is empty: nothing to send");
        }
    }

    private void readRecord(long number) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        int seen = 0;
        SourceSystem system = null;
        String id = null;
        int personUuid = UUID_NONE;
        String nearSystem = null;
        String nearId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            switch (name) {
                case SOURCE_SYSTEM -> {
                    seen = noteField(seen, SEEN_SYSTEM, name, number);
                    parser.nextToken();
                    system = readSourceSystem(number);
                }
                case SOURCE_SYSTEM_ID -> {
                    seen = noteField(seen, SEEN_ID, name, number);
                    parser.nextToken();
                    id = readId(number);
                }
                case PERSON_UUID -> {
                    seen = noteField(seen, SEEN_UUID, name, number);
                    parser.nextToken();
                    personUuid = readPersonUuid(number);
                }
                default -> {
                    extraField(name, number);
                    // "sourceSystem", "SOURCE_SYSTEM_ID" and the like: at least 12 letters, never very long.
                    if (name.length() >= 12 && name.length() <= 24) {
                        String letters = lettersOf(name);
                        if (nearSystem == null && letters.equals("sourcesystem")) {
                            nearSystem = name;
                        } else if (nearId == null && letters.equals("sourcesystemid")) {
                            nearId = name;
                        }
                    }
                    skipChildren(parser.nextToken());
                }
            }
        }
        // Anything but the closing brace has already failed in the parser.

        if ((seen & SEEN_SYSTEM) == 0) {
            String near = nearSystem;
            reportAt(ProblemCode.MISSING_SOURCE_SYSTEM, start, number,
                    () -> "no " + SOURCE_SYSTEM + hint(near, SOURCE_SYSTEM));
        }
        if ((seen & SEEN_ID) == 0) {
            String near = nearId;
            reportAt(ProblemCode.MISSING_SOURCE_SYSTEM_ID, start, number,
                    () -> "no " + SOURCE_SYSTEM_ID + hint(near, SOURCE_SYSTEM_ID));
        }
        if ((seen & SEEN_UUID) != 0) {
            withPersonUuidField++;
        }
        if (personUuid == UUID_NONE) {
            withoutPersonUuid++;
        } else if (personUuid == UUID_VALID && collect) {
            clusters.putIfAbsent(uuid[0], uuid[1], 1);
        }
        if (system == null || id == null) {
            return;
        }
        bySystem[system.ordinal()]++;
        if (!collect && visitor == null) {
            return;
        }
        KeyHash.of(system, id, key);
        if (collect) {
            int first = keys.putIfAbsent(key[0], key[1], (int) number);
            if (first != 0) {
                String what = system.name() + " " + Text.quote(id);
                reportAt(ProblemCode.DUPLICATE_RECORD, start, number,
                        () -> "repeats record " + first + " (" + what + "): the service would recluster it again");
            }
        }
        if (visitor != null) {
            visitor.accept(number, system, id, personUuid == UUID_VALID ? new UUID(uuid[0], uuid[1]) : null,
                    key[0], key[1]);
        }
    }

    private int noteField(int seen, int bit, String name, long number) {
        if ((seen & bit) != 0) {
            reportAtToken(ProblemCode.DUPLICATE_FIELD, number,
                    () -> name + " appears twice in this record: the service would keep only the last one");
        }
        return seen | bit;
    }

    private SourceSystem readSourceSystem(long number) throws IOException {
        JsonToken value = parser.currentToken();
        if (value == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            Optional<SourceSystem> system = SourceSystem.fromWire(text);
            if (system.isPresent()) {
                return system.get();
            }
            reportAtToken(ProblemCode.UNKNOWN_SOURCE_SYSTEM, number, () -> SourceSystem.suggestionFor(text)
                    .map(s -> "unknown source_system " + Text.quote(text) + " — did you mean \"" + s.name() + "\"?")
                    .orElse("unknown source_system " + Text.quote(text) + ": it must be one of " + KNOWN_SYSTEMS
                            + ", written exactly so"));
            return null;
        }
        if (value == JsonToken.VALUE_NULL) {
            reportAtToken(ProblemCode.MISSING_SOURCE_SYSTEM, number, () -> "source_system is null");
            return null;
        }
        reportAtToken(ProblemCode.SOURCE_SYSTEM_NOT_TEXT, number, () -> "source_system is " + describeValue(value)
                + ", but it must be one of " + KNOWN_SYSTEMS + " in quotes");
        skipChildren(value);
        return null;
    }

    /** The id as the service would see it, or null when the record cannot be sent. */
    private String readId(long number) throws IOException {
        JsonToken value = parser.currentToken();
        switch (value) {
            case VALUE_STRING -> {
                return checkIdText(parser.getText(), number);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String text = parser.getText();
                if (tooLong(text, number)) {
                    return null;
                }
                reportAtToken(ProblemCode.ID_IS_NUMBER, number, () -> "source_system_id is the number " + text
                        + ", not a string: the service accepts it as \"" + text
                        + "\", but ids are strings in every source system");
                return text;
            }
            case VALUE_NULL -> {
                reportAtToken(ProblemCode.MISSING_SOURCE_SYSTEM_ID, number, () -> "source_system_id is null");
                return null;
            }
            default -> {
                reportAtToken(ProblemCode.ID_NOT_TEXT, number,
                        () -> "source_system_id is " + JsonWording.describe(value) + ", but it must be a string");
                skipChildren(value);
                return null;
            }
        }
    }

    private String checkIdText(String text, long number) {
        if (text.isEmpty()) {
            reportAtToken(ProblemCode.BLANK_ID, number, () -> "source_system_id is empty");
            return null;
        }
        if (text.isBlank()) {
            reportAtToken(ProblemCode.BLANK_ID, number, () -> "source_system_id is blank: " + Text.quote(text));
            return null;
        }
        if (tooLong(text, number)) {
            return null;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
            reportAtToken(ProblemCode.ID_WHITESPACE, number, () -> "source_system_id " + Text.quote(text)
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
        reportAtToken(ProblemCode.ID_TOO_LONG, number, () -> "source_system_id is " + Text.count(length)
                + " characters long; no source system has ids longer than " + limits.maxIdChars());
        return true;
    }

    private int readPersonUuid(long number) throws IOException {
        JsonToken value = parser.currentToken();
        if (value == JsonToken.VALUE_NULL) {
            return UUID_NONE;
        }
        if (value == JsonToken.VALUE_STRING) {
            String text = parser.getText();
            if (StrictUuid.parse(text, uuid)) {
                return UUID_VALID;
            }
            reportAtToken(ProblemCode.MALFORMED_PERSON_UUID, number, () -> "person_uuid " + Text.quote(text)
                    + " is not a UUID; the service ignores person_uuid, so this does not stop a send");
            return UUID_MALFORMED;
        }
        reportAtToken(ProblemCode.MALFORMED_PERSON_UUID, number, () -> "person_uuid is " + describeValue(value)
                + ", not a UUID in quotes or null; the service ignores person_uuid, so this does not stop a send");
        skipChildren(value);
        return UUID_MALFORMED;
    }

    private void extraField(String name, long number) {
        extras.add(name, number, () -> columns.at(parser.currentTokenLocation()));
    }

    private boolean readDbeaverStart() throws IOException {
        JsonLocation objectStart = parser.currentTokenLocation();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            stopped = true;
            reportAt(ProblemCode.WRONG_TOP_LEVEL, objectStart, 0,
                    () -> "the file is an empty object { }, but it must be a list of records [ { ... }, ... ]");
            return false;
        }
        String name = parser.currentName();
        if (parser.nextToken() == JsonToken.START_ARRAY) {
            topLevel = TopLevel.DBEAVER;
            query = Text.query(name);
            return true;
        }
        stopped = true;
        boolean oneRecord = name.equals(SOURCE_SYSTEM) || name.equals(SOURCE_SYSTEM_ID) || name.equals(PERSON_UUID);
        reportAt(ProblemCode.WRONG_TOP_LEVEL, objectStart, 0, () -> oneRecord
                ? "the file is a single record, not a list of records: put it inside [ ]"
                : "the file is an object, but it must be a list of records [ { ... }, ... ], or DBeaver's export"
                + " { \"query\": [ ... ] } whose one field holds the list");
        return false;
    }

    private boolean readDbeaverEnd() throws IOException {
        if (parser.nextToken() == JsonToken.END_OBJECT) {
            return true;
        }
        // DBeaver writes one query's rows per file; a second key means the file was put together by other means.
        String second = parser.currentName();
        reportAtToken(ProblemCode.WRONG_TOP_LEVEL, 0, () -> "DBeaver's export holds the rows of one query, but a "
                + "second one, " + Text.quote(Text.query(second)) + ", follows: export one query per file");
        return false;
    }

    /** A parse error ends the reading: what follows cannot be trusted to be where the parser thinks. */
    private void fail(IOException e) {
        stopped = true;
        JsonLocation location = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                ? jpe.getLocation()
                : parser.currentLocation();
        long record = inList ? (inElement ? elements : elements + 1) : 0;
        boolean truncation = isTruncation(e);
        long bad = in.invalidOffset();
        // The parser stumbles at or after a bad byte; the stream names it exactly.
        if (bad >= 0 && (location.getByteOffset() < 0 || bad <= location.getByteOffset())
                && !(truncation && in.invalidAtEnd())) {
            notUtf8(record);
            return;
        }
        if (e instanceof CharConversionException || JsonWording.plain(e).startsWith("Invalid UTF-8")) {
            // Only if the stream's own check missed it; then the parser's words are all there is.
            reportAt(ProblemCode.NOT_UTF8, location, record, () -> "the file is not UTF-8: " + JsonWording.plain(e)
                    + "; save it as UTF-8");
            return;
        }
        if (truncation) {
            String text;
            if (inElement) {
                text = "the file ends inside this record: it looks cut short; export it again";
            } else if (inList) {
                text = "the file ends after " + Text.records(elements)
                        + ", before the list is closed: it looks cut short; export it again";
            } else {
                text = "the file ends before its JSON is complete: it looks cut short; export it again";
            }
            reportAt(ProblemCode.TRUNCATED, location, inElement ? elements : 0, () -> text);
        } else if (e instanceof StreamConstraintsException sce) {
            // The value that broke the limit starts here; the parser's own position is somewhere inside it.
            reportAt(ProblemCode.TOO_LARGE, parser.currentTokenLocation(), record, () -> tooLarge(sce));
        } else {
            reportAt(ProblemCode.NOT_JSON, location, record, () -> "not valid JSON: " + JsonWording.plain(e));
        }
    }

    private void notUtf8(long record) {
        problems.add(new Problem(ProblemCode.NOT_UTF8, String.format(Locale.ROOT,
                "byte 0x%02X is not valid UTF-8: save the file as UTF-8 (Latin-1 and Windows-1252 text look like this)",
                in.invalidByte()), in.invalidLine(), in.invalidColumn(), record));
    }

    private String tooLarge(StreamConstraintsException e) {
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

    private void reportAtToken(ProblemCode code, long record, Supplier<String> message) {
        if (!problems.keeps(code)) {
            problems.countOnly(code);
            return;
        }
        reportAt(code, parser.currentTokenLocation(), record, message);
    }

    private void reportAt(ProblemCode code, JsonLocation location, long record, Supplier<String> message) {
        if (!problems.keeps(code)) {
            problems.countOnly(code);
            return;
        }
        long[] position = columns.at(location);
        problems.add(new Problem(code, message.get(), position[0], position[1], record));
    }

    private void skipChildren(JsonToken token) throws IOException {
        if (token != null && token.isStructStart()) {
            parser.skipChildren();
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("The review of " + file + " was cancelled.");
        }
    }

    /** Hashes what the parser did not read, so the SHA-256 always covers the whole file. */
    private void drain(InputStream stream) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        int chunks = 0;
        while (stream.read(buffer, 0, buffer.length) >= 0) {
            if ((++chunks & 15) == 0) {
                checkCancelled();
            }
        }
    }

    private ReviewReport report(String sha256) {
        FileForm form = switch (topLevel) {
            case NONE -> FileForm.UNRECOGNISED;
            case DBEAVER -> FileForm.DBEAVER_EXPORT;
            case LIST -> {
                if (elements == 0) {
                    yield stopped ? FileForm.UNRECOGNISED : FileForm.EMPTY_LIST;
                }
                if (objects == 0) {
                    yield FileForm.UNRECOGNISED;
                }
                yield withPersonUuidField > 0 ? FileForm.RUNBOOK_WITH_PERSON_UUID : FileForm.RUNBOOK_WITHOUT_PERSON_UUID;
            }
        };
        Map<SourceSystem, Long> systems = new EnumMap<>(SourceSystem.class);
        for (SourceSystem s : SourceSystem.values()) {
            systems.put(s, bySystem[s.ordinal()]);
        }
        return new ReviewReport(file, form, query, !stopped, elements, collect ? keys.size() : 0, systems,
                collect ? clusters.size() : 0, withoutPersonUuid, in.position(), sha256, problems.inFileOrder(),
                problems.counts());
    }

    private JsonFactory factory() {
        return JsonFactory.builder()
                // The scan still has to hash the rest of the file after the parser is done with it.
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxStringChars())
                        .maxNameLength(limits.maxStringChars())
                        .maxNestingDepth(limits.maxNesting())
                        .maxDocumentLength(limits.maxDocumentBytes())
                        .build())
                .build();
    }

    private String describeValue(JsonToken token) {
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


    private static String hint(String near, String wanted) {
        return near == null ? "" : " (there is " + Text.quote(near) + ", but the service reads only \"" + wanted + "\")";
    }

    private static String lettersOf(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && b.length() <= 16; i++) {
            char c = name.charAt(i);
            if (Character.isLetter(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    private static boolean isTruncation(IOException e) {
        return e instanceof JsonEOFException
                || (e instanceof JsonProcessingException jpe && jpe.getOriginalMessage() != null
                && jpe.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }


}
