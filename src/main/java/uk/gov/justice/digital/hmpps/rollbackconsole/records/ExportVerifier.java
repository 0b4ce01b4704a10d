package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;

/** Re-reads an exported file and checks it is exactly what the export wrote. */
public final class ExportVerifier {

    private ExportVerifier() {
    }

    /**
     * Hashes and parses the file in one pass. With {@code expectedInOrder} null only the hash and the record count
     * are checked; otherwise every record must equal the expected one at the same position. Every problem found is
     * reported, the first differing record among them.
     */
    public static VerifyResult verify(ExportResult written, List<AffectedRecord> expectedInOrder) throws IOException {
        Objects.requireNonNull(written, "written");
        if (expectedInOrder == null) {
            // Same size and same SHA-256 as the bytes the export wrote: the file holds exactly those bytes, and so
            // exactly the records counted as they were written. Reading at the disk's pace, without parsing, is then
            // enough; the record-by-record read below runs only to say what differs.
            String sha256 = hashOf(written.file(), written.bytes());
            if (sha256 != null && sha256.equals(written.sha256())) {
                return new VerifyResult(written.records(), sha256, true, null);
            }
        }
        Path file = written.file();
        List<String> problems = new ArrayList<>();
        long size = Files.size(file);
        if (size != written.bytes()) {
            problems.add(file + " is " + size + " bytes long, but " + written.bytes() + " were written");
        }

        MessageDigest digest = Sha256.newDigest();
        DigestInputStream hashing = new DigestInputStream(Files.newInputStream(file), digest);
        long records = 0;
        String recordProblem = null;
        try (RunbookJsonReader reader = RunbookJsonReader.over(file, hashing)) {
            Iterator<AffectedRecord> expected = expectedInOrder == null ? null : expectedInOrder.iterator();
            try {
                Optional<FileRecord> next;
                while ((next = reader.next()).isPresent()) {
                    FileRecord actual = next.get();
                    records++;
                    if (expected != null && recordProblem == null) {
                        recordProblem = expected.hasNext()
                                ? difference(expected.next(), actual)
                                : "the file has more records than expected: " + label(actual) + " is extra";
                    }
                }
                if (expected != null && recordProblem == null && expected.hasNext()) {
                    recordProblem = "the file ends after " + records + " records, but " + expectedInOrder.size()
                            + " were expected";
                }
            } catch (RecordsFormatException e) {
                recordProblem = "the file is no longer a valid runbook file: " + e.getMessage();
            }
            // Whatever the parser did not need still belongs to the file's hash.
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        String sha256 = Sha256.hex(digest);

        if (!sha256.equals(written.sha256())) {
            problems.add(0, "the file's SHA-256 is " + sha256 + ", but the export wrote " + written.sha256()
                    + ": the file changed after it was written");
        }
        if (recordProblem == null && records != written.records()) {
            recordProblem = "the file holds " + records + " records, but the export wrote " + written.records();
        }
        if (recordProblem != null) {
            problems.add(recordProblem);
        }
        return problems.isEmpty()
                ? new VerifyResult(records, sha256, true, null)
                : new VerifyResult(records, sha256, false, String.join("; ", problems));
    }

    /** The file's SHA-256 if it is {@code expectedBytes} long, else null. */
    private static String hashOf(Path file, long expectedBytes) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        long read = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != expectedBytes) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
            int n;
            while ((n = channel.read(buffer)) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                read += n;
            }
        }
        return read == expectedBytes ? Sha256.hex(digest) : null;
    }

    private static String difference(AffectedRecord expected, FileRecord actual) {
        UUID uuid = expected.personUuid();
        String expectedUuid = uuid == null ? null : uuid.toString();
        if (!Objects.equals(expectedUuid, actual.personUuid())) {
            return fieldDiffers(actual, RunbookJsonFormat.PERSON_UUID, expectedUuid, actual.personUuid());
        }
        if (!expected.sourceSystem().name().equals(actual.sourceSystem())) {
            return fieldDiffers(actual, RunbookJsonFormat.SOURCE_SYSTEM, expected.sourceSystem().name(),
                    actual.sourceSystem());
        }
        if (!expected.sourceSystemId().equals(actual.sourceSystemId())) {
            return fieldDiffers(actual, RunbookJsonFormat.SOURCE_SYSTEM_ID, expected.sourceSystemId(),
                    actual.sourceSystemId());
        }
        return null;
    }

    private static String fieldDiffers(FileRecord actual, String field, String expected, String found) {
        return label(actual) + " differs: " + field + " is " + quote(found) + ", expected " + quote(expected);
    }

    private static String label(FileRecord record) {
        return "record " + (record.index() + 1) + " (index " + record.index() + ", line " + record.line()
                + ", column " + record.column() + ")";
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
