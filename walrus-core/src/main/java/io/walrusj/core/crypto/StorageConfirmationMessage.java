package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import io.walrusj.core.metadata.BlobId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage confirmation, the {@code BLOB_CERT} message (docs/spec/walrus-storage-node-api.md 4.4):
 *
 * <pre>
 * 01 00 03 | epoch u32 LE | blob id (32) | 00                       permanent, 40 bytes
 * 01 00 03 | epoch u32 LE | blob id (32) | 01 | object id (32)      deletable, 72 bytes
 * </pre>
 *
 * A node signs {@link #toBytes()}; the publisher aggregates confirmations over byte-identical
 * messages; {@code certify_blob} verifies the certificate and then reads the body with the rules of
 * {@link #parse}.
 *
 * @param epoch the signer's current committee epoch (u32)
 * @param blobId the confirmed blob
 * @param deletableObjectId the {@code Blob} object id for a deletable blob, empty for a permanent one
 */
public record StorageConfirmationMessage(long epoch, BlobId blobId, Optional<SuiAddress> deletableObjectId) {
    private static final int PERMANENT = 0;
    private static final int DELETABLE = 1;
    private static final int BODY_OFFSET = MessageHeader.LENGTH;

    public StorageConfirmationMessage {
        MessageHeader.requireEpochRange(epoch);
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(deletableObjectId, "deletableObjectId");
    }

    public static StorageConfirmationMessage permanent(long epoch, BlobId blobId) {
        return new StorageConfirmationMessage(epoch, blobId, Optional.empty());
    }

    public static StorageConfirmationMessage deletable(long epoch, BlobId blobId, SuiAddress objectId) {
        return new StorageConfirmationMessage(epoch, blobId, Optional.of(objectId));
    }

    public boolean isDeletable() {
        return deletableObjectId.isPresent();
    }

    /** The exact signed bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[BODY_OFFSET + BlobId.LENGTH + 1 + (isDeletable() ? SuiAddress.LENGTH : 0)];
        MessageHeader.of(IntentType.BLOB_CERT, epoch).writeTo(out);
        System.arraycopy(blobId.bytes(), 0, out, BODY_OFFSET, BlobId.LENGTH);
        int p = BODY_OFFSET + BlobId.LENGTH;
        out[p] = (byte) (isDeletable() ? DELETABLE : PERMANENT);
        deletableObjectId.ifPresent(id -> id.copyTo(out, p + 1));
        return out;
    }

    /**
     * Parses a {@code BLOB_CERT} message as Move does: header (version 0, app id 3, type 1; the
     * epoch is returned, not checked), blob id, persistence type 0 or 1 (+ object id). Trailing
     * bytes are ignored, as on chain; a client that knows what it expects should compare
     * {@link #toBytes()} of the expected message instead.
     */
    public static StorageConfirmationMessage parse(byte[] message) {
        MessageHeader header = MessageHeader.parse(message);
        header.requireVersionAndApp();
        header.requireType(IntentType.BLOB_CERT);
        int need = BODY_OFFSET + BlobId.LENGTH + 1;
        if (message.length < need) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "a BLOB_CERT message has at least " + need + " bytes, got " + message.length);
        }
        BlobId blobId = BlobId.of(Arrays.copyOfRange(message, BODY_OFFSET, BODY_OFFSET + BlobId.LENGTH));
        int type = message[BODY_OFFSET + BlobId.LENGTH] & 0xFF;
        return switch (type) {
            case PERMANENT -> permanent(header.epoch(), blobId);
            case DELETABLE -> {
                if (message.length < need + SuiAddress.LENGTH) {
                    throw new CertificateException(Reason.MALFORMED_MESSAGE,
                            "a deletable BLOB_CERT message has at least " + (need + SuiAddress.LENGTH)
                                    + " bytes, got " + message.length);
                }
                yield deletable(header.epoch(), blobId,
                        SuiAddress.of(Arrays.copyOfRange(message, need, need + SuiAddress.LENGTH)));
            }
            default -> throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "blob persistence type must be 0 (permanent) or 1 (deletable), got " + type);
        };
    }
}
