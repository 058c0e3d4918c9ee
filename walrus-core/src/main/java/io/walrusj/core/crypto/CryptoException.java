package io.walrusj.core.crypto;

import io.walrusj.core.WalrusException;

/** A key, signature or address that cannot be decoded or used: wrong length, invalid point, bad text. */
public final class CryptoException extends WalrusException {
    public enum Reason {
        /** The byte or character count is not the one the format requires. */
        WRONG_LENGTH,
        /** The bytes are not a valid encoding (flag bits, x >= p, no square root, bad hex/base64). */
        INVALID_ENCODING,
        /** The encoded coordinates are not on the curve. */
        NOT_ON_CURVE,
        /** The point is on the curve but not in the prime-order subgroup. */
        NOT_IN_GROUP,
        /** The point at infinity (identity) where a real key or signature is required. */
        POINT_AT_INFINITY,
        /** A secret key that is zero or not below the group order, or seed material that is too short. */
        INVALID_SECRET_KEY,
        /** A signature scheme flag other than the ones supported. */
        UNSUPPORTED_SCHEME,
        /** The JVM or the native library does not provide the primitive. */
        UNAVAILABLE,
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public CryptoException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public CryptoException(Reason reason, String message, Throwable cause) {
        this(reason, message);
        initCause(cause);
    }

    public Reason reason() {
        return reason;
    }
}
