package io.walrusj.encoder.publish;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A received blob: in memory, or spooled to a temporary file that {@link #close()} deletes. */
public sealed interface BlobBody extends AutoCloseable {

    long length();

    InputStream openStream() throws IOException;

    @Override
    void close();

    record InMemory(byte[] bytes) implements BlobBody {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {
            // nothing to release
        }
    }

    record Spooled(Path file, long length) implements BlobBody {
        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
