package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P2;
import supranational.blst.SecretKey;

/**
 * A BLS12-381 min-pk key pair: a storage node's protocol key. Signs with the basic scheme
 * ({@code hash_to_curve} onto G2 with DST {@code BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_}, then
 * multiply by the secret), over the message bytes exactly as given.
 *
 * <p>Key generation is blst's {@code keygen} (IETF BLS KeyGen) on 32 bytes of input key material,
 * which is what fastcrypto's {@code BLS12381KeyPair::generate} does. The secret key's byte form is
 * 32 bytes big-endian (fastcrypto, blst {@code to_bendian}, Sui Move {@code scalar_from_bytes}).
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} does not show the secret.
 */
public final class BlsKeyPair {
    /** Length of the secret key encoding. */
    public static final int SECRET_KEY_LENGTH = 32;
    /** Minimum input key material length accepted by the IETF KeyGen. */
    public static final int MIN_SEED_LENGTH = 32;

    private final SecretKey secret;
    private final BlsPublicKey publicKey;

    private BlsKeyPair(SecretKey secret) {
        this.secret = secret;
        this.publicKey = BlsPublicKey.ofPoint(new P1(secret).to_affine());
    }

    /** A fresh key pair from 32 bytes of {@code random}. */
    public static BlsKeyPair generate(SecureRandom random) {
        byte[] ikm = new byte[MIN_SEED_LENGTH];
        random.nextBytes(ikm);
        try {
            return fromSeed(ikm);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * Deterministic key pair from input key material (IETF BLS KeyGen with empty info, as blst
     * {@code keygen(ikm)}); at least 32 bytes.
     */
    public static BlsKeyPair fromSeed(byte[] ikm) {
        if (ikm.length < MIN_SEED_LENGTH) {
            throw new CryptoException(Reason.INVALID_SECRET_KEY,
                    "BLS key material must be at least " + MIN_SEED_LENGTH + " bytes, got " + ikm.length);
        }
        SecretKey sk = new SecretKey();
        sk.keygen(ikm);
        return new BlsKeyPair(sk);
    }

    /** Key pair from the 32-byte big-endian secret scalar; it must be in [1, r). */
    public static BlsKeyPair fromSecretKeyBytes(byte[] secretKey) {
        Lengths.require(secretKey, SECRET_KEY_LENGTH, "BLS secret key");
        BigInteger s = new BigInteger(1, secretKey);
        if (s.signum() == 0 || s.compareTo(Blst.ORDER) >= 0) {
            throw new CryptoException(Reason.INVALID_SECRET_KEY, "BLS secret key must be in [1, r)");
        }
        SecretKey sk = new SecretKey();
        sk.from_bendian(secretKey);
        return new BlsKeyPair(sk);
    }

    /** The 32-byte big-endian secret scalar. Handle with care. */
    public byte[] secretKeyBytes() {
        return secret.to_bendian();
    }

    public BlsPublicKey publicKey() {
        return publicKey;
    }

    /** Signs exactly {@code message} (no hashing, no intent wrapper added). */
    public BlsSignature sign(byte[] message) {
        return BlsSignature.ofPoint(new P2().hash_to(message, Blst.DST).sign_with(secret).to_affine());
    }

    @Override
    public String toString() {
        return "BlsKeyPair[public=" + publicKey + "]";
    }
}
