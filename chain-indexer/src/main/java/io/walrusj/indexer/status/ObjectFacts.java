package io.walrusj.indexer.status;

import io.walrusj.chain.rpc.EventId;
import java.util.Objects;

/**
 * What the blob status needs to know about one Blob object.
 *
 * @param deletable whether the object is deletable
 * @param deleted whether a {@code BlobDeleted} event was seen for it
 * @param certifiedEpoch the epoch it was first certified in, or null if it is not certified
 * @param endEpoch the first epoch it is no longer stored in (exclusive end)
 * @param lastEvent the last event that changed it (registration, certification or extension for a live object)
 * @param lastEventId that event's position in the event log
 */
public record ObjectFacts(boolean deletable, boolean deleted, Long certifiedEpoch, long endEpoch, EventId lastEvent,
        long lastEventId) {

    public ObjectFacts {
        Objects.requireNonNull(lastEvent, "lastEvent");
    }

    /** Not deleted and not expired: {@code endEpoch > currentEpoch}. */
    public boolean liveAt(long currentEpoch) {
        return !deleted && endEpoch > currentEpoch;
    }

    public boolean certified() {
        return certifiedEpoch != null;
    }
}
