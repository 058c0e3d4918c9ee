package io.walrusj.core;

/**
 * Data that does not verify against what it claims to be: metadata against a blob ID, a sliver or a
 * recovery symbol against metadata, a Merkle proof against a root. The reason names the check, the
 * message says the numbers.
 */
public final class VerificationException extends WalrusException {
    public enum Reason {
        INVALID_HASH_COUNT,
        UNENCODED_LENGTH_TOO_LARGE,
        BLOB_ID_MISMATCH,
        SLIVER_INDEX_OUT_OF_RANGE,
        WRONG_SLIVER_LENGTH,
        WRONG_SYMBOL_SIZE,
        WRONG_SLIVER_TYPE,
        MERKLE_ROOT_MISMATCH,
        INVALID_MERKLE_PROOF,
        SYMBOL_INDEX_OUT_OF_RANGE,
        SYMBOL_NOT_USABLE,
        WRONG_SYMBOL_COUNT,
        SLIVER_NOT_INCONSISTENT,
    }

    private final Reason reason;

    public VerificationException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
