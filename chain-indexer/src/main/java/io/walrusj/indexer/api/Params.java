package io.walrusj.indexer.api;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;

/** Parsing and checking of path and query parameters (failures become 400). */
final class Params {

    private Params() {
    }

    /** A blob ID in Walrus text form (43 URL-safe base64 characters). */
    static BlobId blobId(String text) {
        return BlobId.parse(text);
    }

    /** An object ID or address: {@code 0x} + 1..64 hex digits (short forms are padded, as in Sui). */
    static SuiAddress address(String text) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw new BadRequestException("expected 0x followed by hex digits, got '" + text + "'");
        }
        return SuiAddress.parseLenient(text);
    }

    static int limit(Integer limit, int dflt, int max) {
        if (limit == null) {
            return dflt;
        }
        if (limit < 1 || limit > max) {
            throw new BadRequestException("limit must be between 1 and " + max + ", got " + limit);
        }
        return limit;
    }

    static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new BadRequestException(name + " must not be negative, got " + value);
        }
        return value;
    }
}
