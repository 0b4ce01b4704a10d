package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.AffectedRecord;
import uk.gov.justice.digital.hmpps.rollbackconsole.domain.SourceSystem;

/** Rows and file helpers shared by this package's tests. */
final class Rows {

    static final Instant EVENT = Instant.parse("2025-06-09T12:30:00Z");

    private Rows() {
    }

    static AffectedRecord row(String personUuid, SourceSystem system, String id) {
        return new AffectedRecord(personUuid == null ? null : UUID.fromString(personUuid), system, id, 1, EVENT);
    }

    /** Deterministic rows covering every source system, null person_uuids and ids that need escaping. */
    static List<AffectedRecord> many(int count) {
        SourceSystem[] systems = SourceSystem.values();
        List<AffectedRecord> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            UUID uuid = i % 7 == 0 ? null : new UUID(0x1234_5678_9abc_def0L + i, 0x0fed_cba9_8765_4321L * i);
            String id = switch (i % 5) {
                case 0 -> "A" + (1000 + i) + "BC";
                case 1 -> "X" + i;
                case 2 -> new UUID(i, ~i).toString();
                case 3 -> "with \"quote\" \\ and é " + i;
                default -> String.valueOf(i);
            };
            rows.add(new AffectedRecord(uuid, systems[i % systems.length], id, 1, EVENT));
        }
        return rows;
    }

    static byte[] resource(String name) {
        try (InputStream in = Rows.class.getResourceAsStream("/records/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /records/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Writes through to the real temporary file until {@code limit} bytes, then fails like a full device. */
    static TempFileOpener failingAfter(long limit, String message) {
        return path -> {
            TempFileOpener.Output real = TempFileOpener.FILE_SYSTEM.create(path);
            OutputStream limited = new OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (written + len > limit) {
                        int room = (int) (limit - written);
                        real.stream().write(b, off, room);
                        written = limit;
                        throw new IOException(message);
                    }
                    real.stream().write(b, off, len);
                    written += len;
                }
            };
            return new TempFileOpener.Output() {
                @Override
                public OutputStream stream() {
                    return limited;
                }

                @Override
                public void force() throws IOException {
                    real.force();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        };
    }
}
