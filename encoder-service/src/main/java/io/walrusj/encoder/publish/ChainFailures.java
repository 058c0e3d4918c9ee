package io.walrusj.encoder.publish;

import io.walrusj.chain.devnet.TransactionRejectedException;
import io.walrusj.chain.rpc.SuiClientException;
import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import java.util.Map;

/** How a failed devnet transaction is answered: the client's fault, a transient 503, an epoch change, or 500. */
final class ChainFailures {
    static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    static final String STORAGE_CAPACITY_EXCEEDED = "STORAGE_CAPACITY_EXCEEDED";

    private ChainFailures() {}

    static RuntimeException map(RuntimeException e, String what) {
        if (e instanceof TransactionRejectedException r) {
            return switch (r.reason()) {
                case "EInsufficientFunds", "EFaucetDisabled" -> DaemonException.unavailable(INSUFFICIENT_FUNDS,
                        "the publisher wallet cannot pay for " + what + " (" + r.reason() + "), please retry later");
                case "EInvalidEpochsAhead" -> DaemonException.malformed("the chain refused the number of epochs: " + r.getMessage());
                case "EStorageExceeded" -> DaemonException.unavailable(STORAGE_CAPACITY_EXCEEDED,
                        "the system has no storage capacity left for this blob");
                case "EIncorrectEpoch" -> new EpochChangedException(what + " was refused for another epoch: " + r.getMessage());
                default -> new DaemonException(ErrorStatus.INTERNAL, "INTERNAL_ERROR", ErrorBody.GLOBAL,
                        what + " was rejected by the chain: " + r.getMessage(), Map.of());
            };
        }
        if (e instanceof SuiClientException) {
            return DaemonException.chainUnavailable(e);
        }
        return e;
    }
}
