package uk.gov.justice.digital.hmpps.rollbackconsole.recluster;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.RecordKey;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.FileRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RecordsFormatException;
import uk.gov.justice.digital.hmpps.rollbackconsole.records.RunbookJsonReader;

/**
 * Cuts an exported records file into request bodies, reading it as a stream. A batch ends at the chosen number of
 * records or before its body would pass the byte limit, whichever comes first. The body is a raw JSON array of
 * {@code {"source_system","source_system_id"}}: person_uuid is left out because the service ignores it.
 */
public final class ReclusterBatches implements BatchSource {

    public static final int DEFAULT_BATCH_SIZE = 500;
    /** Far below the service's 10 MB body limit; a default batch of 500 is some 40 KB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** A limit above this would put a request near the service's 10 MB ceiling. */
    public static final int MAX_BODY_BYTES_CEILING = 5 * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final RunbookJsonReader reader;
    private final int batchSize;
    private final int maxBodyBytes;
    private FileRecord pending;
    private byte[] pendingJson;
    private int nextNumber = 1;

    private ReclusterBatches(RunbookJsonReader reader, int batchSize, int maxBodyBytes) {
        this.reader = reader;
        this.batchSize = batchSize;
        this.maxBodyBytes = maxBodyBytes;
    }

    public static ReclusterBatches open(Path file) throws IOException {
        return open(file, DEFAULT_BATCH_SIZE, DEFAULT_MAX_BODY_BYTES);
    }

    public static ReclusterBatches open(Path file, int batchSize, int maxBodyBytes) throws IOException {
        Objects.requireNonNull(file, "file");
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least one record, not " + batchSize);
        }
        if (maxBodyBytes < 64 || maxBodyBytes > MAX_BODY_BYTES_CEILING) {
            throw new IllegalArgumentException("the body limit must be between 64 bytes and " + MAX_BODY_BYTES_CEILING
                    + " bytes, not " + maxBodyBytes);
        }
        return new ReclusterBatches(RunbookJsonReader.open(file), batchSize, maxBodyBytes);
    }

    /** How many batches the file is cut into at this batch size and the default body limit. */
    public static int count(Path file, int batchSize) throws Exception {
        int n = 0;
        try (ReclusterBatches b = open(file, batchSize, DEFAULT_MAX_BODY_BYTES)) {
            for (Optional<Batch> next = b.next(); next.isPresent(); next = b.next()) {
                n++;
            }
        }
        return n;
    }

    /** The next batch, or empty at the end of the file. */
    @Override
    public Optional<Batch> next() throws IOException, RecordsFormatException, InvalidRecordException {
        List<RecordKey> keys = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        long first = -1;
        while (keys.size() < batchSize) {
            if (pending == null && !readOne()) {
                break;
            }
            // "[" + records joined by "," + "]"
            int grown = body.size() + (keys.isEmpty() ? 0 : 1) + pendingJson.length + 1;
            if (grown > maxBodyBytes) {
                if (keys.isEmpty()) {
                    throw new InvalidRecordException("record " + (pending.index() + 1) + " (line " + pending.line()
                            + ") alone takes " + (pendingJson.length + 2) + " bytes, more than the " + maxBodyBytes
                            + "-byte limit of a request");
                }
                break;
            }
            if (!keys.isEmpty()) {
                body.write(',');
            }
            body.write(pendingJson);
            if (first < 0) {
                first = pending.index();
            }
            keys.add(new RecordKey(SourceSystem.fromWire(pending.sourceSystem()).orElseThrow(), pending.sourceSystemId()));
            pending = null;
            pendingJson = null;
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        body.write(']');
        return Optional.of(new Batch(nextNumber++, first, keys, body.toByteArray()));
    }

    private boolean readOne() throws IOException, RecordsFormatException, InvalidRecordException {
        Optional<FileRecord> read = reader.next();
        if (read.isEmpty()) {
            return false;
        }
        FileRecord record = read.get();
        if (SourceSystem.fromWire(record.sourceSystem()).isEmpty()) {
            throw new InvalidRecordException("record " + (record.index() + 1) + " (line " + record.line()
                    + ") has source_system \"" + record.sourceSystem() + "\", which the service does not know; it would"
                    + " reject the whole request with 400. Review the file and export it again.");
        }
        pending = record;
        pendingJson = json(record.sourceSystem(), record.sourceSystemId());
        return true;
    }

    /**
     * A batch of the given records with the body the file's own batches have: for the part of a batch that a pod
     * which died never did, sent again elsewhere.
     */
    public static Batch batchOf(int number, long firstRecord, List<RecordKey> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                body.write(',');
            }
            RecordKey k = records.get(i);
            body.writeBytes(json(k.sourceSystem().name(), k.sourceSystemId()));
        }
        body.write(']');
        return new Batch(number, firstRecord, records, body.toByteArray());
    }

    static byte[] json(String sourceSystem, String sourceSystemId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("source_system", sourceSystem);
            g.writeStringField("source_system_id", sourceSystemId);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
