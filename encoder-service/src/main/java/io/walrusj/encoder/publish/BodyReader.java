package io.walrusj.encoder.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a request body up to a limit: into memory while it is at most {@code spoolThreshold}
 * bytes, otherwise streamed to a temporary file, so a large blob is never one byte array. A body
 * over the limit (declared or counted) is {@link PayloadTooLargeException}; one arriving slower
 * than its {@link BodyPace} is a 408 (checked after every read; a read that waits longer than the
 * server's per-read timeout fails and is answered the same).
 */
public final class BodyReader {
    /** axum's message when a body exceeds the limit. */
    static final String TOO_LARGE = "Failed to buffer the request body: length limit exceeded";
    private static final int CHUNK = 64 * 1024;

    private final long maxBytes;
    private final long spoolThreshold;
    private final Path spoolDir;
    private final BodyPace pace;

    public BodyReader(long maxBytes, long spoolThreshold, Path spoolDir) {
        this(maxBytes, spoolThreshold, spoolDir, BodyPace.NONE);
    }

    public BodyReader(long maxBytes, long spoolThreshold, Path spoolDir, BodyPace pace) {
        this.pace = pace;
        this.maxBytes = maxBytes;
        this.spoolThreshold = Math.min(spoolThreshold, Integer.MAX_VALUE - 64); // a byte array's limit
        this.spoolDir = spoolDir;
    }

    /**
     * @param declaredLength the Content-Length, or -1 if unknown (chunked)
     */
    public BlobBody read(InputStream in, long declaredLength) throws IOException {
        if (declaredLength > maxBytes) {
            throw new PayloadTooLargeException(TOO_LARGE);
        }
        BodyPace.Deadline deadline = pace.start();
        long memoryLimit = Math.min(spoolThreshold, maxBytes) + 1; // one more byte tells "spool or reject"
        ByteArrayOutputStream memory = new ByteArrayOutputStream((int) Math.min(Math.max(declaredLength, CHUNK), memoryLimit));
        if (declaredLength <= spoolThreshold && copy(in, memory, memoryLimit, 0, deadline) <= spoolThreshold) {
            return new BlobBody.InMemory(memory.toByteArray());
        }
        Path file = Files.createTempFile(spoolDir, "walrusj-blob-", ".body");
        try (OutputStream out = Files.newOutputStream(file)) {
            memory.writeTo(out);
            long total = memory.size() + copy(in, out, maxBytes - memory.size() + 1, memory.size(), deadline);
            if (total > maxBytes) {
                throw new PayloadTooLargeException(TOO_LARGE);
            }
            return new BlobBody.Spooled(file, total);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * Copies at most {@code limit} bytes; returns how many were copied (limit means "there may be
     * more"). {@code before} bytes of the body were read earlier (for the pace).
     */
    private long copy(InputStream in, OutputStream out, long limit, long before, BodyPace.Deadline deadline) throws IOException {
        byte[] buffer = new byte[CHUNK];
        long copied = 0;
        while (copied < limit) {
            int n;
            try {
                n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            } catch (IOException e) {
                throw deadline.orTimeout(e, before + copied);
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            copied += n;
            deadline.check(before + copied);
        }
        if (copied > maxBytes) {
            throw new PayloadTooLargeException(TOO_LARGE);
        }
        return copied;
    }
}
