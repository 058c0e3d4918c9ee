package io.walrusj.nodeclient;

import io.walrusj.core.crypto.BlsSignature;
import java.util.Objects;

/**
 * A node's storage confirmation as received: the serialized {@code StorageConfirmationMessage} and
 * the BLS signature over exactly those bytes. Unverified: the caller checks the message and the
 * signature against the node's committee key.
 */
public record SignedConfirmation(byte[] serializedMessage, BlsSignature signature) {
    public SignedConfirmation {
        serializedMessage = serializedMessage.clone();
        Objects.requireNonNull(signature, "signature");
    }

    @Override
    public byte[] serializedMessage() {
        return serializedMessage.clone();
    }
}
