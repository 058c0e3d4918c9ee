package io.walrusj.chain.devnet;

import io.walrusj.chain.ChainException;
import io.walrusj.chain.rpc.SuiRpcException;
import java.util.Objects;

/**
 * The devnet did not accept a transaction; nothing changed on chain. The devnet answers such a
 * {@code devnet_executeTransaction} with the JSON-RPC error
 * {@code {"code":-32002,"message":"<reason>: <detail>","data":{"reason":"<reason>"}}}.
 *
 * <p>{@link #reason()} is a Move abort name of the Walrus contract (e.g. {@code ENotEnoughStake},
 * {@code EStorageExceeded}) or one of the devnet's own: {@value #INVALID_SIGNATURE},
 * {@value #INVALID_SENDER}, {@value #MALFORMED}, {@value #DUPLICATE}.
 */
public final class TransactionRejectedException extends ChainException {

    private static final long serialVersionUID = 1L;

    /** The signature does not verify over the transaction bytes, or its signer is not the sender. */
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";
    /** The sender is the reserved system address {@code 0x0}. */
    public static final String INVALID_SENDER = "INVALID_SENDER";
    /** The transaction bytes do not decode (wrong version, bad call encoding, trailing bytes). */
    public static final String MALFORMED = "MALFORMED";
    /** A transaction with the same digest was already executed. */
    public static final String DUPLICATE = "DUPLICATE";
    /** The error carried no {@code data.reason}. */
    public static final String UNKNOWN = "UNKNOWN";

    private final String reason;
    private final String digest;

    public TransactionRejectedException(String reason, String digest, String message, SuiRpcException cause) {
        super("transaction " + digest + " rejected: " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.digest = digest;
    }

    /** The rejection reason: a Move abort name, or one of the constants here (UNKNOWN if the error had none). */
    public String reason() {
        return reason;
    }

    /** The Base58 digest of the rejected transaction bytes (computed by the client). */
    public String digest() {
        return digest;
    }
}
