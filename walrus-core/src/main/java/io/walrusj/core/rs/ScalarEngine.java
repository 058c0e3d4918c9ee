package io.walrusj.core.rs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Plain-Java shard arithmetic with log/exp tables: the reference every faster engine must equal. */
public final class ScalarEngine implements ShardEngine {
    static final ScalarEngine INSTANCE = new ScalarEngine();
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int SKIP = Gf16.MODULUS;

    private ScalarEngine() {}

    @Override
    public void fftButterfly(byte[] w, int aOff, int bOff, int len, int log) {
        if (log != SKIP) {
            mulAdd(w, aOff, bOff, len, log);
        }
        xor(w, bOff, aOff, len);
    }

    @Override
    public void ifftButterfly(byte[] w, int aOff, int bOff, int len, int log) {
        xor(w, bOff, aOff, len);
        if (log != SKIP) {
            mulAdd(w, aOff, bOff, len, log);
        }
    }

    @Override
    public void mulLog(byte[] w, int off, int len, int log) {
        char[] logs = Gf16.LOG;
        char[] exps = Gf16.EXP;
        for (int chunk = off; chunk < off + len; chunk += 64) {
            for (int t = chunk; t < chunk + 32; t++) {
                int x = (w[t] & 0xFF) | (w[t + 32] & 0xFF) << 8;
                int p = x == 0 ? 0 : exps[Gf16.addMod(logs[x], log)];
                w[t] = (byte) p;
                w[t + 32] = (byte) (p >>> 8);
            }
        }
    }

    @Override
    public void xor(byte[] w, int dstOff, int srcOff, int len) {
        for (int i = 0; i < len; i += 8) {
            long d = (long) LONGS.get(w, dstOff + i);
            long s = (long) LONGS.get(w, srcOff + i);
            LONGS.set(w, dstOff + i, d ^ s);
        }
    }

    /** {@code a ^= b * EXP[log]}. */
    private static void mulAdd(byte[] w, int aOff, int bOff, int len, int log) {
        char[] logs = Gf16.LOG;
        char[] exps = Gf16.EXP;
        for (int c = 0; c < len; c += 64) {
            for (int t = 0; t < 32; t++) {
                int bi = bOff + c + t;
                int x = (w[bi] & 0xFF) | (w[bi + 32] & 0xFF) << 8;
                if (x != 0) {
                    int p = exps[Gf16.addMod(logs[x], log)];
                    int ai = aOff + c + t;
                    w[ai] ^= (byte) p;
                    w[ai + 32] ^= (byte) (p >>> 8);
                }
            }
        }
    }
}
