package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import java.math.BigInteger;

/** Move {@code u256} as a non-negative {@link BigInteger}; BCS is 32 little-endian bytes. */
public final class U256 {

    /** 2^256 - 1. */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private U256() {
    }

    /** @throws IllegalArgumentException unless {@code 0 <= value < 2^256} */
    public static BigInteger check(BigInteger value) {
        if (value == null || value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("not a u256: " + value);
        }
        return value;
    }

    public static BigInteger read(BcsReader r) {
        return fromLittleEndian(r.u256());
    }

    public static void write(BcsWriter w, BigInteger value) {
        w.u256(toLittleEndian(value));
    }

    public static BigInteger fromLittleEndian(byte[] le) {
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
            be[i] = le[le.length - 1 - i];
        }
        return new BigInteger(1, be);
    }

    public static byte[] toLittleEndian(BigInteger value) {
        check(value);
        byte[] be = value.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }
}
