package io.walrusj.core.rs;

/**
 * GF(2^16) exactly as reed-solomon-simd 3.x represents it: reduction polynomial 0x1002D, elements
 * stored as coordinates in a Cantor basis (so the FFT points are simply the integers 0..65535),
 * and log/exp tables built on that representation. See docs/spec/reed-solomon-gf16.md section 2.
 *
 * <p>All tables are immutable after class initialisation and shared by every thread.
 */
public final class Gf16 {
    /** Field size; also the number of FFT points. */
    public static final int ORDER = 65536;
    /** The multiplicative group order; logs are taken mod this value. */
    public static final int MODULUS = 65535;

    private static final int POLYNOMIAL = 0x1002D;
    private static final int[] CANTOR_BASIS = {
        0x0001, 0xACCA, 0x3C0E, 0x163E, 0xC582, 0xED2E, 0x914C, 0x4012,
        0x6C98, 0x10D8, 0x6A72, 0xB900, 0xFDB8, 0xFB34, 0xFF38, 0x991E,
    };

    /** LOG[v] for v != 0; LOG[0] = 65535 (sentinel: there is no log of 0). */
    static final char[] LOG = new char[ORDER];
    /** EXP[l] for l in 0..65535 with EXP[65535] = EXP[0] = 1. */
    static final char[] EXP = new char[ORDER];
    /**
     * SKEW[j] = LOG[W_k(beta)] where j + 1 = beta + 2^k, 2^k = lowbit(j + 1); 65535 means "twiddle is
     * zero" and the FFT butterfly then skips its multiply. 65535 entries.
     */
    static final char[] SKEW = new char[MODULUS];
    /** Walsh-Hadamard transform of LOG with LOG[0] replaced by 0, used by the decoder's locator. */
    static final int[] LOG_WALSH = new int[ORDER];

    static {
        int[] polyLog = new int[ORDER];
        int s = 1;
        for (int i = 0; i < MODULUS; i++) {
            polyLog[s] = i;
            s <<= 1;
            if (s >= ORDER) {
                s ^= POLYNOMIAL;
            }
        }
        int[] cantorToPoly = new int[ORDER];
        for (int b = 0; b < 16; b++) {
            int bit = 1 << b;
            for (int j = 0; j < bit; j++) {
                cantorToPoly[j + bit] = cantorToPoly[j] ^ CANTOR_BASIS[b];
            }
        }
        LOG[0] = MODULUS;
        for (int v = 1; v < ORDER; v++) {
            LOG[v] = (char) polyLog[cantorToPoly[v]];
            EXP[LOG[v]] = (char) v;
        }
        EXP[MODULUS] = EXP[0];

        for (int j = 0; j < MODULUS; j++) {
            int lowBit = (j + 1) & -(j + 1);
            int beta = (j + 1) - lowBit;
            int k = Integer.numberOfTrailingZeros(lowBit);
            int y = beta;
            for (int i = 0; i < k; i++) {
                y = mul(y, y ^ 1);
            }
            SKEW[j] = LOG[y];
        }

        for (int v = 0; v < ORDER; v++) {
            LOG_WALSH[v] = v == 0 ? 0 : LOG[v];
        }
        walshHadamard(LOG_WALSH);
    }

    private Gf16() {}

    /** Product of two field elements (Cantor representation). */
    public static int mul(int a, int b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return EXP[addMod(LOG[a], LOG[b])];
    }

    /** {@code x} times the element whose log is {@code log}; log 65535 acts as log 0 (times one). */
    public static int mulLog(int x, int log) {
        return x == 0 ? 0 : EXP[addMod(LOG[x], log)];
    }

    public static int log(int v) {
        return LOG[v];
    }

    public static int exp(int l) {
        return EXP[l];
    }

    /** Ones-complement fold as the crate does it: the result may be 65535 instead of 0. */
    static int addMod(int a, int b) {
        int t = a + b;
        return (t + (t >>> 16)) & 0xFFFF;
    }

    /**
     * Unnormalised Walsh-Hadamard transform over Z/65535 with butterflies (a, b) -> (a+b, a-b). No
     * 1/65536 factor is needed because 65536 = 1 mod 65535. Values stay in 0..65535 (0 and 65535 are
     * the same residue).
     */
    static void walshHadamard(int[] data) {
        for (int half = 1; half < ORDER; half <<= 1) {
            for (int start = 0; start < ORDER; start += half << 1) {
                for (int i = start; i < start + half; i++) {
                    int a = data[i];
                    int b = data[i + half];
                    data[i] = addMod(a, b);
                    data[i + half] = addMod(a, MODULUS - b);
                }
            }
        }
    }
}
