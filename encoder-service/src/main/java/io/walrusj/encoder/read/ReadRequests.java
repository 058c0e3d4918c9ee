package io.walrusj.encoder.read;

import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.encoder.api.FrameworkRejection;

/** Path parameters of the read routes; malformed ones are framework rejections (plain-text 400). */
final class ReadRequests {
    private ReadRequests() {}

    static BlobId blobId(String text) {
        try {
            return BlobId.parse(text);
        } catch (BlobId.InvalidBlobIdException e) {
            throw new FrameworkRejection("Invalid URL: Cannot parse `" + text + "` to a `BlobId`: " + e.getMessage());
        }
    }

    /** A Sui object ID: {@code 0x} + up to 64 hex digits, as Sui's {@code ObjectID::from_str} accepts. */
    static SuiAddress objectId(String text) {
        try {
            return SuiAddress.parseLenient(text);
        } catch (CryptoException e) {
            throw new FrameworkRejection("Invalid URL: Cannot parse `" + text + "` to an `ObjectID`: " + e.getMessage());
        }
    }
}
