package io.walrusj.core.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * BLAKE2b-256 as specified by RFC 7693: BLAKE2b with a 32-byte digest, no key, no salt and no
 * personalisation (parameter block: digest length 32, key length 0, fanout 1, depth 1). This is
 * <em>not</em> BLAKE2b-512 truncated to 32 bytes: the digest length is part of the parameter
 * block and therefore changes every output bit.
 *
 * <p>The one-shot methods are the hot path of the Merkle-tree builder (millions of short messages
 * per blob), so the compression keeps its whole state in local {@code long} variables, runs the
 * 12 rounds fully unrolled with the message schedule resolved at write time and reads message
 * words with a little-endian {@link VarHandle} straight from the caller's array (the prefix byte
 * of {@link #prefixedHash} is spliced in with a shifted read; there is no block buffer). The
 * {@code void} methods do not allocate (apart from one {@code long[8]} per thread, on its first
 * hash of a message longer than one block).
 *
 * <p>Layout constraints, found by measurement on HotSpot (JDK 25); keep them when editing:
 *
 * <ul>
 *   <li>A method with more than 8000 bytes of bytecode ({@code HugeMethodLimit}) is never
 *       JIT-compiled, and C2 stops inlining callees once a method plus what it has inlined
 *       reaches 8000 bytes ({@code DesiredMethodLimit}). Twelve unrolled rounds need about 10 kB,
 *       so every compression is split into two methods of six rounds each that hand the state
 *       over as parameters ({@code compress}/{@code compressTail},
 *       {@code innerHash}/{@code innerHashTail}); each is about 5.6 kB.
 *   <li>Rotations are written as shift pairs, which C2 turns into single rotate instructions
 *       without inlining anything; {@code Long.rotateRight} calls were not inlined in methods this
 *       large and ran as real calls (slower than BouncyCastle).
 *   <li>{@code a = a + m + b} rather than {@code a += b + m}: {@code b} is the operand computed
 *       last, so this takes one add off the critical path (about 9% on long messages). The
 *       {@code innerHash} pair keeps the other order, which measured faster there.
 *   <li>A chaining value cannot be returned from a method, so messages longer than one block keep
 *       it between blocks in a per-thread {@code long[8]} ({@code STATE}) and the streaming
 *       {@link Hasher} in its own array; single-block messages need no array at all.
 * </ul>
 *
 * <p>The round bodies were written by a small generator (G applied to columns then diagonals,
 * message words permuted by the RFC 7693 SIGMA table, round r using row r mod 10). Check the
 * bytecode size of {@code compress}, {@code compressTail}, {@code innerHash} and
 * {@code innerHashTail} with {@code javap -c} after any change.
 *
 * <p>All methods are static and thread-safe; {@link Hasher} instances are not thread-safe.
 */
public final class Blake2b256 {
    /** Digest length in bytes. */
    public static final int DIGEST_LENGTH = 32;

    private static final int BLOCK_LENGTH = 128;

    /** No prefix byte: the message is exactly the given range. */
    private static final int NO_PREFIX = -1;

    private static final VarHandle LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long IV0 = 0x6a09e667f3bcc908L;
    private static final long IV1 = 0xbb67ae8584caa73bL;
    private static final long IV2 = 0x3c6ef372fe94f82bL;
    private static final long IV3 = 0xa54ff53a5f1d36f1L;
    private static final long IV4 = 0x510e527fade682d1L;
    private static final long IV5 = 0x9b05688c2b3e6c1fL;
    private static final long IV6 = 0x1f83d9abfb41bd6bL;
    private static final long IV7 = 0x5be0cd19137e2179L;

    /**
     * First chaining word: IV0 xor the first parameter-block word (byte 0 digest length = 32,
     * byte 1 key length = 0, byte 2 fanout = 1, byte 3 depth = 1). The other seven parameter-block
     * words are zero, so h1..h7 start as IV1..IV7.
     */
    private static final long H0 = IV0 ^ 0x01010020L;

    /** The initial chaining value. Never written: only passed where the digest goes to an array. */
    private static final long[] INITIAL = {H0, IV1, IV2, IV3, IV4, IV5, IV6, IV7};

    /** Chaining value between the blocks of a multi-block one-shot hash (see the class comment). */
    private static final ThreadLocal<long[]> STATE = ThreadLocal.withInitial(() -> new long[8]);

    private Blake2b256() {}

    /** Returns BLAKE2b-256 of {@code data}. */
    public static byte[] hash(byte[] data) {
        return hash(data, 0, data.length);
    }

    /** Returns BLAKE2b-256 of {@code data[off, off + len)}. */
    public static byte[] hash(byte[] data, int off, int len) {
        byte[] out = new byte[DIGEST_LENGTH];
        hash(data, off, len, out, 0);
        return out;
    }

    /** Writes BLAKE2b-256 of {@code data[off, off + len)} to {@code out[outOff, outOff + 32)}. */
    public static void hash(byte[] data, int off, int len, byte[] out, int outOff) {
        Objects.checkFromIndexSize(off, len, data.length);
        Objects.checkFromIndexSize(outOff, DIGEST_LENGTH, out.length);
        if (len > BLOCK_LENGTH) {
            blocks(NO_PREFIX, data, off, len, out, outOff);
        } else {
            lastBlock(INITIAL, NO_PREFIX, data, off, len, len, out, outOff);
        }
    }

    /**
     * Writes BLAKE2b-256 of the message {@code prefix || data[off, off + len)} to {@code
     * out[outOff, outOff + 32)} without copying the message (Merkle leaves use prefix 0x00).
     */
    public static void prefixedHash(byte prefix, byte[] data, int off, int len, byte[] out,
            int outOff) {
        Objects.checkFromIndexSize(off, len, data.length);
        Objects.checkFromIndexSize(outOff, DIGEST_LENGTH, out.length);
        if (len > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("message too long: " + len);
        }
        // The message starts one byte before data[off]; that byte is supplied by the prefix.
        int msgLen = len + 1;
        if (msgLen > BLOCK_LENGTH) {
            blocks(prefix & 0xFF, data, off - 1, msgLen, out, outOff);
        } else {
            lastBlock(INITIAL, prefix & 0xFF, data, off - 1, msgLen, msgLen, out, outOff);
        }
    }

    /**
     * Writes BLAKE2b-256 of the 65-byte message {@code 0x01 || left[leftOff, leftOff + 32) ||
     * right[rightOff, rightOff + 32)} (a Merkle inner node) to {@code out[outOff, outOff + 32)}.
     * The message is a single block; this method is specialised for it (constant initial state,
     * message words 9..15 known to be zero). {@code out} may overlap the inputs.
     */
    public static void innerHash(byte[] left, int leftOff, byte[] right, int rightOff, byte[] out,
            int outOff) {
        Objects.checkFromIndexSize(leftOff, DIGEST_LENGTH, left.length);
        Objects.checkFromIndexSize(rightOff, DIGEST_LENGTH, right.length);
        Objects.checkFromIndexSize(outOff, DIGEST_LENGTH, out.length);
        // Message bytes: [0] = 0x01, [1, 33) = left, [33, 65) = right, [65, 128) = 0.
        long m0 = 0x01L | (long) LE.get(left, leftOff) << 8;
        long m1 = (long) LE.get(left, leftOff + 7);
        long m2 = (long) LE.get(left, leftOff + 15);
        long m3 = (long) LE.get(left, leftOff + 23);
        long m4 = (left[leftOff + 31] & 0xFFL) | (long) LE.get(right, rightOff) << 8;
        long m5 = (long) LE.get(right, rightOff + 7);
        long m6 = (long) LE.get(right, rightOff + 15);
        long m7 = (long) LE.get(right, rightOff + 23);
        long m8 = right[rightOff + 31] & 0xFFL;
        long v0 = H0;
        long v1 = IV1;
        long v2 = IV2;
        long v3 = IV3;
        long v4 = IV4;
        long v5 = IV5;
        long v6 = IV6;
        long v7 = IV7;
        long v8 = IV0;
        long v9 = IV1;
        long v10 = IV2;
        long v11 = IV3;
        long v12 = IV4 ^ 65;
        long v13 = IV5;
        long v14 = ~IV6;
        long v15 = IV7;
        // round 0
        v0 += v4 + m0; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m1; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m2; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m3; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m4; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m5; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m6; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m8; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 1
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m4; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m8; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m6; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m1; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m0; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m2; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m5; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m3; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 2
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m8; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m0; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m5; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m2; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m3; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m1; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 3
        v0 += v4 + m7; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m3; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m1; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m2; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5 + m6; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m5; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m4; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m0; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m8; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 4
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m0; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m7; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m2; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m4; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5 + m1; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m6; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m8; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m3; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 5
        v0 += v4 + m2; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m6; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m0; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m8; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m3; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m4; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m7; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m5; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m1; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        innerHashTail(v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15,
                m0, m1, m2, m3, m4, m5, m6, m7, m8, out, outOff);
    }

    /** Rounds 6..11 of {@link #innerHash}; writes the digest. */
    private static void innerHashTail(long v0, long v1, long v2, long v3, long v4, long v5,
            long v6, long v7, long v8, long v9, long v10, long v11, long v12, long v13, long v14,
            long v15, long m0, long m1, long m2, long m3, long m4, long m5, long m6, long m7,
            long m8, byte[] out, int outOff) {
        // round 6
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m5; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m1; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m4; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m0; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5 + m7; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m3; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m2; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m8; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 7
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m7; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m1; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m3; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5 + m0; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m4; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m8; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m6; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m2; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 8
        v0 += v4 + m6; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m3; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m0; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m8; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5 + m2; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m7; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m1; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m4; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m5; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 9
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m2; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m8; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m4; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m7; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m1; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m5; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7 + m3; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m0; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 10
        v0 += v4 + m0; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4 + m1; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m2; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m3; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6 + m4; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6 + m5; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7 + m6; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m8; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 11
        v0 += v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 += v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 += v5 + m4; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 += v5 + m8; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 += v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 += v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 += v7 + m6; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 += v5 + m1; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 += v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 += v6 + m0; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 += v6 + m2; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 += v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 += v7 + m7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 += v4 + m5; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 += v4 + m3; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        LE.set(out, outOff, H0 ^ v0 ^ v8);
        LE.set(out, outOff + 8, IV1 ^ v1 ^ v9);
        LE.set(out, outOff + 16, IV2 ^ v2 ^ v10);
        LE.set(out, outOff + 24, IV3 ^ v3 ^ v11);
    }

    /** Returns a new streaming hasher. */
    public static Hasher newHasher() {
        return new Hasher();
    }

    /**
     * Hashes a message of {@code msgLen > 128} bytes whose byte {@code j} is {@code d[p + j]},
     * except that byte 0 is {@code pfx} when {@code pfx >= 0} ({@code d[p]} is then not read).
     * Compresses every block but the last here and hands the last one to {@code lastBlock}.
     */
    private static void blocks(int pfx, byte[] d, int p, int msgLen, byte[] out, int outOff) {
        long[] h = STATE.get();
        h[0] = H0;
        h[1] = IV1;
        h[2] = IV2;
        h[3] = IV3;
        h[4] = IV4;
        h[5] = IV5;
        h[6] = IV6;
        h[7] = IV7;
        int s = 0;
        do {
            int q = p + s;
            long m0 = s == 0 && pfx >= 0
                    ? pfx | (long) LE.get(d, q + 1) << 8
                    : (long) LE.get(d, q);
            s += BLOCK_LENGTH;
            compress(h,
                    m0,
                    (long) LE.get(d, q + 8),
                    (long) LE.get(d, q + 16),
                    (long) LE.get(d, q + 24),
                    (long) LE.get(d, q + 32),
                    (long) LE.get(d, q + 40),
                    (long) LE.get(d, q + 48),
                    (long) LE.get(d, q + 56),
                    (long) LE.get(d, q + 64),
                    (long) LE.get(d, q + 72),
                    (long) LE.get(d, q + 80),
                    (long) LE.get(d, q + 88),
                    (long) LE.get(d, q + 96),
                    (long) LE.get(d, q + 104),
                    (long) LE.get(d, q + 112),
                    (long) LE.get(d, q + 120),
                    s, false, null, 0);
        } while (msgLen - s > BLOCK_LENGTH);
        lastBlock(h, NO_PREFIX, d, p + s, msgLen - s, msgLen, out, outOff);
    }

    /**
     * Compresses the final block, {@code n} (0..128) message bytes whose byte {@code j} is {@code
     * d[q + j]} (except byte 0, which is {@code pfx} when {@code pfx >= 0}; {@code d[q]} is then
     * not read), zero-padded; {@code t} is the total message length. Writes the digest.
     */
    @SuppressWarnings("fallthrough")
    private static void lastBlock(long[] h, int pfx, byte[] d, int q, int n, long t, byte[] out,
            int outOff) {
        long m0 = 0;
        long m1 = 0;
        long m2 = 0;
        long m3 = 0;
        long m4 = 0;
        long m5 = 0;
        long m6 = 0;
        long m7 = 0;
        long m8 = 0;
        long m9 = 0;
        long m10 = 0;
        long m11 = 0;
        long m12 = 0;
        long m13 = 0;
        long m14 = 0;
        long m15 = 0;
        int words = n >>> 3;
        switch (words) { // falls through: word i is loaded iff i < words
            case 16: m15 = (long) LE.get(d, q + 120);
            case 15: m14 = (long) LE.get(d, q + 112);
            case 14: m13 = (long) LE.get(d, q + 104);
            case 13: m12 = (long) LE.get(d, q + 96);
            case 12: m11 = (long) LE.get(d, q + 88);
            case 11: m10 = (long) LE.get(d, q + 80);
            case 10: m9 = (long) LE.get(d, q + 72);
            case 9: m8 = (long) LE.get(d, q + 64);
            case 8: m7 = (long) LE.get(d, q + 56);
            case 7: m6 = (long) LE.get(d, q + 48);
            case 6: m5 = (long) LE.get(d, q + 40);
            case 5: m4 = (long) LE.get(d, q + 32);
            case 4: m3 = (long) LE.get(d, q + 24);
            case 3: m2 = (long) LE.get(d, q + 16);
            case 2: m1 = (long) LE.get(d, q + 8);
            case 1:
                if (pfx < 0) {
                    m0 = (long) LE.get(d, q);
                }
            default:
        }
        int rest = n & 7;
        if (rest != 0 && (words != 0 || pfx < 0)) {
            long w = load(d, q + (words << 3), rest);
            switch (words) {
                case 0 -> m0 = w;
                case 1 -> m1 = w;
                case 2 -> m2 = w;
                case 3 -> m3 = w;
                case 4 -> m4 = w;
                case 5 -> m5 = w;
                case 6 -> m6 = w;
                case 7 -> m7 = w;
                case 8 -> m8 = w;
                case 9 -> m9 = w;
                case 10 -> m10 = w;
                case 11 -> m11 = w;
                case 12 -> m12 = w;
                case 13 -> m13 = w;
                case 14 -> m14 = w;
                default -> m15 = w;
            }
        }
        if (pfx >= 0) {
            m0 = pfx | load(d, q + 1, Math.min(n, 8) - 1) << 8;
        }
        compress(h, m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, t, true,
                out, outOff);
    }

    /**
     * Little-endian value of the {@code k} (0..7) bytes {@code d[i, i + k)}; never reads outside
     * {@code d} (it may read, and discard, bytes of {@code d} beyond the range).
     */
    private static long load(byte[] d, int i, int k) {
        if (k == 0) {
            return 0;
        }
        if (d.length - i >= 8) {
            return (long) LE.get(d, i) & (-1L >>> (64 - 8 * k));
        }
        if (i + k >= 8) {
            return (long) LE.get(d, i + k - 8) >>> (64 - 8 * k);
        }
        long w = 0;
        for (int j = i + k - 1; j >= i; j--) {
            w = w << 8 | (d[j] & 0xFFL);
        }
        return w;
    }

    /**
     * One compression of message words m0..m15 into chaining value {@code h} with byte counter
     * {@code t}: rounds 0..5 here, the rest in {@code compressTail}. If {@code out} is null the new
     * chaining value is stored back into {@code h}, otherwise the digest (its first four words) is
     * written to {@code out} and {@code h} is left alone.
     */
    private static void compress(long[] h, long m0, long m1, long m2, long m3, long m4, long m5,
            long m6, long m7, long m8, long m9, long m10, long m11, long m12, long m13, long m14,
            long m15, long t, boolean last, byte[] out, int outOff) {
        long v0 = h[0];
        long v1 = h[1];
        long v2 = h[2];
        long v3 = h[3];
        long v4 = h[4];
        long v5 = h[5];
        long v6 = h[6];
        long v7 = h[7];
        long v8 = IV0;
        long v9 = IV1;
        long v10 = IV2;
        long v11 = IV3;
        long v12 = IV4 ^ t;
        long v13 = IV5;
        long v14 = last ? ~IV6 : IV6;
        long v15 = IV7;
        // round 0
        v0 = v0 + m0 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m1 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m2 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m3 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m4 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m5 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m6 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m7 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m8 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m9 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m10 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m11 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m12 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m13 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m14 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m15 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 1
        v0 = v0 + m14 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m10 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m4 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m8 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m9 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m15 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m13 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m6 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m1 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m12 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m0 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m2 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m11 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m7 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m5 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m3 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 2
        v0 = v0 + m11 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m8 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m12 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m0 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m5 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m2 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m15 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m13 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m10 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m14 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m3 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m6 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m7 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m1 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m9 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m4 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 3
        v0 = v0 + m7 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m9 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m3 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m1 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m13 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m12 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m11 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m14 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m2 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m6 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m5 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m10 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m4 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m0 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m15 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m8 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 4
        v0 = v0 + m9 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m0 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m5 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m7 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m2 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m4 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m10 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m15 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m14 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m1 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m11 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m12 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m6 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m8 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m3 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m13 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 5
        v0 = v0 + m2 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m12 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m6 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m10 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m0 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m11 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m8 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m3 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m4 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m13 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m7 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m5 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m15 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m14 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m1 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m9 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        compressTail(h, v0, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15,
                m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, m13, m14, m15, out, outOff);
    }

    /** Rounds 6..11 of {@code compress} and the output step. */
    private static void compressTail(long[] h, long v0, long v1, long v2, long v3, long v4,
            long v5, long v6, long v7, long v8, long v9, long v10, long v11, long v12, long v13,
            long v14, long v15, long m0, long m1, long m2, long m3, long m4, long m5, long m6,
            long m7, long m8, long m9, long m10, long m11, long m12, long m13, long m14, long m15,
            byte[] out, int outOff) {
        // round 6
        v0 = v0 + m12 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m5 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m1 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m15 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m14 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m13 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m4 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m10 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m0 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m7 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m6 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m3 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m9 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m2 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m8 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m11 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 7
        v0 = v0 + m13 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m11 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m7 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m14 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m12 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m1 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m3 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m9 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m5 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m0 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m15 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m4 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m8 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m6 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m2 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m10 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 8
        v0 = v0 + m6 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m15 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m14 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m9 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m11 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m3 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m0 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m8 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m12 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m2 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m13 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m7 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m1 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m4 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m10 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m5 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 9
        v0 = v0 + m10 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m2 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m8 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m4 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m7 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m6 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m1 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m5 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m15 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m11 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m9 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m14 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m3 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m12 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m13 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m0 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 10
        v0 = v0 + m0 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m1 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m2 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m3 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m4 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m5 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m6 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m7 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m8 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m9 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m10 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m11 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m12 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m13 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m14 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m15 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        // round 11
        v0 = v0 + m14 + v4; v12 ^= v0; v12 = v12 >>> 32 | v12 << 32;
        v8 += v12; v4 ^= v8; v4 = v4 >>> 24 | v4 << 40;
        v0 = v0 + m10 + v4; v12 ^= v0; v12 = v12 >>> 16 | v12 << 48;
        v8 += v12; v4 ^= v8; v4 = v4 << 1 | v4 >>> 63;
        v1 = v1 + m4 + v5; v13 ^= v1; v13 = v13 >>> 32 | v13 << 32;
        v9 += v13; v5 ^= v9; v5 = v5 >>> 24 | v5 << 40;
        v1 = v1 + m8 + v5; v13 ^= v1; v13 = v13 >>> 16 | v13 << 48;
        v9 += v13; v5 ^= v9; v5 = v5 << 1 | v5 >>> 63;
        v2 = v2 + m9 + v6; v14 ^= v2; v14 = v14 >>> 32 | v14 << 32;
        v10 += v14; v6 ^= v10; v6 = v6 >>> 24 | v6 << 40;
        v2 = v2 + m15 + v6; v14 ^= v2; v14 = v14 >>> 16 | v14 << 48;
        v10 += v14; v6 ^= v10; v6 = v6 << 1 | v6 >>> 63;
        v3 = v3 + m13 + v7; v15 ^= v3; v15 = v15 >>> 32 | v15 << 32;
        v11 += v15; v7 ^= v11; v7 = v7 >>> 24 | v7 << 40;
        v3 = v3 + m6 + v7; v15 ^= v3; v15 = v15 >>> 16 | v15 << 48;
        v11 += v15; v7 ^= v11; v7 = v7 << 1 | v7 >>> 63;
        v0 = v0 + m1 + v5; v15 ^= v0; v15 = v15 >>> 32 | v15 << 32;
        v10 += v15; v5 ^= v10; v5 = v5 >>> 24 | v5 << 40;
        v0 = v0 + m12 + v5; v15 ^= v0; v15 = v15 >>> 16 | v15 << 48;
        v10 += v15; v5 ^= v10; v5 = v5 << 1 | v5 >>> 63;
        v1 = v1 + m0 + v6; v12 ^= v1; v12 = v12 >>> 32 | v12 << 32;
        v11 += v12; v6 ^= v11; v6 = v6 >>> 24 | v6 << 40;
        v1 = v1 + m2 + v6; v12 ^= v1; v12 = v12 >>> 16 | v12 << 48;
        v11 += v12; v6 ^= v11; v6 = v6 << 1 | v6 >>> 63;
        v2 = v2 + m11 + v7; v13 ^= v2; v13 = v13 >>> 32 | v13 << 32;
        v8 += v13; v7 ^= v8; v7 = v7 >>> 24 | v7 << 40;
        v2 = v2 + m7 + v7; v13 ^= v2; v13 = v13 >>> 16 | v13 << 48;
        v8 += v13; v7 ^= v8; v7 = v7 << 1 | v7 >>> 63;
        v3 = v3 + m5 + v4; v14 ^= v3; v14 = v14 >>> 32 | v14 << 32;
        v9 += v14; v4 ^= v9; v4 = v4 >>> 24 | v4 << 40;
        v3 = v3 + m3 + v4; v14 ^= v3; v14 = v14 >>> 16 | v14 << 48;
        v9 += v14; v4 ^= v9; v4 = v4 << 1 | v4 >>> 63;
        if (out == null) {
            h[0] ^= v0 ^ v8;
            h[1] ^= v1 ^ v9;
            h[2] ^= v2 ^ v10;
            h[3] ^= v3 ^ v11;
            h[4] ^= v4 ^ v12;
            h[5] ^= v5 ^ v13;
            h[6] ^= v6 ^ v14;
            h[7] ^= v7 ^ v15;
        } else {
            LE.set(out, outOff, h[0] ^ v0 ^ v8);
            LE.set(out, outOff + 8, h[1] ^ v1 ^ v9);
            LE.set(out, outOff + 16, h[2] ^ v2 ^ v10);
            LE.set(out, outOff + 24, h[3] ^ v3 ^ v11);
        }
    }

    /**
     * Incremental BLAKE2b-256 for data that arrives in pieces. {@link #digest()} finishes the hash
     * and resets the hasher, so an instance can be reused. Not thread-safe.
     */
    public static final class Hasher {
        private final long[] h = new long[8];
        private final byte[] buf = new byte[BLOCK_LENGTH];
        /** Bytes in {@code buf}; 0..128. A full buffer is only compressed once more data comes. */
        private int bufLen;
        /** Bytes compressed so far. */
        private long count;

        Hasher() {
            reset();
        }

        /** Forgets everything hashed so far. */
        public Hasher reset() {
            h[0] = H0;
            h[1] = IV1;
            h[2] = IV2;
            h[3] = IV3;
            h[4] = IV4;
            h[5] = IV5;
            h[6] = IV6;
            h[7] = IV7;
            bufLen = 0;
            count = 0;
            return this;
        }

        /** Appends one byte. */
        public Hasher update(byte b) {
            if (bufLen == BLOCK_LENGTH) {
                compress(buf, 0);
                bufLen = 0;
            }
            buf[bufLen++] = b;
            return this;
        }

        /** Appends {@code b}. */
        public Hasher update(byte[] b) {
            return update(b, 0, b.length);
        }

        /** Appends {@code b[off, off + len)}. */
        public Hasher update(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len > BLOCK_LENGTH - bufLen) {
                // The buffered block is not the last one: complete and compress it, then compress
                // whole blocks straight from b, always keeping at least one byte back.
                int fill = BLOCK_LENGTH - bufLen;
                System.arraycopy(b, off, buf, bufLen, fill);
                off += fill;
                len -= fill;
                compress(buf, 0);
                bufLen = 0;
                while (len > BLOCK_LENGTH) {
                    compress(b, off);
                    off += BLOCK_LENGTH;
                    len -= BLOCK_LENGTH;
                }
            }
            System.arraycopy(b, off, buf, bufLen, len);
            bufLen += len;
            return this;
        }

        /** Finishes the hash, returns the 32-byte digest and resets this hasher. */
        public byte[] digest() {
            byte[] out = new byte[DIGEST_LENGTH];
            digest(out, 0);
            return out;
        }

        /** Finishes the hash, writes the digest to {@code out[off, off + 32)}, resets. */
        public void digest(byte[] out, int off) {
            Objects.checkFromIndexSize(off, DIGEST_LENGTH, out.length);
            lastBlock(h, NO_PREFIX, buf, 0, bufLen, count + bufLen, out, off);
            reset();
        }

        /** Compresses the non-final block {@code d[q, q + 128)}. */
        private void compress(byte[] d, int q) {
            count += BLOCK_LENGTH;
            Blake2b256.compress(h,
                    (long) LE.get(d, q),
                    (long) LE.get(d, q + 8),
                    (long) LE.get(d, q + 16),
                    (long) LE.get(d, q + 24),
                    (long) LE.get(d, q + 32),
                    (long) LE.get(d, q + 40),
                    (long) LE.get(d, q + 48),
                    (long) LE.get(d, q + 56),
                    (long) LE.get(d, q + 64),
                    (long) LE.get(d, q + 72),
                    (long) LE.get(d, q + 80),
                    (long) LE.get(d, q + 88),
                    (long) LE.get(d, q + 96),
                    (long) LE.get(d, q + 104),
                    (long) LE.get(d, q + 112),
                    (long) LE.get(d, q + 120),
                    count, false, null, 0);
        }
    }
}
