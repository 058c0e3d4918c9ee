package io.walrusj.core.rs;

/**
 * Element-wise shard arithmetic for the additive FFT, over a work buffer in the crate's internal
 * layout: 64-byte chunks of 32 elements, low bytes first then high bytes. Every offset and length
 * here is in bytes and a multiple of 64.
 *
 * <p>Two implementations compute identical bytes: {@link ScalarEngine} (plain Java, the reference)
 * and {@link VectorEngine} (the JDK Vector API, 16-entry nibble-table lookups, the fast path).
 * {@link #best()} picks the vector one when the {@code jdk.incubator.vector} module is present.
 */
public sealed interface ShardEngine permits ScalarEngine, VectorEngine {

    /** FFT butterfly over two equally long runs: {@code a ^= b * EXP[log]} unless log is 65535, then {@code b ^= a}. */
    void fftButterfly(byte[] work, int aOff, int bOff, int len, int log);

    /** IFFT butterfly: {@code b ^= a}, then {@code a ^= b * EXP[log]} unless log is 65535. */
    void ifftButterfly(byte[] work, int aOff, int bOff, int len, int log);

    /** {@code x = x * EXP[log]} in place (log 65535 multiplies by one). */
    void mulLog(byte[] work, int off, int len, int log);

    /** {@code dst ^= src}. */
    void xor(byte[] work, int dstOff, int srcOff, int len);

    /** The fastest engine this JVM can run. */
    static ShardEngine best() {
        return EngineHolder.BEST;
    }

    /** The plain-Java engine (reference implementation). */
    static ShardEngine scalar() {
        return ScalarEngine.INSTANCE;
    }

    final class EngineHolder {
        static final ShardEngine BEST = choose();

        private EngineHolder() {}

        private static ShardEngine choose() {
            if (Boolean.getBoolean("walrus.rs.scalar")) {
                return ScalarEngine.INSTANCE;
            }
            try {
                if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                    return ScalarEngine.INSTANCE;
                }
                return VectorEngine.create();
            } catch (LinkageError | RuntimeException e) {
                return ScalarEngine.INSTANCE;
            }
        }
    }
}
