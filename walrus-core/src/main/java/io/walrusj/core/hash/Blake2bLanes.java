package io.walrusj.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
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

    private Blake2bLanes() {}

    static int lanes() {
        return L;
    }

    /** Per-thread scratch: state (h, v) and message words for one group. */
    private static final class Scratch {
        final long[] h = new long[8 * L];
        final long[] v = new long[16 * L];
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

    private static void compress(Scratch s, long counter, boolean last) {
        long[] v = s.v;
        long[] h = s.h;
        System.arraycopy(h, 0, v, 0, 8 * L);
        for (int i = 0; i < 8; i++) {
            long iv = IV[i];
            if (i == 4) {
                iv ^= counter;
            } else if (i == 6 && last) {
                iv = ~iv;
            }
            Arrays.fill(v, (8 + i) * L, (9 + i) * L, iv);
        }
        for (int r = 0; r < 12; r++) {
            round(v, s.m, SIGMA[r % 10]);
        }
        for (int i = 0; i < 8; i++) {
            LongVector.fromArray(S, h, i * L)
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, i * L))
                    .lanewise(VectorOperators.XOR, LongVector.fromArray(S, v, (i + 8) * L))
                    .intoArray(h, i * L);
        }
    }

    private static void round(long[] v, long[] m, int[] sigma) {
        g(v, m, 0, 4, 8, 12, sigma[0], sigma[1]);
        g(v, m, 1, 5, 9, 13, sigma[2], sigma[3]);
        g(v, m, 2, 6, 10, 14, sigma[4], sigma[5]);
        g(v, m, 3, 7, 11, 15, sigma[6], sigma[7]);
        g(v, m, 0, 5, 10, 15, sigma[8], sigma[9]);
        g(v, m, 1, 6, 11, 12, sigma[10], sigma[11]);
        g(v, m, 2, 7, 8, 13, sigma[12], sigma[13]);
        g(v, m, 3, 4, 9, 14, sigma[14], sigma[15]);
    }

    /**
     * The G function on state words a, b, c, d with message words x, y, all lanes at once. Kept as
     * its own small method on purpose: C2 stops inlining (and then boxes vectors) once a method and
     * its inlined Vector API templates pass about 8000 bytes of bytecode, which a whole round does.
     */
    private static void g(long[] v, long[] m, int a, int b, int c, int d, int x, int y) {
        LongVector va = LongVector.fromArray(S, v, a * L);
        LongVector vb = LongVector.fromArray(S, v, b * L);
        LongVector vc = LongVector.fromArray(S, v, c * L);
        LongVector vd = LongVector.fromArray(S, v, d * L);
        va = va.add(vb).add(msg(m, x));
        vd = vd.lanewise(VectorOperators.XOR, va).lanewise(VectorOperators.ROR, 32);
        vc = vc.add(vd);
        vb = vb.lanewise(VectorOperators.XOR, vc).lanewise(VectorOperators.ROR, 24);
        va = va.add(vb).add(msg(m, y));
        vd = vd.lanewise(VectorOperators.XOR, va).lanewise(VectorOperators.ROR, 16);
        vc = vc.add(vd);
        vb = vb.lanewise(VectorOperators.XOR, vc).lanewise(VectorOperators.ROR, 63);
        va.intoArray(v, a * L);
        vb.intoArray(v, b * L);
        vc.intoArray(v, c * L);
        vd.intoArray(v, d * L);
    }

    private static LongVector msg(long[] m, int word) {
        return LongVector.fromArray(S, m, word * L);
    }
}
