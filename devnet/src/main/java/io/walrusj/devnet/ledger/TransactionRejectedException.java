package io.walrusj.devnet.ledger;

/** A transaction that was not accepted; nothing changed. The reason is for the client. */
public final class TransactionRejectedException extends RuntimeException {
    private final String reason;

    public TransactionRejectedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A short code: an abort name such as {@code EStorageExceeded}, or INVALID_SIGNATURE, INVALID_SENDER, MALFORMED, DUPLICATE. */
    public String reason() {
        return reason;
    }
}
