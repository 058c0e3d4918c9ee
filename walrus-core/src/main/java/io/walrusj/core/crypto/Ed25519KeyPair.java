package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * An Ed25519 key pair of a Sui account (signature scheme flag {@code 0x00}), on the JDK's
 * Ed25519. The 32-byte private key is the RFC 8032 seed, the "secret key" of the Sui SDKs and
 * keystore (without the flag byte). Immutable and thread-safe; {@link #toString()} hides the seed.
 */
public final class Ed25519KeyPair {
    /** Length of the private key (seed). */
    public static final int SEED_LENGTH = 32;

    private final byte[] seed;
    private final PrivateKey privateKey;
    private final Ed25519PublicKey publicKey;

    private Ed25519KeyPair(byte[] seed, PrivateKey privateKey, Ed25519PublicKey publicKey) {
        this.seed = seed;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair (32 random bytes from a new {@link SecureRandom}). */
    public static Ed25519KeyPair generate() {
        return generate(new SecureRandom());
    }

    /** A fresh key pair from 32 bytes of {@code random}. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        byte[] seed = new byte[SEED_LENGTH];
        random.nextBytes(seed);
        try {
            return fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * The key pair of a 32-byte private key (seed). The JDK has no public "derive the public key"
     * call, so this runs the JDK key-pair generator with a random source that yields exactly the
     * seed (the generator draws the 32-byte private key from it) and checks that the private key
     * it produced is the seed.
     */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        Lengths.require(seed, SEED_LENGTH, "Ed25519 private key");
        byte[] copy = seed.clone();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(copy));
            KeyPair pair = generator.generateKeyPair();
            EdECPrivateKey priv = (EdECPrivateKey) pair.getPrivate();
            byte[] produced = priv.getBytes().orElseThrow();
            if (!Arrays.equals(produced, copy)) {
                throw new CryptoException(Reason.UNAVAILABLE,
                        "the JDK's Ed25519 key-pair generator did not take the private key from the given seed");
            }
            return new Ed25519KeyPair(copy, priv, Ed25519PublicKey.fromJdk((EdECPublicKey) pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw Ed25519PublicKey.unavailable(e);
        } catch (IllegalStateException e) {
            throw new CryptoException(Reason.UNAVAILABLE,
                    "the JDK's Ed25519 key-pair generator does not draw a 32-byte private key: " + e.getMessage(), e);
        }
    }

    /** The 32-byte private key (seed). Handle with care. */
    public byte[] seed() {
        return seed.clone();
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The account address, {@code Blake2b-256(0x00 || public key)}. */
    public SuiAddress suiAddress() {
        return publicKey.suiAddress();
    }

    /** Plain Ed25519 signature (64 bytes) over exactly {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw Ed25519PublicKey.unavailable(e);
        }
    }

    /**
     * Signs a Sui transaction: Ed25519 over {@code Blake2b-256(00 00 00 || txBcs)} (intent
     * TransactionData/V0/Sui followed by the BCS {@code TransactionData}, see {@link SuiIntent}),
     * returned as the serialized signature {@code 00 || sig (64) || public key (32)} that goes
     * into {@code executeTransactionBlock} (base64 via {@link SuiSignature#toBase64()}).
     */
    public SuiSignature signTransaction(byte[] txBcs) {
        return SuiSignature.ed25519(sign(SuiIntent.transactionSigningDigest(txBcs)), publicKey);
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + publicKey + "]";
    }

    /** A random source that returns the given seed once, for the JDK key-pair generator. */
    private static final class SeedRandom extends SecureRandom {
        SeedRandom(byte[] seed) {
            super(new SeedSpi(seed), null);
        }
    }

    private static final class SeedSpi extends SecureRandomSpi {
        private byte[] seed;

        SeedSpi(byte[] seed) {
            this.seed = seed;
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {}

        @Override
        protected void engineNextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("seed source asked for " + bytes.length + " bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            seed = null;
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            throw new UnsupportedOperationException();
        }
    }
}
