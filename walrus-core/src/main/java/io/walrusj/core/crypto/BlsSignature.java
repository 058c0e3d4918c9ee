package io.walrusj.core.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * A BLS12-381 min-pk signature: a G2 point, 96-byte compressed, never the identity, in the
 * prime-order subgroup (checked on decoding). A single node's signature and an aggregate look the
 * same. Equality is by the bytes.
 */
public final class BlsSignature {
    /** Length of the compressed encoding. */
    public static final int LENGTH = 96;

    private final byte[] compressed;
    private final P2_Affine point;

    private BlsSignature(byte[] compressed, P2_Affine point) {
        this.compressed = compressed;
        this.point = point;
    }

    static BlsSignature ofPoint(P2_Affine point) {
        if (point.is_inf()) {
            throw new CryptoException(CryptoException.Reason.POINT_AT_INFINITY, "signature is the point at infinity");
        }
        return new BlsSignature(point.compress(), point);
    }

    /** Decodes 96 compressed bytes. */
    public static BlsSignature fromBytes(byte[] bytes) {
        P2_Affine p = Blst.decodeG2(bytes, "BLS signature");
        return new BlsSignature(bytes.clone(), p);
    }

    /** Decodes standard base64 (with padding), the JSON form of the node API. */
    public static BlsSignature fromBase64(String text) {
        return fromBytes(Base64Text.decode(text, "BLS signature"));
    }

    /**
     * G2 sum of the signatures (Rust {@code BLS12381AggregateSignature::aggregate}). Over one
     * message it verifies against {@link BlsPublicKey#aggregate} of the signers' keys.
     */
    public static BlsSignature aggregate(Collection<BlsSignature> signatures) {
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("cannot aggregate zero signatures");
        }
        P2 sum = new P2();
        for (BlsSignature s : signatures) {
            sum.add(s.point);
        }
        return ofPoint(sum.to_affine());
    }

    public byte[] toBytes() {
        return compressed.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(compressed);
    }

    P2_Affine affine() {
        return point;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlsSignature other && Arrays.equals(compressed, other.compressed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(compressed);
    }

    @Override
    public String toString() {
        return "BlsSignature[" + HexFormat.of().formatHex(compressed) + "]";
    }
}
