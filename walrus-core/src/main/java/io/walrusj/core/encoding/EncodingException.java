package io.walrusj.core.encoding;

import io.walrusj.core.WalrusException;

/** Input the encoder or decoder cannot accept: bad parameters, a blob that is too large, too few slivers. */
public final class EncodingException extends WalrusException {
    public enum Reason { INVALID_SHARD_COUNT, DATA_TOO_LARGE, NOT_ENOUGH_SLIVERS, INCONSISTENT_BLOB, INVALID_RANGE }

    private final Reason reason;

    public EncodingException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
