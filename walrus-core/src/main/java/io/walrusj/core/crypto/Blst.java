package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.math.BigInteger;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;

/**
 * The one place that talks to the jblst binding: constants, decoding with typed errors. blst's
 * SWIG objects hold their state in Java {@code long[]} arrays (no native memory to free); they are
 * safe to share for reading.
 */
final class Blst {
    /** Hash-to-curve domain separation tag of the basic min-pk scheme (Sui's {@code bls12381_min_pk_verify}). */
    static final String DST = "BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_";

    /** Order r of G1, G2 and the scalar field. */
    static final BigInteger ORDER =
            new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

    /** ZCash serialization flag bits in the first byte. */
    private static final int COMPRESSED_FLAG = 0x80;

    private Blst() {}

    /** Decodes a G1 point from 48 compressed or 96 uncompressed bytes; rejects infinity and non-subgroup points. */
    static P1_Affine decodeG1(byte[] bytes, int expectedLength, String what) {
        Lengths.require(bytes, expectedLength, what);
        boolean compressed = (bytes[0] & COMPRESSED_FLAG) != 0;
        if (compressed != (expectedLength == 48)) {
            throw new CryptoException(Reason.INVALID_ENCODING, what + ": compression flag (0x80 of the first byte) is "
                    + (compressed ? "set" : "clear") + " in a " + expectedLength + "-byte encoding");
        }
        P1_Affine point;
        try {
            point = new P1_Affine(bytes);
        } catch (RuntimeException e) {
            throw decodeFailure(what, e);
        }
        if (point.is_inf()) {
            throw new CryptoException(Reason.POINT_AT_INFINITY, what + " is the point at infinity");
        }
        if (!point.in_group()) {
            throw new CryptoException(Reason.NOT_IN_GROUP, what + " is not in the G1 subgroup");
        }
        return point;
    }

    /** Decodes a G2 point from 96 compressed bytes; rejects infinity and non-subgroup points. */
    static P2_Affine decodeG2(byte[] bytes, String what) {
        Lengths.require(bytes, 96, what);
        if ((bytes[0] & COMPRESSED_FLAG) == 0) {
            throw new CryptoException(Reason.INVALID_ENCODING, what + ": compression flag (0x80 of the first byte) is clear");
        }
        P2_Affine point;
        try {
            point = new P2_Affine(bytes);
        } catch (RuntimeException e) {
            throw decodeFailure(what, e);
        }
        if (point.is_inf()) {
            throw new CryptoException(Reason.POINT_AT_INFINITY, what + " is the point at infinity");
        }
        if (!point.in_group()) {
            throw new CryptoException(Reason.NOT_IN_GROUP, what + " is not in the G2 subgroup");
        }
        return point;
    }

    private static CryptoException decodeFailure(String what, RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        Reason reason = m.contains("not on curve") ? Reason.NOT_ON_CURVE
                : m.contains("not in group") ? Reason.NOT_IN_GROUP
                : Reason.INVALID_ENCODING;
        return new CryptoException(reason, what + ": " + m, e);
    }
}
