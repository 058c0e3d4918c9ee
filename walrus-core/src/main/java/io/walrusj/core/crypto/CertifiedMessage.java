package io.walrusj.core.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A message that passed {@link CertificateVerifier}: its bytes, its checked header and the weight
 * of its signers (Move {@code messages::CertifiedMessage}; {@code stake_support} = signer weight).
 * Read the body with e.g. {@link StorageConfirmationMessage#parse} on {@link #message()}.
 */
public record CertifiedMessage(byte[] message, MessageHeader header, int signerWeight) {
    public CertifiedMessage {
        message = message.clone();
        Objects.requireNonNull(header, "header");
    }

    @Override
    public byte[] message() {
        return message.clone();
    }

    /** The bytes after the 7-byte header. */
    public byte[] body() {
        return Arrays.copyOfRange(message, MessageHeader.LENGTH, message.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertifiedMessage other && Arrays.equals(message, other.message)
                && header.equals(other.header) && signerWeight == other.signerWeight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(message), header, signerWeight);
    }

    @Override
    public String toString() {
        return "CertifiedMessage[message=" + HexFormat.of().formatHex(message) + ", header=" + header
                + ", signerWeight=" + signerWeight + "]";
    }
}
