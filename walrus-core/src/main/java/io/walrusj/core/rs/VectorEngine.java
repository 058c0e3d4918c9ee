package io.walrusj.core.rs;

import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Shard arithmetic with the JDK Vector API. Multiplying by a constant is GF(2)-linear on the 16
 * bits, so the product is the XOR of four 16-entry table lookups (one per nibble of the element),
 * each giving a low and a high result byte: eight {@code selectFrom} lookups per 32 elements, the
 * same scheme as the crate's AVX2 engine.
 */
public final class VectorEngine implements ShardEngine {
    /** Must be a static final constant, or the JIT falls back to a path slower than scalar. */
    private static final VectorSpecies<Byte> SPECIES = ByteVector.SPECIES_256;
    private static final int SKIP = Gf16.MODULUS;
    /** 16 bytes per (nibble position, result byte): 8 tables of 16 entries per log value. */
    private static final int TABLE_BYTES = 128;

    /**
     * Multiplication tables per log value, built on first use: an FFT touches only the few
     * thousand twiddles it needs, so a cold JVM does not pay for all 65536 (8 MiB) up front.
     * Racing threads may build the same table twice; both results are identical.
     */
    private final AtomicReferenceArray<byte[]> tables = new AtomicReferenceArray<>(Gf16.ORDER);

    private VectorEngine() {}

    static VectorEngine create() {
        if (SPECIES.length() != 32) {
            throw new IllegalStateException("unexpected vector species " + SPECIES);
        }
        return new VectorEngine();
    }

    private byte[] table(int log) {
        byte[] t = tables.getAcquire(log);
        if (t == null) {
            t = buildTable(log);
            tables.setRelease(log, t);
        }
        return t;
    }

    /** Layout per nibble position k: 16 low result bytes at 32k, 16 high result bytes at 32k + 16. */
    private static byte[] buildTable(int log) {
        // + 16 so that a 32-byte vector load of the last 16-byte table stays inside the array.
        byte[] t = new byte[TABLE_BYTES + 16];
        int[] bitProducts = new int[16];
        for (int bit = 0; bit < 16; bit++) {
            bitProducts[bit] = Gf16.mulLog(1 << bit, log);
        }
        for (int nibble = 0; nibble < 4; nibble++) {
            for (int v = 0; v < 16; v++) {
                int p = 0;
                for (int bit = 0; bit < 4; bit++) {
                    if ((v >>> bit & 1) != 0) {
                        p ^= bitProducts[nibble * 4 + bit];
                    }
                }
                t[nibble * 32 + v] = (byte) p;
                t[nibble * 32 + 16 + v] = (byte) (p >>> 8);
            }
        }
        return t;
    }

