package io.walrusj.core.hash;

/**
 * BLAKE2b-256 of many equally long messages at once. The encoder hashes n^2 Merkle leaves of the
 * same length and 2n trees of 65-byte inner nodes per blob; hashing one message per SIMD lane
 * (4 with AVX2, 8 with AVX-512) through the JDK Vector API is several times faster than the
 * scalar {@link Blake2b256}. Without the {@code jdk.incubator.vector} module every call falls back
 * to {@link Blake2b256}, with identical results.
 *
 * <p>All methods are static and thread-safe.
 */
public final class Blake2bBatch {
    private static final boolean VECTOR = vectorAvailable();

    private Blake2bBatch() {}

    /** Whether the SIMD path is in use. */
    public static boolean vectorized() {
        return VECTOR;
    }

    /**
     * For {@code i < count}: {@code out[outOff[i], +32) = H(prefix || src[i][srcOff[i], +len))}.
     */
    public static void prefixedHashes(byte prefix, byte[][] src, int[] srcOff, int len, int count, byte[] out, int[] outOff) {
        if (VECTOR) {
            Blake2bLanes.prefixedHashes(prefix, src, srcOff, len, count, out, outOff);
        } else {
            for (int i = 0; i < count; i++) {
                Blake2b256.prefixedHash(prefix, src[i], srcOff[i], len, out, outOff[i]);
            }
        }
    }

    /**
     * One Merkle level: for {@code i < pairs}, {@code out[outOff + 32i, +32) = H(0x01 ||
     * in[inOff + 64i, +64))}. {@code out} may alias {@code in} when {@code outOff <= inOff}
     * (node i is written after nodes 2i and 2i+1 were read).
     */
    public static void innerHashes(byte[] in, int inOff, int pairs, byte[] out, int outOff) {
        if (VECTOR) {
            Blake2bLanes.innerHashes(in, inOff, pairs, out, outOff);
        } else {
            for (int i = 0; i < pairs; i++) {
                int left = inOff + 64 * i;
                Blake2b256.innerHash(in, left, in, left + 32, out, outOff + 32 * i);
            }
        }
    }

    private static boolean vectorAvailable() {
        if (Boolean.getBoolean("walrus.hash.scalar")) {
            return false;
        }
        try {
            return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && Blake2bLanes.lanes() >= 2;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }
}
