package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CryptoException.Reason;
import java.util.Arrays;
import java.util.Base64;

/**
 * A Sui serialized user signature for pure Ed25519: {@code flag 0x00 || signature (64) || public
 * key (32)}, 97 bytes; its text form is standard base64 (docs.sui.io "Signatures"). Other schemes
 * (secp256k1, secp256r1, multisig, zkLogin) are not supported. Equality is by the bytes.
 */
public final class SuiSignature {
    public static final int LENGTH = 1 + Ed25519PublicKey.SIGNATURE_LENGTH + Ed25519PublicKey.LENGTH;

    private final byte[] bytes;

    private SuiSignature(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Serializes an Ed25519 signature with its public key. */
    public static SuiSignature ed25519(byte[] signature, Ed25519PublicKey publicKey) {
        Lengths.require(signature, Ed25519PublicKey.SIGNATURE_LENGTH, "Ed25519 signature");
        byte[] out = new byte[LENGTH];
        out[0] = SuiAddress.ED25519_FLAG;
        System.arraycopy(signature, 0, out, 1, Ed25519PublicKey.SIGNATURE_LENGTH);
        System.arraycopy(publicKey.toBytes(), 0, out, 1 + Ed25519PublicKey.SIGNATURE_LENGTH, Ed25519PublicKey.LENGTH);
        return new SuiSignature(out);
    }

    public static SuiSignature fromBytes(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] != SuiAddress.ED25519_FLAG) {
            throw new CryptoException(Reason.UNSUPPORTED_SCHEME,
                    "only pure Ed25519 (flag 0x00) is supported, got flag 0x" + String.format("%02x", bytes[0] & 0xFF));
        }
        Lengths.require(bytes, LENGTH, "Sui Ed25519 signature");
        return new SuiSignature(bytes.clone());
    }

    public static SuiSignature fromBase64(String text) {
        return fromBytes(Base64Text.decode(text, "Sui signature"));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The 64-byte Ed25519 signature. */
    public byte[] signature() {
        return Arrays.copyOfRange(bytes, 1, 1 + Ed25519PublicKey.SIGNATURE_LENGTH);
    }

    public Ed25519PublicKey publicKey() {
        return Ed25519PublicKey.fromBytes(Arrays.copyOfRange(bytes, 1 + Ed25519PublicKey.SIGNATURE_LENGTH, LENGTH));
    }

    /** The address of the signer, derived from the embedded public key. */
    public SuiAddress signer() {
        return publicKey().suiAddress();
    }

    /** Whether this verifies as a signature of {@code txBcs} by the embedded key. */
    public boolean verifiesTransaction(byte[] txBcs) {
        return publicKey().verifyTransaction(txBcs, signature());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SuiSignature other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SuiSignature[" + toBase64() + "]";
    }
}
