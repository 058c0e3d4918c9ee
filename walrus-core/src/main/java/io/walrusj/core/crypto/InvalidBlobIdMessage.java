package io.walrusj.core.crypto;

import io.walrusj.core.crypto.CertificateException.Reason;
import io.walrusj.core.metadata.BlobId;
import java.util.Arrays;
import java.util.Objects;

/**
 * The {@code INVALID_BLOB_ID} attestation (docs/spec/walrus-storage-node-api.md 6.3):
 * {@code 02 00 03 | epoch u32 LE | blob id (32)}, 39 bytes. Certified with "one correct node"
 * weight for {@code invalidate_blob_id}.
 */
public record InvalidBlobIdMessage(long epoch, BlobId blobId) {
    public static final int LENGTH = MessageHeader.LENGTH + BlobId.LENGTH;

    public InvalidBlobIdMessage {
        MessageHeader.requireEpochRange(epoch);
        Objects.requireNonNull(blobId, "blobId");
    }

    /** The exact signed bytes. */
    public byte[] toBytes() {
        byte[] out = new byte[LENGTH];
        MessageHeader.of(IntentType.INVALID_BLOB_ID, epoch).writeTo(out);
        System.arraycopy(blobId.bytes(), 0, out, MessageHeader.LENGTH, BlobId.LENGTH);
        return out;
    }

    /** Parses as Move does (header checks except epoch, blob id; trailing bytes ignored). */
    public static InvalidBlobIdMessage parse(byte[] message) {
        MessageHeader header = MessageHeader.parse(message);
        header.requireVersionAndApp();
        header.requireType(IntentType.INVALID_BLOB_ID);
        if (message.length < LENGTH) {
            throw new CertificateException(Reason.MALFORMED_MESSAGE,
                    "an INVALID_BLOB_ID message has at least " + LENGTH + " bytes, got " + message.length);
        }
        return new InvalidBlobIdMessage(header.epoch(),
                BlobId.of(Arrays.copyOfRange(message, MessageHeader.LENGTH, LENGTH)));
    }
}
