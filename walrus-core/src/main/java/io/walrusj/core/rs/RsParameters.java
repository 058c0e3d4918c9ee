package io.walrusj.core.rs;

/**
 * Shape of one Reed-Solomon code: K originals, R recovery shards, and which engine layout the crate
 * uses for it. The rate choice is part of the format: multi-chunk high- and low-rate encoders give
 * different recovery shards (docs/spec/reed-solomon-gf16.md 5.1).
 *
 * @param originalCount K
 * @param recoveryCount R
 * @param highRate      whether the high-rate layout applies
 * @param chunk         m = pow2(R) for high rate, k2 = pow2(K) for low rate
 */
public record RsParameters(int originalCount, int recoveryCount, boolean highRate, int chunk) {

    public static RsParameters of(int originalCount, int recoveryCount) {
        if (originalCount < 1 || recoveryCount < 1) {
            throw new IllegalArgumentException("Reed-Solomon needs at least one original and one recovery shard, got K="
                    + originalCount + " R=" + recoveryCount);
        }
        int pk = AdditiveFft.ceilPow2(originalCount);
        int pr = AdditiveFft.ceilPow2(recoveryCount);
        if ((long) Math.min(pk, pr) + Math.max(originalCount, recoveryCount) > Gf16.ORDER) {
            throw new IllegalArgumentException("unsupported Reed-Solomon shape K=" + originalCount + " R=" + recoveryCount);
        }
        boolean high = pk > pr || (pk == pr && originalCount <= recoveryCount);
        return new RsParameters(originalCount, recoveryCount, high, high ? pr : pk);
    }

    /** Shards in the encoder's work buffer. */
    int encoderWorkShards() {
        if (highRate) {
            return ceilDiv(originalCount, chunk) * chunk;
        }
        return Math.max(chunk, ceilDiv(recoveryCount, chunk) * chunk);
    }

    /** FFT position of codeword symbol {@code index} (originals first, then recovery). */
    int position(int index) {
        if (index < originalCount) {
            return highRate ? chunk + index : index;
        }
        int i = index - originalCount;
        return highRate ? i : chunk + i;
    }

    /** One past the last meaningful position. */
    int end() {
        return highRate ? chunk + originalCount : chunk + recoveryCount;
    }

    int decoderWorkShards() {
        return AdditiveFft.ceilPow2(end());
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