    @Override
    public void fftButterfly(byte[] w, int aOff, int bOff, int len, int log) {
        if (log == SKIP) {
            xor(w, bOff, aOff, len);
            return;
        }
        byte[] t = table(log);
        ByteVector l0 = ByteVector.fromArray(SPECIES, t, 0);
        ByteVector h0 = ByteVector.fromArray(SPECIES, t, 16);
        ByteVector l1 = ByteVector.fromArray(SPECIES, t, 32);
        ByteVector h1 = ByteVector.fromArray(SPECIES, t, 48);
        ByteVector l2 = ByteVector.fromArray(SPECIES, t, 64);
        ByteVector h2 = ByteVector.fromArray(SPECIES, t, 80);
        ByteVector l3 = ByteVector.fromArray(SPECIES, t, 96);
        ByteVector h3 = ByteVector.fromArray(SPECIES, t, 112);
        for (int c = 0; c < len; c += 64) {
            ByteVector bLo = ByteVector.fromArray(SPECIES, w, bOff + c);
            ByteVector bHi = ByteVector.fromArray(SPECIES, w, bOff + c + 32);
            ByteVector n0 = bLo.and((byte) 0x0F);
            ByteVector n1 = bLo.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector n2 = bHi.and((byte) 0x0F);
            ByteVector n3 = bHi.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector pLo = n0.selectFrom(l0).lanewise(VectorOperators.XOR, n1.selectFrom(l1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(l2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(l3));
            ByteVector pHi = n0.selectFrom(h0).lanewise(VectorOperators.XOR, n1.selectFrom(h1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(h2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(h3));
            ByteVector aLo = ByteVector.fromArray(SPECIES, w, aOff + c).lanewise(VectorOperators.XOR, pLo);
            ByteVector aHi = ByteVector.fromArray(SPECIES, w, aOff + c + 32).lanewise(VectorOperators.XOR, pHi);
            aLo.intoArray(w, aOff + c);
            aHi.intoArray(w, aOff + c + 32);
            bLo.lanewise(VectorOperators.XOR, aLo).intoArray(w, bOff + c);
            bHi.lanewise(VectorOperators.XOR, aHi).intoArray(w, bOff + c + 32);
        }
    }

    @Override
    public void ifftButterfly(byte[] w, int aOff, int bOff, int len, int log) {
        if (log == SKIP) {
            xor(w, bOff, aOff, len);
            return;
        }
        byte[] t = table(log);
        ByteVector l0 = ByteVector.fromArray(SPECIES, t, 0);
        ByteVector h0 = ByteVector.fromArray(SPECIES, t, 16);
        ByteVector l1 = ByteVector.fromArray(SPECIES, t, 32);
        ByteVector h1 = ByteVector.fromArray(SPECIES, t, 48);
        ByteVector l2 = ByteVector.fromArray(SPECIES, t, 64);
        ByteVector h2 = ByteVector.fromArray(SPECIES, t, 80);
        ByteVector l3 = ByteVector.fromArray(SPECIES, t, 96);
        ByteVector h3 = ByteVector.fromArray(SPECIES, t, 112);
        for (int c = 0; c < len; c += 64) {
            ByteVector aLo = ByteVector.fromArray(SPECIES, w, aOff + c);
            ByteVector aHi = ByteVector.fromArray(SPECIES, w, aOff + c + 32);
            ByteVector bLo = ByteVector.fromArray(SPECIES, w, bOff + c).lanewise(VectorOperators.XOR, aLo);
            ByteVector bHi = ByteVector.fromArray(SPECIES, w, bOff + c + 32).lanewise(VectorOperators.XOR, aHi);
            bLo.intoArray(w, bOff + c);
            bHi.intoArray(w, bOff + c + 32);
            ByteVector n0 = bLo.and((byte) 0x0F);
            ByteVector n1 = bLo.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector n2 = bHi.and((byte) 0x0F);
            ByteVector n3 = bHi.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector pLo = n0.selectFrom(l0).lanewise(VectorOperators.XOR, n1.selectFrom(l1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(l2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(l3));
            ByteVector pHi = n0.selectFrom(h0).lanewise(VectorOperators.XOR, n1.selectFrom(h1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(h2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(h3));
            aLo.lanewise(VectorOperators.XOR, pLo).intoArray(w, aOff + c);
            aHi.lanewise(VectorOperators.XOR, pHi).intoArray(w, aOff + c + 32);
        }
    }

    @Override
    public void mulLog(byte[] w, int off, int len, int log) {
        byte[] t = table(log);
        ByteVector l0 = ByteVector.fromArray(SPECIES, t, 0);
        ByteVector h0 = ByteVector.fromArray(SPECIES, t, 16);
        ByteVector l1 = ByteVector.fromArray(SPECIES, t, 32);
        ByteVector h1 = ByteVector.fromArray(SPECIES, t, 48);
        ByteVector l2 = ByteVector.fromArray(SPECIES, t, 64);
        ByteVector h2 = ByteVector.fromArray(SPECIES, t, 80);
        ByteVector l3 = ByteVector.fromArray(SPECIES, t, 96);
        ByteVector h3 = ByteVector.fromArray(SPECIES, t, 112);
        for (int c = off; c < off + len; c += 64) {
            ByteVector xLo = ByteVector.fromArray(SPECIES, w, c);
            ByteVector xHi = ByteVector.fromArray(SPECIES, w, c + 32);
            ByteVector n0 = xLo.and((byte) 0x0F);
            ByteVector n1 = xLo.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            ByteVector n2 = xHi.and((byte) 0x0F);
            ByteVector n3 = xHi.lanewise(VectorOperators.LSHR, 4).and((byte) 0x0F);
            n0.selectFrom(l0).lanewise(VectorOperators.XOR, n1.selectFrom(l1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(l2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(l3))
                    .intoArray(w, c);
            n0.selectFrom(h0).lanewise(VectorOperators.XOR, n1.selectFrom(h1))
                    .lanewise(VectorOperators.XOR, n2.selectFrom(h2))
                    .lanewise(VectorOperators.XOR, n3.selectFrom(h3))
                    .intoArray(w, c + 32);
        }
    }

    @Override
    public void xor(byte[] w, int dstOff, int srcOff, int len) {
        for (int c = 0; c < len; c += 32) {
            ByteVector.fromArray(SPECIES, w, dstOff + c)
                    .lanewise(VectorOperators.XOR, ByteVector.fromArray(SPECIES, w, srcOff + c))
                    .intoArray(w, dstOff + c);
        }
    }
}
