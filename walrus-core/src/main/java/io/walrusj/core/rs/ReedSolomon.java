package io.walrusj.core.rs;

import java.util.BitSet;

/**
 * Shard-level Reed-Solomon with the crate's black-box contract (docs/spec/reed-solomon-gf16.md section 1):
 * K originals of L bytes (L even, at least 2) give R recovery shards; any K of the K+R shards give
 * back the originals. For bulk work use {@link ReedSolomonEncoder} / {@link ReedSolomonDecoder}
 * directly and batch many codewords per call.
 */
public final class ReedSolomon {
    private ReedSolomon() {}

    public static byte[][] encode(byte[][] originals, int recoveryCount) {
        return encode(originals, recoveryCount, ShardEngine.best());
    }

    public static byte[][] encode(byte[][] originals, int recoveryCount, ShardEngine engine) {
        int shardLength = commonLength(originals);
        RsParameters params = RsParameters.of(originals.length, recoveryCount);
        ReedSolomonEncoder encoder = new ReedSolomonEncoder(params, shardLength / 2, engine);
        for (int k = 0; k < originals.length; k++) {
            ShardLayout.toWork(originals[k], 0, shardLength, encoder.work(), encoder.shardOffset(k), 0);
        }
        encoder.encode();
        byte[][] recovery = new byte[recoveryCount][shardLength];
        for (int i = 0; i < recoveryCount; i++) {
            ShardLayout.fromWork(encoder.work(), encoder.shardOffset(i), 0, recovery[i], 0, shardLength);
        }
        return recovery;
    }

    /**
     * Decodes the K originals from the codeword symbols present in {@code codeword} (length K+R;
     * index k < K is original k, index K+i is recovery i; null = missing).
     */
    public static byte[][] decode(int originalCount, byte[][] codeword) {
        return decode(originalCount, codeword, ShardEngine.best());
    }

    public static byte[][] decode(int originalCount, byte[][] codeword, ShardEngine engine) {
        RsParameters params = RsParameters.of(originalCount, codeword.length - originalCount);
        BitSet present = new BitSet(codeword.length);
        int shardLength = -1;
        for (int i = 0; i < codeword.length; i++) {
            if (codeword[i] != null) {
                present.set(i);
                shardLength = checkLength(shardLength, codeword[i].length);
            }
        }
        byte[][] originals = new byte[originalCount][];
        if (shardLength < 0) {
            throw new IllegalArgumentException("no shards given");
        }
        ReedSolomonDecoder decoder = new ReedSolomonDecoder(params, shardLength / 2, engine);
        decoder.prepare(present);
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            ShardLayout.toWork(codeword[i], 0, shardLength, decoder.work(), decoder.inputOffset(i), 0);
        }
        decoder.decode();
        for (int k = 0; k < originalCount; k++) {
            if (codeword[k] != null) {
                originals[k] = codeword[k].clone();
            } else {
                originals[k] = new byte[shardLength];
                ShardLayout.fromWork(decoder.work(), decoder.inputOffset(k), 0, originals[k], 0, shardLength);
            }
        }
        return originals;
    }

    private static int commonLength(byte[][] shards) {
        if (shards.length == 0) {
            throw new IllegalArgumentException("no original shards");
        }
        int length = -1;
        for (byte[] shard : shards) {
            length = checkLength(length, shard.length);
        }
        return length;
    }

    private static int checkLength(int expected, int actual) {
        if (actual < 2 || (actual & 1) != 0) {
            throw new IllegalArgumentException("shard length must be even and at least 2, got " + actual);
        }
        if (expected >= 0 && expected != actual) {
            throw new IllegalArgumentException("shards differ in length: " + expected + " vs " + actual);
        }
        return actual;
    }
}
