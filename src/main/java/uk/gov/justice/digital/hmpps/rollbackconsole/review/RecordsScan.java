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
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
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

    private static final int BUFFER_BYTES = 64 * 1024;


    private static final int SEEN_SYSTEM = 1;
    private static final int SEEN_ID = 2;
    private static final int SEEN_UUID = 4;

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
    private ScanReporter say;
    private RecordFields fields;
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
            say = new ScanReporter(problems, counter);
            fields = new RecordFields(say, limits, uuid);
            if (wide != null) {
                stopped = true;
                problems.add(new Problem(ProblemCode.NOT_UTF8,
                        "the file is " + wide + " text, but the service reads UTF-8: save it as UTF-8", 1, 1, 0));
            } else {
                try (JsonParser p = factory().createParser(scanned)) {
                    parser = p;
                    say.reading(p);
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
                say.atToken(ProblemCode.WRONG_TOP_LEVEL, 0,
                        () -> "the file must be a list of records [ { ... }, ... ], but it is " + JsonWording.describe(first));
                return;
            }
            JsonToken after = parser.nextToken();
            if (after != null) {
                boolean dbeaver = topLevel == TopLevel.DBEAVER;
                say.atToken(ProblemCode.TRAILING_CONTENT, 0, () -> (dbeaver ? "the export" : "the list")
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
                say.atToken(ProblemCode.NOT_AN_OBJECT, elements, () -> "this element is " + say.describeValue(token)
                        + ", but every element must be an object { \"source_system\": ..., \"source_system_id\": ... }");
                say.skipChildren(token);
            }
            inElement = false;
            if (elements % limits.progressEvery() == 0) {
                progress.progress(elements, in.position(), size);
            }
        }
        inList = false;
        if (elements == 0) {
            say.at(ProblemCode.EMPTY_LIST, listStart, 0, () -> "the list is empty: nothing to send");
        }
    }

    private void readRecord(long number) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        int seen = 0;
        SourceSystem system = null;
        String id = null;
        int personUuid = RecordFields.UUID_NONE;
        String nearSystem = null;
        String nearId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            switch (name) {
                case SOURCE_SYSTEM -> {
                    seen = noteField(seen, SEEN_SYSTEM, name, number);
                    parser.nextToken();
                    system = fields.sourceSystem(number);
                }
                case SOURCE_SYSTEM_ID -> {
                    seen = noteField(seen, SEEN_ID, name, number);
                    parser.nextToken();
                    id = fields.id(number);
                }
                case PERSON_UUID -> {
                    seen = noteField(seen, SEEN_UUID, name, number);
                    parser.nextToken();
                    personUuid = fields.personUuid(number);
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
                    say.skipChildren(parser.nextToken());
                }
            }
        }
        // Anything but the closing brace has already failed in the parser.

        if ((seen & SEEN_SYSTEM) == 0) {
            String near = nearSystem;
            say.at(ProblemCode.MISSING_SOURCE_SYSTEM, start, number,
                    () -> "no " + SOURCE_SYSTEM + hint(near, SOURCE_SYSTEM));
        }
        if ((seen & SEEN_ID) == 0) {
            String near = nearId;
            say.at(ProblemCode.MISSING_SOURCE_SYSTEM_ID, start, number,
                    () -> "no " + SOURCE_SYSTEM_ID + hint(near, SOURCE_SYSTEM_ID));
        }
        if ((seen & SEEN_UUID) != 0) {
            withPersonUuidField++;
        }
        if (personUuid == RecordFields.UUID_NONE) {
            withoutPersonUuid++;
        } else if (personUuid == RecordFields.UUID_VALID && collect) {
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
                say.at(ProblemCode.DUPLICATE_RECORD, start, number,
                        () -> "repeats record " + first + " (" + what + "): the service would recluster it again");
            }
        }
        if (visitor != null) {
            visitor.accept(number, system, id, personUuid == RecordFields.UUID_VALID ? new UUID(uuid[0], uuid[1]) : null,
                    key[0], key[1]);
        }
    }

    private int noteField(int seen, int bit, String name, long number) {
        if ((seen & bit) != 0) {
            say.atToken(ProblemCode.DUPLICATE_FIELD, number,
                    () -> name + " appears twice in this record: the service would keep only the last one");
        }
        return seen | bit;
    }

    private void extraField(String name, long number) {
        extras.add(name, number, () -> columns.at(parser.currentTokenLocation()));
    }

    private boolean readDbeaverStart() throws IOException {
        JsonLocation objectStart = parser.currentTokenLocation();
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT) {
            stopped = true;
            say.at(ProblemCode.WRONG_TOP_LEVEL, objectStart, 0,
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
        say.at(ProblemCode.WRONG_TOP_LEVEL, objectStart, 0, () -> oneRecord
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
        say.atToken(ProblemCode.WRONG_TOP_LEVEL, 0, () -> "DBeaver's export holds the rows of one query, but a "
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
        boolean truncation = ParseFailures.isTruncation(e);
        long bad = in.invalidOffset();
        // The parser stumbles at or after a bad byte; the stream names it exactly.
        if (bad >= 0 && (location.getByteOffset() < 0 || bad <= location.getByteOffset())
                && !(truncation && in.invalidAtEnd())) {
            notUtf8(record);
            return;
        }
        if (e instanceof CharConversionException || JsonWording.plain(e).startsWith("Invalid UTF-8")) {
            // Only if the stream's own check missed it; then the parser's words are all there is.
            say.at(ProblemCode.NOT_UTF8, location, record, () -> "the file is not UTF-8: " + JsonWording.plain(e)
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
            say.at(ProblemCode.TRUNCATED, location, inElement ? elements : 0, () -> text);
        } else if (e instanceof StreamConstraintsException sce) {
            // The value that broke the limit starts here; the parser's own position is somewhere inside it.
            say.at(ProblemCode.TOO_LARGE, parser.currentTokenLocation(), record, () -> ParseFailures.tooLarge(sce, limits));
        } else {
            say.at(ProblemCode.NOT_JSON, location, record, () -> "not valid JSON: " + JsonWording.plain(e));
        }
    }

    private void notUtf8(long record) {
        problems.add(new Problem(ProblemCode.NOT_UTF8, String.format(Locale.ROOT,
                "byte 0x%02X is not valid UTF-8: save the file as UTF-8 (Latin-1 and Windows-1252 text look like this)",
                in.invalidByte()), in.invalidLine(), in.invalidColumn(), record));
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



}
