package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.BlsSignature;
import io.walrusj.core.crypto.StorageConfirmationMessage;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Checks one node's storage confirmation as the Rust client does (storage-node-api 4.4): the
 * message decodes as a BLOB_CERT message of the expected epoch, blob id and persistence (object
 * id for a deletable blob), its bytes are exactly the expected message (all signatures of a
 * certificate must be over identical bytes), and the BLS signature verifies under the member's
 * committee key.
 */
final class ConfirmationVerifier {
    private ConfirmationVerifier() {}

    /** The verified signature, ready for {@link io.walrusj.core.crypto.CertificateBuilder#addVerified}. */
    static BlsSignature verify(byte[] serializedMessage, BlsSignature signature, StorageConfirmationMessage expected,
            BlsPublicKey signerKey) throws InvalidConfirmationException {
        StorageConfirmationMessage got;
        try {
            got = StorageConfirmationMessage.parse(serializedMessage);
        } catch (RuntimeException e) {
            throw new InvalidConfirmationException("undecodable confirmation: " + e.getMessage(), OptionalLong.empty());
        }
        if (got.epoch() != expected.epoch()) {
            throw new InvalidConfirmationException("confirmation for epoch " + got.epoch() + ", the committee's is "
                    + expected.epoch(), OptionalLong.of(got.epoch()));
        }
        if (!got.blobId().equals(expected.blobId())) {
            throw new InvalidConfirmationException("confirmation for blob " + got.blobId() + ", expected "
                    + expected.blobId(), OptionalLong.empty());
        }
        if (!got.deletableObjectId().equals(expected.deletableObjectId())) {
            throw new InvalidConfirmationException("confirmation for persistence "
                    + got.deletableObjectId().map(id -> "deletable " + id).orElse("permanent") + ", expected "
                    + expected.deletableObjectId().map(id -> "deletable " + id).orElse("permanent"), OptionalLong.empty());
        }
        if (!Arrays.equals(serializedMessage, expected.toBytes())) {
            throw new InvalidConfirmationException("confirmation message has trailing bytes", OptionalLong.empty());
        }
        if (!signerKey.verify(serializedMessage, signature)) {
            throw new InvalidConfirmationException("confirmation signature does not verify under the member's key",
                    OptionalLong.empty());
        }
        return signature;
    }
}
