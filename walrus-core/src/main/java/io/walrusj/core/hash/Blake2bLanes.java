package io.walrusj.core.hash;

import static jdk.incubator.vector.VectorOperators.ROR;
import static jdk.incubator.vector.VectorOperators.XOR;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD core of {@link Blake2bBatch}: lane j of every vector belongs to message j of a group.
 * State and message words live in {@code long[]} arrays, word-major ({@code w * LANES + lane}),
 * so G loads them as whole vectors.
 */
final class Blake2bLanes {
    /** Must be a static final constant, or the JIT falls back to a path slower than scalar. */
    private static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VarHandle LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long[] IV = {
        0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L,
    };
    private static final long H0 = IV[0] ^ 0x01010020L;
    private static final int[][] SIGMA = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
        {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
        {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
        {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
        {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
        {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
        {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
        {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
        {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
        {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    };

    /** SIGMA[r % 10] with every word index pre-multiplied by L: the offset of that message vector. */
    private static final int[][] SIGMA_OFFSETS = new int[12][16];

    static {
        for (int r = 0; r < 12; r++) {
            for (int i = 0; i < 16; i++) {
                SIGMA_OFFSETS[r][i] = SIGMA[r % 10][i] * L;
            }
        }
    }

    private Blake2bLanes() {}

    static int lanes() {
        return L;
    }

    /** Per-thread scratch: state (h, v) and message words for one group. */
    private static final class Scratch {
        final long[] h = new long[8 * L];
        final long[] m = new long[16 * L];
        final byte[] block = new byte[128];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static void prefixedHashes(byte prefix, byte[][] src, int[] srcOff, int len, int count, byte[] out, int[] outOff) {
        Scratch s = SCRATCH.get();
        int msgLen = len + 1;
        int blocks = Math.max(1, (msgLen + 127) / 128);
        int group = 0;
        for (; group + L <= count; group += L) {
            initState(s.h);
            for (int b = 0; b < blocks; b++) {
                boolean last = b == blocks - 1;
                for (int lane = 0; lane < L; lane++) {
                    loadBlock(s, lane, prefix, src[group + lane], srcOff[group + lane], len, b);
                }
                compress(s, last ? msgLen : 128L * (b + 1), last);
            }
            for (int lane = 0; lane < L; lane++) {
                storeDigest(s.h, lane, out, outOff[group + lane]);
            }
        }
        for (; group < count; group++) {
            Blake2b256.prefixedHash(prefix, src[group], srcOff[group], len, out, outOff[group]);
        }
    }

    static void innerHashes(byte[] in, int inOff, int pairs, byte[] out, int outOff) {
        Scratch s = SCRATCH.get();
        long[] m = s.m;
        int i = 0;
        for (; i + L <= pairs; i += L) {
            initState(s.h);
            Arrays.fill(m, 9 * L, 16 * L, 0L);
            for (int lane = 0; lane < L; lane++) {
                int base = inOff + 64 * (i + lane);
                m[lane] = 0x01L | ((long) LE.get(in, base) << 8);
                for (int w = 1; w < 8; w++) {
                    m[w * L + lane] = (long) LE.get(in, base + 8 * w - 1);
                }
                m[8 * L + lane] = in[base + 63] & 0xFFL;
            }
            compress(s, 65, true);
            for (int lane = 0; lane < L; lane++) {
                storeDigest(s.h, lane, out, outOff + 32 * (i + lane));
            }
        }
        for (; i < pairs; i++) {
            int left = inOff + 64 * i;
            Blake2b256.innerHash(in, left, in, left + 32, out, outOff + 32 * i);
        }
    }

    /**
     * Message words of block {@code b} of {@code prefix || data[off, off+len)} into lane {@code lane}.
     * Full blocks are read in place (the message starts one byte before {@code data[off]}); the
     * last, partial block goes through a zero-padded copy.
     */
    private static void loadBlock(Scratch s, int lane, byte prefix, byte[] data, int off, int len, int b) {
        long[] m = s.m;
        int msgLen = len + 1;
        int start = 128 * b; // message offset of the block
        if (start + 128 <= msgLen) {
            int base = off - 1 + start; // data index of message byte `start`
            if (b == 0) {
                m[lane] = (prefix & 0xFFL) | ((long) LE.get(data, off) << 8);
            } else {
                m[lane] = (long) LE.get(data, base);
            }
            for (int w = 1; w < 16; w++) {
                m[w * L + lane] = (long) LE.get(data, base + 8 * w);
            }
            return;
        }
        byte[] block = s.block;
        Arrays.fill(block, (byte) 0);
        if (b == 0) {
            block[0] = prefix;
            System.arraycopy(data, off, block, 1, len);
        } else {
            System.arraycopy(data, off - 1 + start, block, 0, msgLen - start);
        }
        for (int w = 0; w < 16; w++) {
            m[w * L + lane] = (long) LE.get(block, 8 * w);
        }
    }

    private static void initState(long[] h) {
        Arrays.fill(h, 0, L, H0);
        for (int i = 1; i < 8; i++) {
            Arrays.fill(h, i * L, (i + 1) * L, IV[i]);
        }
    }

    private static void storeDigest(long[] h, int lane, byte[] out, int off) {
        for (int w = 0; w < 4; w++) {
            LE.set(out, off + 8 * w, h[w * L + lane]);
        }
    }

    /**
     * One compression of every lane's block (message words in {@code s.m}) into the chaining
     * values {@code s.h}. The 16 state vectors stay in locals across a loop over the 12 rounds: one
     * round per iteration keeps the method, with its inlined Vector API templates, under C2's
     * inlining budget (about 8000 bytes of bytecode), past which vectors would be boxed on the heap.
     */
    private static void compress(Scratch s, long counter, boolean last) {
        long[] h = s.h;
        long[] m = s.m;
        LongVector h0 = LongVector.fromArray(S, h, 0);
        LongVector h1 = LongVector.fromArray(S, h, L);
        LongVector h2 = LongVector.fromArray(S, h, 2 * L);
        LongVector h3 = LongVector.fromArray(S, h, 3 * L);
        LongVector h4 = LongVector.fromArray(S, h, 4 * L);
        LongVector h5 = LongVector.fromArray(S, h, 5 * L);
        LongVector h6 = LongVector.fromArray(S, h, 6 * L);
        LongVector h7 = LongVector.fromArray(S, h, 7 * L);
        LongVector v0 = h0;
        LongVector v1 = h1;
        LongVector v2 = h2;
        LongVector v3 = h3;
        LongVector v4 = h4;
        LongVector v5 = h5;
        LongVector v6 = h6;
        LongVector v7 = h7;
        LongVector v8 = LongVector.broadcast(S, IV[0]);
        LongVector v9 = LongVector.broadcast(S, IV[1]);
        LongVector v10 = LongVector.broadcast(S, IV[2]);
        LongVector v11 = LongVector.broadcast(S, IV[3]);
        LongVector v12 = LongVector.broadcast(S, IV[4] ^ counter);
        LongVector v13 = LongVector.broadcast(S, IV[5]);
        LongVector v14 = LongVector.broadcast(S, last ? ~IV[6] : IV[6]);
        LongVector v15 = LongVector.broadcast(S, IV[7]);
        for (int r = 0; r < 12; r++) {
            int[] sg = SIGMA_OFFSETS[r];
            v0 = v0.add(LongVector.fromArray(S, m, sg[0])).add(v4);
            v12 = v12.lanewise(XOR, v0).lanewise(ROR, 32);
            v8 = v8.add(v12);
            v4 = v4.lanewise(XOR, v8).lanewise(ROR, 24);
            v0 = v0.add(LongVector.fromArray(S, m, sg[1])).add(v4);
            v12 = v12.lanewise(XOR, v0).lanewise(ROR, 16);
            v8 = v8.add(v12);
            v4 = v4.lanewise(XOR, v8).lanewise(ROR, 63);
            v1 = v1.add(LongVector.fromArray(S, m, sg[2])).add(v5);
            v13 = v13.lanewise(XOR, v1).lanewise(ROR, 32);
            v9 = v9.add(v13);
            v5 = v5.lanewise(XOR, v9).lanewise(ROR, 24);
            v1 = v1.add(LongVector.fromArray(S, m, sg[3])).add(v5);
            v13 = v13.lanewise(XOR, v1).lanewise(ROR, 16);
            v9 = v9.add(v13);
            v5 = v5.lanewise(XOR, v9).lanewise(ROR, 63);
            v2 = v2.add(LongVector.fromArray(S, m, sg[4])).add(v6);
            v14 = v14.lanewise(XOR, v2).lanewise(ROR, 32);
            v10 = v10.add(v14);
            v6 = v6.lanewise(XOR, v10).lanewise(ROR, 24);
            v2 = v2.add(LongVector.fromArray(S, m, sg[5])).add(v6);
            v14 = v14.lanewise(XOR, v2).lanewise(ROR, 16);
            v10 = v10.add(v14);
            v6 = v6.lanewise(XOR, v10).lanewise(ROR, 63);
            v3 = v3.add(LongVector.fromArray(S, m, sg[6])).add(v7);
            v15 = v15.lanewise(XOR, v3).lanewise(ROR, 32);
            v11 = v11.add(v15);
            v7 = v7.lanewise(XOR, v11).lanewise(ROR, 24);
            v3 = v3.add(LongVector.fromArray(S, m, sg[7])).add(v7);
            v15 = v15.lanewise(XOR, v3).lanewise(ROR, 16);
            v11 = v11.add(v15);
            v7 = v7.lanewise(XOR, v11).lanewise(ROR, 63);
            v0 = v0.add(LongVector.fromArray(S, m, sg[8])).add(v5);
            v15 = v15.lanewise(XOR, v0).lanewise(ROR, 32);
            v10 = v10.add(v15);
            v5 = v5.lanewise(XOR, v10).lanewise(ROR, 24);
            v0 = v0.add(LongVector.fromArray(S, m, sg[9])).add(v5);
            v15 = v15.lanewise(XOR, v0).lanewise(ROR, 16);
            v10 = v10.add(v15);
            v5 = v5.lanewise(XOR, v10).lanewise(ROR, 63);
            v1 = v1.add(LongVector.fromArray(S, m, sg[10])).add(v6);
            v12 = v12.lanewise(XOR, v1).lanewise(ROR, 32);
            v11 = v11.add(v12);
            v6 = v6.lanewise(XOR, v11).lanewise(ROR, 24);
            v1 = v1.add(LongVector.fromArray(S, m, sg[11])).add(v6);
            v12 = v12.lanewise(XOR, v1).lanewise(ROR, 16);
            v11 = v11.add(v12);
            v6 = v6.lanewise(XOR, v11).lanewise(ROR, 63);
            v2 = v2.add(LongVector.fromArray(S, m, sg[12])).add(v7);
            v13 = v13.lanewise(XOR, v2).lanewise(ROR, 32);
            v8 = v8.add(v13);
            v7 = v7.lanewise(XOR, v8).lanewise(ROR, 24);
            v2 = v2.add(LongVector.fromArray(S, m, sg[13])).add(v7);
            v13 = v13.lanewise(XOR, v2).lanewise(ROR, 16);
            v8 = v8.add(v13);
            v7 = v7.lanewise(XOR, v8).lanewise(ROR, 63);
            v3 = v3.add(LongVector.fromArray(S, m, sg[14])).add(v4);
            v14 = v14.lanewise(XOR, v3).lanewise(ROR, 32);
            v9 = v9.add(v14);
            v4 = v4.lanewise(XOR, v9).lanewise(ROR, 24);
            v3 = v3.add(LongVector.fromArray(S, m, sg[15])).add(v4);
            v14 = v14.lanewise(XOR, v3).lanewise(ROR, 16);
            v9 = v9.add(v14);
            v4 = v4.lanewise(XOR, v9).lanewise(ROR, 63);
        }
        h0.lanewise(XOR, v0).lanewise(XOR, v8).intoArray(h, 0);
        h1.lanewise(XOR, v1).lanewise(XOR, v9).intoArray(h, L);
        h2.lanewise(XOR, v2).lanewise(XOR, v10).intoArray(h, 2 * L);
        h3.lanewise(XOR, v3).lanewise(XOR, v11).intoArray(h, 3 * L);
        h4.lanewise(XOR, v4).lanewise(XOR, v12).intoArray(h, 4 * L);
        h5.lanewise(XOR, v5).lanewise(XOR, v13).intoArray(h, 5 * L);
        h6.lanewise(XOR, v6).lanewise(XOR, v14).intoArray(h, 6 * L);
        h7.lanewise(XOR, v7).lanewise(XOR, v15).intoArray(h, 7 * L);
    }
}
