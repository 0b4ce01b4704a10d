package uk.gov.justice.digital.hmpps.rollbackconsole.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The append-only journal of one incident: {@code journal.jsonl} in the incident's folder, one JSON object a line.
 * Each entry is on disk (written and forced) when {@link #append} returns, so that whatever the console does next
 * (a batch sent) is never ahead of what the journal says. One writer per incident; appends are serialised.
 */
public final class IncidentJournal implements AutoCloseable {

    public static final String FILE_NAME = "journal.jsonl";

    private final Path folder;
    private final Clock clock;
    private final FileChannel channel;
    private final JournalCodec codec = new JournalCodec();
    private long lines;

    private IncidentJournal(Path folder, Clock clock, FileChannel channel, long lines) {
        this.folder = folder;
        this.clock = clock;
        this.channel = channel;
        this.lines = lines;
    }

    /** Starts a new journal in {@code folder} (created if needed); refuses a folder that already has one. */
    public static IncidentJournal create(Path folder, Clock clock) throws IOException {
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(FILE_NAME), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new IncidentJournal(folder, clock, channel, 0);
    }

    /**
     * Opens an existing journal to carry on. A torn last line is cut off first (appending after it would glue the
     * next entry to it and make the line unreadable), after its bytes are kept beside the journal in
     * {@code journal-torn-N.part}; the cut is recorded in a {@link JournalEntry.Resumed} entry. A journal with any
     * other damage is not opened.
     */
    public static IncidentJournal resume(Path folder, Clock clock) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        JournalContents contents = new JournalReader().read(file);
        Path kept = null;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            if (contents.tornBytes() > 0) {
                kept = keepTornTail(folder, channel, contents.intactBytes());
                channel.truncate(contents.intactBytes());
                channel.force(true);
            }
            channel.position(channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        IncidentJournal journal = new IncidentJournal(folder, clock, channel, contents.lines().size());
        String keptName = kept == null ? "" : kept.getFileName().toString();
        journal.append(new JournalEntry.Resumed(contents.note()
                .map(n -> n.replace("was ignored", "was removed") + "; its bytes are kept in " + keptName)
                .orElse("the journal was intact")));
        return journal;
    }

    /** The name of the file a torn tail is kept in: the first {@code journal-torn-N.part} not taken. */
    public static final String TORN_PREFIX = "journal-torn-";

    // Kept, and forced to disk, before the journal is cut: whatever the line held is never lost by resuming.
    private static Path keepTornTail(Path folder, FileChannel channel, long from) throws IOException {
        ByteBuffer tail = ByteBuffer.allocate((int) (channel.size() - from));
        long at = from;
        while (tail.hasRemaining()) {
            int n = channel.read(tail, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        tail.flip();
        for (int n = 1; ; n++) {
            Path target = folder.resolve(TORN_PREFIX + n + ".part");
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                while (tail.hasRemaining()) {
                    out.write(tail);
                }
                out.force(true);
                return target;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // an earlier resume kept one: take the next number
            }
        }
    }

    public Path folder() {
        return folder;
    }

    public Path file() {
        return folder.resolve(FILE_NAME);
    }

    /** Writes the entry, stamped with the clock's time, and forces it to disk before returning. */
    public synchronized JournalLine append(JournalEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        Instant at = clock.instant();
        ByteBuffer bytes = ByteBuffer.wrap(codec.encode(at, entry));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(true);
        lines++;
        return new JournalLine(lines, at, entry);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
