package io.walrusj.core.rs;

import java.util.Arrays;

/**
 * Converts between a symbol's bytes (the crate's external layout) and the work-buffer layout, and
 * sizes work shards. Spec: docs/spec/reed-solomon-gf16.md section 4.
 *
 * <p>A symbol of L bytes (L even) holds E = L/2 elements: each full 64-byte chunk is 32 low bytes
 * followed by 32 high bytes; the tail of T = L mod 64 bytes is T/2 low bytes then T/2 high bytes.
 * The work layout pads that tail to a full chunk, so a symbol placed at a chunk boundary is copied
 * with three array copies. Symbols placed at other element offsets (dense packing of tiny
 * symbols) are converted element by element.
 */
public final class ShardLayout {
    private ShardLayout() {}

    /** Bytes of a work shard that holds {@code elements} elements (whole 64-byte chunks). */
    public static int workBytes(int elements) {
        return (elements + 31) / 32 * 64;
    }

    /** Copies a symbol into a work shard starting at element {@code elementOffset} of that shard. */
    public static void toWork(byte[] src, int srcOff, int symbolBytes, byte[] work, int shardOff, int elementOffset) {
        int full = symbolBytes & ~63;
        int tail = symbolBytes - full;
        if ((elementOffset & 31) == 0) {
            int dst = shardOff + elementOffset * 2;
            System.arraycopy(src, srcOff, work, dst, full);
            if (tail > 0) {
                int half = tail >>> 1;
                System.arraycopy(src, srcOff + full, work, dst + full, half);
                System.arraycopy(src, srcOff + full + half, work, dst + full + 32, half);
            }
            return;
        }
        int elements = symbolBytes >>> 1;
        for (int e = 0; e < elements; e++) {
            int loIdx = loIndex(srcOff, full, tail, e);
            int hiIdx = loIdx + hiDistance(full, tail, e);
            int g = elementOffset + e;
            int w = shardOff + (g >>> 5) * 64 + (g & 31);
            work[w] = src[loIdx];
            work[w + 32] = src[hiIdx];
        }
    }

    /** Copies element range of a work shard back into symbol bytes; inverse of {@link #toWork}. */
    public static void fromWork(byte[] work, int shardOff, int elementOffset, byte[] dst, int dstOff, int symbolBytes) {
        int full = symbolBytes & ~63;
        int tail = symbolBytes - full;
        if ((elementOffset & 31) == 0) {
            int src = shardOff + elementOffset * 2;
            System.arraycopy(work, src, dst, dstOff, full);
            if (tail > 0) {
                int half = tail >>> 1;
                System.arraycopy(work, src + full, dst, dstOff + full, half);
                System.arraycopy(work, src + full + 32, dst, dstOff + full + half, half);
            }
            return;
        }
        int elements = symbolBytes >>> 1;
        for (int e = 0; e < elements; e++) {
            int loIdx = loIndex(dstOff, full, tail, e);
            int hiIdx = loIdx + hiDistance(full, tail, e);
            int g = elementOffset + e;
            int w = shardOff + (g >>> 5) * 64 + (g & 31);
            dst[loIdx] = work[w];
            dst[hiIdx] = work[w + 32];
        }
    }

    /** Zeroes {@code count} whole shards starting at byte offset {@code off}. */
    static void zero(byte[] work, int off, int len) {
        Arrays.fill(work, off, off + len, (byte) 0);
    }

    private static int loIndex(int base, int full, int tail, int e) {
        int chunkElements = full >>> 1;
        if (e < chunkElements) {
            return base + (e >>> 5) * 64 + (e & 31);
        }
        return base + full + (e - chunkElements);
    }

    private static int hiDistance(int full, int tail, int e) {
        return e < (full >>> 1) ? 32 : tail >>> 1;
    }
}
