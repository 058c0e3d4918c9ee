package io.walrusj.core.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An aggregate BLS signature, the bitmap of its signers and the message they all signed: the three
 * arguments of {@code certify_blob} / {@code invalidate_blob_id}. Check it with
 * {@link CertificateVerifier}; build it with {@link #aggregate} or {@link CertificateBuilder}.
 */
public record Certificate(BlsSignature signature, SignersBitmap signers, byte[] message) {
    public Certificate {
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signers, "signers");
        message = message.clone();
    }

    /**
     * Aggregates the signatures of members (by committee index) over {@code message} into a
     * certificate for a committee of {@code memberCount} members. The signatures are not checked:
     * one invalid signature makes the whole aggregate invalid, so verify each first (or use
     * {@link CertificateBuilder}).
     */
    public static Certificate aggregate(byte[] message, int memberCount, Map<Integer, BlsSignature> signaturesByIndex) {
        if (signaturesByIndex.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one signature");
        }
        TreeMap<Integer, BlsSignature> sorted = new TreeMap<>(signaturesByIndex);
        int[] indices = sorted.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<BlsSignature> signatures = new ArrayList<>(sorted.values());
        return new Certificate(BlsSignature.aggregate(signatures), SignersBitmap.fromIndices(memberCount, indices), message);
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate other && signature.equals(other.signature) && signers.equals(other.signers)
                && Arrays.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signature, signers, Arrays.hashCode(message));
    }

    @Override
    public String toString() {
        return "Certificate[signature=" + signature + ", signers=" + signers + ", message="
                + HexFormat.of().formatHex(message) + "]";
    }
}
