package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.CertificateException;
import io.walrusj.core.crypto.CertificateVerifier;
import io.walrusj.core.crypto.CertifiedMessage;
import io.walrusj.core.crypto.IntentType;
import io.walrusj.core.crypto.RequiredWeight;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.Arrays;
import java.util.Optional;

/**
 * Certificate verification as {@code bls_aggregate} + {@code messages} do it (docs/spec/walrus-chain.md 3.1),
 * through walrus-core's {@link CertificateVerifier}, with each failure mapped to the Move abort, and
 * the message bodies read the way Move peels them (trailing bytes ignored).
 */
final class CertificateCheck {

    /** The body of a certified BLOB_CERT message: blob id and, for deletable blobs, the object id. */
    record BlobCertBody(BlobId blobId, Optional<SuiAddress> deletableObjectId) {}

    private CertificateCheck() {}

    static CertifiedMessage verify(BlsCommitteeState committee, byte[] signature, byte[] bitmap, byte[] message,
            RequiredWeight required, IntentType type) {
        try {
            return CertificateVerifier.verify(committee.verifier(), signature, bitmap, message, required, type);
        } catch (CertificateException e) {
            throw new ContractException(abortFor(e.reason()), e.getMessage(), e.reason());
        }
    }

    /** {@code certify_blob_message}: blob id (u256) then the persistence type (0 permanent, 1 + object id). */
    static BlobCertBody blobCertBody(CertifiedMessage message) {
        byte[] body = message.body();
        requireLength(body, BlobId.LENGTH + 1);
        BlobId blobId = BlobId.of(Arrays.copyOf(body, BlobId.LENGTH));
        int type = body[BlobId.LENGTH] & 0xFF;
        if (type == 0) {
            return new BlobCertBody(blobId, Optional.empty());
        }
        if (type == 1) {
            requireLength(body, BlobId.LENGTH + 1 + SuiAddress.LENGTH);
            SuiAddress id = SuiAddress.of(Arrays.copyOfRange(body, BlobId.LENGTH + 1, BlobId.LENGTH + 1 + SuiAddress.LENGTH));
            return new BlobCertBody(blobId, Optional.of(id));
        }
        throw new ContractException(AbortReason.EInvalidMessagePersistenceType,
                "blob persistence type must be 0 or 1, got " + type);
    }

    /** {@code invalid_blob_id_message}: the blob id (u256). */
    static BlobId invalidBlobIdBody(CertifiedMessage message) {
        byte[] body = message.body();
        requireLength(body, BlobId.LENGTH);
        return BlobId.of(Arrays.copyOf(body, BlobId.LENGTH));
    }

    private static void requireLength(byte[] body, int length) {
        if (body.length < length) {
            throw new ContractException(AbortReason.EOutOfRange,
                    "message body has " + body.length + " bytes, needs at least " + length);
        }
    }

    static AbortReason abortFor(CertificateException.Reason reason) {
        return switch (reason) {
            case INVALID_BITMAP -> AbortReason.EInvalidBitmap;
            case NOT_ENOUGH_WEIGHT -> AbortReason.ENotEnoughStake;
            case INVALID_SIGNATURE -> AbortReason.ESigVerification;
            case WRONG_INTENT_VERSION -> AbortReason.EIncorrectIntentVersion;
            case WRONG_APP_ID -> AbortReason.EIncorrectAppId;
            case WRONG_EPOCH -> AbortReason.EIncorrectEpoch;
            case WRONG_MESSAGE_TYPE -> AbortReason.EInvalidMsgType;
            case MALFORMED_MESSAGE -> AbortReason.EOutOfRange;
        };
    }
}
