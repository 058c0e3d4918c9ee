package io.walrusj.core.rs;

/**
 * The Lin-Chung-Han additive FFT over the Cantor-basis points, on runs of shards in a work buffer
 * (shard u of the run sits at {@code (pos + u) * shardBytes}). Spec: docs/spec/reed-solomon-gf16.md 3.3.
 *
 * <p>Because shards of a run are contiguous, every butterfly group of one layer is a single engine
 * call over {@code dist} consecutive shards.
 */
final class AdditiveFft {
    private AdditiveFft() {}

    /**
     * Maps novel-basis coefficients to values at points {@code skewDelta ^ u}, u < size. Only the
     * first {@code truncated} outputs are guaranteed.
     */
    static void fft(ShardEngine engine, byte[] work, int shardBytes, int pos, int size, int truncated, int skewDelta) {
        for (int dist = size >> 1; dist > 0; dist >>= 1) {
            for (int r = 0; r < truncated; r += dist << 1) {
                int log = Gf16.SKEW[skewDelta + r + dist - 1];
                engine.fftButterfly(work, (pos + r) * shardBytes, (pos + r + dist) * shardBytes,
                        dist * shardBytes, log);
            }
        }
    }

    /** Inverse of {@link #fft}; shards at and after {@code truncated} must be zero on input. */
    static void ifft(ShardEngine engine, byte[] work, int shardBytes, int pos, int size, int truncated, int skewDelta) {
        for (int dist = 1; dist < size; dist <<= 1) {
            for (int r = 0; r < truncated; r += dist << 1) {
                int log = Gf16.SKEW[skewDelta + r + dist - 1];
                engine.ifftButterfly(work, (pos + r) * shardBytes, (pos + r + dist) * shardBytes,
                        dist * shardBytes, log);
            }
        }
    }

    /** In-place formal derivative (plus identity) of the novel-basis polynomial over {@code count} shards. */
    static void formalDerivative(ShardEngine engine, byte[] work, int shardBytes, int count) {
        for (int i = 1; i < count; i++) {
            int width = i & -i;
            engine.xor(work, (i - width) * shardBytes, i * shardBytes, width * shardBytes);
        }
    }

    static int ceilPow2(int x) {
        return x <= 1 ? 1 : Integer.highestOneBit(x - 1) << 1;
    }
}
