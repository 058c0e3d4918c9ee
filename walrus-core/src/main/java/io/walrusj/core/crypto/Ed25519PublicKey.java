package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A raw 32-byte Ed25519 public key (RFC 8032 encoding: y little-endian, top bit = x parity), the
 * key of a pure-Ed25519 Sui account. Verification uses the JDK's Ed25519; a key that is not a
 * valid point simply fails to verify anything. Equality is by the bytes.
 */
public final class Ed25519PublicKey {
    public static final int LENGTH = 32;
    /** Ed25519 signature length. */
    public static final int SIGNATURE_LENGTH = 64;

    private final byte[] bytes;
    private volatile PublicKey jdkKey;

    private Ed25519PublicKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Ed25519PublicKey fromBytes(byte[] bytes) {
        Lengths.require(bytes, LENGTH, "Ed25519 public key");
        return new Ed25519PublicKey(bytes.clone());
    }

    static Ed25519PublicKey fromJdk(EdECPublicKey key) {
        EdECPoint point = key.getPoint();
        byte[] le = new byte[LENGTH];
        byte[] be = point.getY().toByteArray();
        for (int i = 0; i < LENGTH && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        if (point.isXOdd()) {
            le[LENGTH - 1] |= (byte) 0x80;
        }
        Ed25519PublicKey k = new Ed25519PublicKey(le);
        k.jdkKey = key;
        return k;
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** The Sui address of this key: {@code Blake2b-256(0x00 || key)}. */
    public SuiAddress suiAddress() {
        return SuiAddress.fromEd25519PublicKey(bytes);
    }

    /** Plain Ed25519 verification of a 64-byte signature over {@code message}. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey());
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Verifies a Sui transaction signature: Ed25519 over {@link SuiIntent#transactionSigningDigest}. */
    public boolean verifyTransaction(byte[] txBcs, byte[] signature) {
        return verify(SuiIntent.transactionSigningDigest(txBcs), signature);
    }

    private PublicKey jdkKey() throws GeneralSecurityException {
        PublicKey k = jdkKey;
        if (k == null) {
            byte[] be = new byte[LENGTH];
            for (int i = 0; i < LENGTH; i++) {
                be[i] = bytes[LENGTH - 1 - i];
            }
            boolean xOdd = (be[0] & 0x80) != 0;
            be[0] &= 0x7F;
            k = KeyFactory.getInstance("Ed25519").generatePublic(
                    new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
            jdkKey = k;
        }
        return k;
    }

    static CryptoException unavailable(GeneralSecurityException e) {
        return new CryptoException(Reason.UNAVAILABLE, "the JDK's Ed25519 failed: " + e.getMessage(), e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
