package io.walrusj.core.crypto;

import io.walrusj.core.WalrusException;

/**
 * A certificate or a signed protocol message fails a check. The reasons follow the aborts of the
 * Move contract ({@code bls_aggregate}, {@code messages}) so a chain implementation can map them
 * one to one.
 */
public final class CertificateException extends WalrusException {
    public enum Reason {
        /** Bitmap longer than ceil(members / 8) bytes or naming an index >= members ({@code EInvalidBitmap}). */
        INVALID_BITMAP,
        /** Signer weight below the required threshold ({@code ENotEnoughStake}). */
        NOT_ENOUGH_WEIGHT,
        /** The aggregate signature does not verify, or does not decode ({@code ESigVerification}). */
        INVALID_SIGNATURE,
        /** Intent version other than 0 ({@code EIncorrectIntentVersion}). */
        WRONG_INTENT_VERSION,
        /** Intent app id other than 3 ({@code EIncorrectAppId}). */
        WRONG_APP_ID,
        /** Message epoch differs from the committee's ({@code EIncorrectEpoch}). */
        WRONG_EPOCH,
        /** Intent type other than the one the operation accepts ({@code EInvalidMsgType}). */
        WRONG_MESSAGE_TYPE,
        /** Truncated message or invalid field value (for example a persistence type other than 0 or 1). */
        MALFORMED_MESSAGE,
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public CertificateException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
