package io.walrusj.core.rs;

import java.util.Arrays;
import java.util.BitSet;

/**
 * A reusable erasure decoder for one code shape, shard size and set of present codeword symbols
 * (indices 0..K-1 originals, K..K+R-1 recovery). {@link #prepare(BitSet)} computes the erasure
 * locator once; then, any number of times (e.g. once per batch of columns), write the present
 * shards at {@link #inputOffset(int)}, call {@link #decode()}, and read each missing original k at
 * {@link #inputOffset(int) inputOffset(k)}. Not thread-safe: one per thread.
 *
 * <p>Algorithm: docs/spec/reed-solomon-gf16.md section 6 (Leopard/LCH erasure decoding with a Walsh-Hadamard
 * erasure locator and a formal derivative).
 */
public final class ReedSolomonDecoder {
    private final RsParameters params;
    private final ShardEngine engine;
    private final int shardBytes;
    private final byte[] work;
    private final int workShards;
    private final int[] locator = new int[Gf16.ORDER];
    private final boolean[] received;
    private BitSet present;
    private int missingOriginals;

    public ReedSolomonDecoder(RsParameters params, int shardElements, ShardEngine engine) {
        this.params = params;
        this.engine = engine;
        this.shardBytes = ShardLayout.workBytes(shardElements);
        this.workShards = params.decoderWorkShards();
        this.work = new byte[Math.multiplyExact(workShards, shardBytes)];
        this.received = new boolean[workShards];
    }

    public byte[] work() {
        return work;
    }

    public RsParameters params() {
        return params;
    }

    /** Byte offset of codeword symbol {@code index} in the work buffer. */
    public int inputOffset(int index) {
        return params.position(index) * shardBytes;
    }

    /** Number of originals {@link #decode()} restores. */
    public int missingOriginals() {
        return missingOriginals;
    }

    /**
     * Fixes the set of present codeword symbols and computes the erasure locator.
     *
     * @throws IllegalArgumentException if fewer than K symbols are present or an index is out of range
     */
    public void prepare(BitSet presentSymbols) {
        int k = params.originalCount();
        int total = k + params.recoveryCount();
        if (presentSymbols.length() > total) {
            throw new IllegalArgumentException("codeword index " + (presentSymbols.length() - 1)
                    + " out of range for K+R=" + total);
        }
        if (presentSymbols.cardinality() < k) {
            throw new IllegalArgumentException("need at least " + k + " symbols to decode, got "
                    + presentSymbols.cardinality());
        }
        this.present = (BitSet) presentSymbols.clone();
        this.missingOriginals = k - present.get(0, k).cardinality();
        if (missingOriginals == 0) {
            return;
        }
        Arrays.fill(received, false);
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            received[params.position(i)] = true;
        }
        int[] erased = locator;
        Arrays.fill(erased, 0);
        for (int i = 0; i < total; i++) {
            if (!present.get(i)) {
                erased[params.position(i)] = 1;
            }
        }
        if (params.highRate()) {
            for (int x = params.recoveryCount(); x < params.chunk(); x++) {
                erased[x] = 1;
            }
        } else {
            for (int x = params.end(); x < Gf16.ORDER; x++) {
                erased[x] = 1;
            }
        }
        Gf16.walshHadamard(erased);
        for (int x = 0; x < Gf16.ORDER; x++) {
            erased[x] = (int) ((long) erased[x] * Gf16.LOG_WALSH[x] % Gf16.MODULUS);
        }
        Gf16.walshHadamard(erased);
    }

    /** Restores the missing originals in place; present shards' slots are overwritten. */
    public void decode() {
        if (present == null) {
            throw new IllegalStateException("prepare() first");
        }
        if (missingOriginals == 0) {
            return;
        }
        for (int x = 0; x < workShards; x++) {
            if (received[x]) {
                engine.mulLog(work, x * shardBytes, shardBytes, locator[x]);
            } else {
                ShardLayout.zero(work, x * shardBytes, shardBytes);
            }
        }
        int end = params.end();
        AdditiveFft.ifft(engine, work, shardBytes, 0, workShards, end, 0);
        AdditiveFft.formalDerivative(engine, work, shardBytes, workShards);
        AdditiveFft.fft(engine, work, shardBytes, 0, workShards, end, 0);
        for (int i = 0; i < params.originalCount(); i++) {
            if (!present.get(i)) {
                int x = params.position(i);
                engine.mulLog(work, x * shardBytes, shardBytes, Gf16.MODULUS - locator[x]);
            }
        }
    }
}
