package io.walrusj.gateway.cache;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.core.io.buffer.DataBuffer;

/**
 * A copy of a response body taken while it streams to the client, given up (and its memory
 * released) as soon as it grows past {@code limit}. Buffers are read without moving their read
 * position, so the client still gets every byte.
 */
final class BodyCopy {

    private final long limit;
    private final long expectedLength;
    private byte[] bytes;
    private int length;
    private boolean abandoned;

    /** @param expectedLength the declared Content-Length, or -1 if unknown */
    BodyCopy(long limit, long expectedLength) {
        this.limit = limit;
        this.expectedLength = expectedLength;
        this.bytes = new byte[(int) Math.min(limit, expectedLength >= 0 ? expectedLength : 64 * 1024)];
    }

    void append(DataBuffer buffer) {
        if (abandoned) {
            return;
        }
        int count = buffer.readableByteCount();
        if ((long) length + count > limit) {
            abandon();
            return;
        }
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max((long) bytes.length * 2, length + count)));
        }
        try (DataBuffer.ByteBufferIterator chunks = buffer.readableByteBuffers()) {
            while (chunks.hasNext()) {
                ByteBuffer chunk = chunks.next();
                int n = chunk.remaining();
                chunk.get(bytes, length, n);
                length += n;
            }
        }
    }

    void abandon() {
        abandoned = true;
        bytes = null;
    }

    /** The complete body, unless it was abandoned or came out shorter than declared. */
    Optional<byte[]> complete() {
        if (abandoned || (expectedLength >= 0 && length != expectedLength)) {
            return Optional.empty();
        }
        return Optional.of(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }
}
