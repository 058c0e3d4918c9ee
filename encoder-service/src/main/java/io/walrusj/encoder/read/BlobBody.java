package io.walrusj.encoder.read;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Response bytes as slices of arrays the reader already holds (verified systematic slivers, or the
 * decoder's output), so that serving a blob copies nothing.
 */
record BlobBody(List<Segment> segments, long length) {

    /** {@code length} bytes of {@code array} from {@code offset}. */
    record Segment(byte[] array, int offset, int length) {
        Segment {
            if (offset < 0 || length < 0 || offset + length > array.length) {
                throw new IllegalArgumentException("segment [" + offset + ", +" + length + ") of " + array.length + " bytes");
            }
        }
    }

    BlobBody {
        segments = List.copyOf(segments);
        long sum = 0;
        for (Segment s : segments) {
            sum += s.length();
        }
        if (sum != length) {
            throw new IllegalArgumentException("segments hold " + sum + " bytes, expected " + length);
        }
    }

    static BlobBody of(List<Segment> segments) {
        return new BlobBody(segments, segments.stream().mapToLong(Segment::length).sum());
    }

    static BlobBody of(byte[] bytes) {
        return new BlobBody(List.of(new Segment(bytes, 0, bytes.length)), bytes.length);
    }

    void writeTo(OutputStream out) throws IOException {
        writeFrom(0, out);
    }

    /** Writes the bytes from {@code offset} on. */
    void writeFrom(long offset, OutputStream out) throws IOException {
        long skip = offset;
        for (Segment s : segments) {
            if (skip >= s.length()) {
                skip -= s.length();
                continue;
            }
            out.write(s.array(), s.offset() + (int) skip, s.length() - (int) skip);
            skip = 0;
        }
    }

    /** All bytes in one array (tests, concat of small blobs). */
    byte[] toByteArray() {
        byte[] out = new byte[Math.toIntExact(length)];
        int pos = 0;
        for (Segment s : segments) {
            System.arraycopy(s.array(), s.offset(), out, pos, s.length());
            pos += s.length();
        }
        return out;
    }
}
