package uk.gov.justice.digital.hmpps.rollbackconsole.records;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Creates the temporary file an export writes to. Tests substitute one that fails like a full disk. */
@FunctionalInterface
interface TempFileOpener {

    /** Creates {@code path}, which must not exist yet, and opens it for writing. */
    Output create(Path path) throws IOException;

    interface Output extends Closeable {

        /** Unbuffered: the exporter puts its own buffer on top. */
        OutputStream stream();

        /** Makes the written bytes durable before the file is published. */
        void force() throws IOException;
    }

    TempFileOpener FILE_SYSTEM = path -> {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream stream = Channels.newOutputStream(channel);
        return new Output() {
            @Override
            public OutputStream stream() {
                return stream;
            }

            @Override
            public void force() throws IOException {
                channel.force(true);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    };
}
