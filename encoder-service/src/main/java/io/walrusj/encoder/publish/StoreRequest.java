package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;

/**
 * What a store does, after the handler's checks of the query (all JSON 400s).
 *
 * @param epochs    epochs ahead of the current one, 1 .. max epochs ahead
 * @param deletable the Blob object's persistence
 * @param force     skip the already-certified check
 */
public record StoreRequest(long epochs, boolean deletable, boolean force) {
    /** The reason of a post-store action the devnet cannot perform (no SharedBlob, no object transfers). */
    public static final String UNSUPPORTED_POST_STORE_ACTION = "UNSUPPORTED_POST_STORE_ACTION";

    /**
     * @param wallet the publisher's address: {@code send_object_to} naming it is the default action
     *               (the Blob object stays with the wallet) and therefore allowed
     */
    public static StoreRequest of(PublisherQuery query, long maxEpochsAhead, SuiAddress wallet) {
        boolean deletable = query.deletableBlob();
        if (query.encodingType().isPresent() && !query.encodingType().get().equals("RS2")) {
            throw DaemonException.malformed("encoding type " + query.encodingType().get() + " is not supported; use RS2");
        }
        if (query.epochs() < 1 || query.epochs() > maxEpochsAhead) {
            throw DaemonException.malformed("epochs must be between 1 and " + maxEpochsAhead + ", got " + query.epochs());
        }
        if (query.share().orElse(false)) {
            throw new DaemonException(ErrorStatus.FAILED_PRECONDITION, UNSUPPORTED_POST_STORE_ACTION,
                    "share=true is not supported: the chain has no SharedBlob objects");
        }
        if (query.sendObjectTo().isPresent() && !query.sendObjectTo().get().equals(wallet)) {
            throw new DaemonException(ErrorStatus.FAILED_PRECONDITION, UNSUPPORTED_POST_STORE_ACTION,
                    "send_object_to is not supported: the chain cannot transfer Blob objects; they stay with the publisher wallet "
                            + wallet);
        }
        return new StoreRequest(query.epochs(), deletable, query.force());
    }
}
