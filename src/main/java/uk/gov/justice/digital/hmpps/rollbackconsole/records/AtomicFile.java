package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Publishes a file whole or not at all: the bytes go to a hidden temporary file in the target's folder, are synced,
 * and only then take the target's name. A reader never sees half a file, and a crash leaves at most a
 * recognisable {@code .part} file behind.
 */
public final class AtomicFile {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int TEMP_NAME_STEM_MAX = 100;

    /** Writes the whole content; the stream is buffered and closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param replace false: an existing target is never replaced, not even one that appears while writing
     * @throws FileAlreadyExistsException when the target exists and {@code replace} is false; it is left unchanged
     */
    public static WrittenFile write(Path target, boolean replace, Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new IOException(file + " is not a file name");
        }
        if (!replace && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file.toString(), null, "already exists and was left unchanged");
        }
        Path temp = null;
        FileChannel channel = null;
        boolean published = false;
        try {
            for (int attempt = 0; channel == null; attempt++) {
                temp = folder.resolve(tempName(file));
                try {
                    channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException e) {
                    if (attempt >= 5) {
                        throw e;
                    }
                }
            }
            MessageDigest digest = Sha256.newDigest();
            OutputStream raw = Channels.newOutputStream(channel);
            DigestOutputStream out = new DigestOutputStream(new BufferedOutputStream(raw, BUFFER_BYTES), digest);
            content.writeTo(new NonClosing(out));
            out.flush();
            channel.force(true);
            long bytes = channel.size();
            channel.close();
            publish(temp, file, replace);
            published = true;
            syncFolder(folder);
            return new WrittenFile(file, bytes, Sha256.hex(digest));
        } finally {
            if (!published) {
                discard(channel, temp);
            }
        }
    }

    /**
     * A rename replaces an existing file on Linux, macOS and Windows alike, so it cannot honour "don't replace".
     * Without replace the file is published as a hard link instead, which fails if the name is taken, and the
     * temporary name removed. Where hard links are not supported (FAT drives, some network shares) a last check
     * and the rename are the best available.
     *
     * @throws FileAlreadyExistsException when the name is taken and {@code replace} is false
     */
    static void publish(Path temp, Path file, boolean replace) throws IOException {
        if (replace) {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                FileAlreadyExistsException taken = new FileAlreadyExistsException(file.toString());
                taken.initCause(e);
                throw taken;
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            Files.delete(temp);
        } catch (IOException ignored) {
            // The file is complete and published; a second name for it is untidy, not wrong.
        }
    }

    /** Makes the rename itself durable. Not every platform can open a folder (Windows cannot); it is best effort. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // The file's own bytes are already synced.
        }
    }

    static String tempName(Path file) {
        String name = file.getFileName().toString();
        // Keeps the temporary name within the 255-byte limit of most file systems.
        String stem = name.length() > TEMP_NAME_STEM_MAX ? name.substring(0, TEMP_NAME_STEM_MAX) : name;
        return "." + stem + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".part";
    }

    private static void discard(FileChannel channel, Path temp) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException | RuntimeException ignored) {
                // Closing a broken channel can fail again; the file is deleted next either way.
            }
        }
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // Nothing more can be done; the name starts with a dot and ends in .part, so it is recognisable.
            }
        }
    }

    /** Content that closes its stream (a Writer in try-with-resources) must not close the channel before the sync. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
