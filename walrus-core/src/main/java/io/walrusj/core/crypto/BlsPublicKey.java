package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import supranational.blst.BLST_ERROR;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * A BLS12-381 min-pk public key: a G1 point, never the identity, always in the prime-order
 * subgroup (checked on decoding). Canonical form: 48-byte compressed (what nodes register and
 * send, e.g. in {@code Authorization} headers); Move keeps committee keys as 96-byte uncompressed
 * {@code Element<UncompressedG1>} (docs/spec/walrus-chain.md 2.1), see {@link #fromUncompressedBytes} /
 * {@link #toUncompressedBytes}. Equality is by the compressed bytes.
 */
public final class BlsPublicKey {
    /** Length of the compressed encoding. */
    public static final int LENGTH = 48;
    /** Length of the uncompressed encoding ({@code Element<UncompressedG1>}). */
    public static final int UNCOMPRESSED_LENGTH = 96;

    private final byte[] compressed;
    private final P1_Affine point;

    private BlsPublicKey(byte[] compressed, P1_Affine point) {
        this.compressed = compressed;
        this.point = point;
    }

    /** Wraps a point already known to be valid (derived from a secret key or an aggregation). */
    static BlsPublicKey ofPoint(P1_Affine point) {
        if (point.is_inf()) {
            throw new CryptoException(Reason.POINT_AT_INFINITY, "public key is the point at infinity");
        }
        return new BlsPublicKey(point.compress(), point);
    }

    /** Decodes a 48-byte compressed key. */
    public static BlsPublicKey fromBytes(byte[] compressed) {
        P1_Affine p = Blst.decodeG1(compressed, LENGTH, "BLS public key");
        return new BlsPublicKey(compressed.clone(), p);
    }

    /** Decodes a 96-byte uncompressed key (Move {@code Element<UncompressedG1>} bytes). */
    public static BlsPublicKey fromUncompressedBytes(byte[] uncompressed) {
        P1_Affine p = Blst.decodeG1(uncompressed, UNCOMPRESSED_LENGTH, "uncompressed BLS public key");
        return new BlsPublicKey(p.compress(), p);
    }

    /** Decodes standard base64 (with padding) of the compressed key, the JSON form of the node API. */
    public static BlsPublicKey fromBase64(String text) {
        return fromBytes(Base64Text.decode(text, "BLS public key"));
    }

    /**
     * Sum of the given keys: the key that verifies the aggregate of their signatures over one
     * message. Throws {@link CryptoException} ({@code POINT_AT_INFINITY}) if the sum is the identity.
     */
    public static BlsPublicKey aggregate(Collection<BlsPublicKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("cannot aggregate zero public keys");
        }
        P1 sum = new P1();
        for (BlsPublicKey k : keys) {
            sum.add(k.point);
        }
        return ofPoint(sum.to_affine());
    }

    /** 48-byte compressed encoding. */
    public byte[] toBytes() {
        return compressed.clone();
    }

    /** 96-byte uncompressed encoding, as Move's {@code Element<UncompressedG1>} stores it. */
    public byte[] toUncompressedBytes() {
        return point.serialize();
    }

    /** Standard base64 with padding of the compressed key. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(compressed);
    }

    /** Verifies {@code signature} over exactly {@code message} (basic scheme, no extra hashing). */
    public boolean verify(byte[] message, BlsSignature signature) {
        return signature.affine().core_verify(point, true, message, Blst.DST) == BLST_ERROR.BLST_SUCCESS;
    }

    P1_Affine affine() {
        return point;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsPublicKey other && Arrays.equals(compressed, other.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "BlsPublicKey[" + HexFormat.of().formatHex(compressed) + "]";
    }
}
