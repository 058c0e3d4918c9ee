package io.walrusj.cli;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Encoding a local file as a blob, streamed from disk with its known length. */
final class InputFiles {
    private InputFiles() {}

    /**
     * Encodes the whole of regular file {@code file}. The bytes go straight from the stream into the
     * encoder's slivers; the file is never held in a separate byte[].
     *
     * @throws IOException if the file is missing, not a regular file, unreadable, or changes size
     *     while it is read
     */
    static EncodedBlob encode(BlobEncoder encoder, Path file) throws IOException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new NoSuchFileException(name);
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(name, null, "Is a directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileSystemException(name, null, "Not a regular file");
        }
        long length = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            EncodedBlob blob = encoder.encode(in, length);
            if (in.read() != -1) {
                throw new FileSystemException(name, null,
                        "File grew while it was read (expected " + length + " bytes)");
            }
            return blob;
        } catch (java.io.EOFException e) {
            throw new FileSystemException(name, null,
                    "File shrank while it was read (expected " + length + " bytes)");
        }
    }
}
