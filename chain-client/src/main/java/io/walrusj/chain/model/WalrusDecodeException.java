package io.walrusj.chain.model;

import io.walrusj.chain.ChainException;

/**
 * A Walrus event or Move object that cannot be decoded: its type is not what was expected, its
 * BCS is malformed or non-canonical (the cause is then the walrus-core
 * {@link io.walrusj.core.bcs.BcsException} with the byte offset), or Sui's {@code parsedJson}
 * disagrees with the BCS.
 */
public final class WalrusDecodeException extends ChainException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The type tag is not {@code <address>::<module>::<Name>}. */
        MALFORMED_TYPE,
        /** The type's package is not the configured (original or defining) Walrus package. */
        WRONG_PACKAGE,
        /** The type is not in the Walrus {@code events} module. */
        WRONG_MODULE,
        /** An event name this decoder does not know, and unknown events are rejected. */
        UNKNOWN_EVENT,
        /** The BCS bytes are truncated, have trailing bytes or are non-canonical. */
        MALFORMED_BCS,
        /** {@code parsedJson} does not describe the same values as the BCS. */
        PARSED_JSON_MISMATCH,
        /** A Move object is not of the expected type. */
        WRONG_OBJECT_TYPE
    }

    private final Reason reason;

    public WalrusDecodeException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public WalrusDecodeException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
