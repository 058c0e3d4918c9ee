package io.walrusj.storage.sync;

import io.walrusj.core.metadata.BlobId;

/**
 * Reactions to applied events, called by {@link ChainSync} on the follower thread after the event
 * batch (blob infos and cursor) is committed. Implementations must return quickly (hand long work
 * to their own threads) and must not throw; a crash between the commit and the call loses the
 * notification, so listeners also have periodic / epoch-time scans.
 */
public interface ChainListener {
    /** A {@code BlobRegistered} event for the blob was committed. */
    default void blobRegistered(BlobId blobId) {}

    default void blobCertified(BlobId blobId) {}

    default void blobDeleted(BlobId blobId) {}

    default void blobInvalid(BlobId blobId) {}

    default void epochChanged(long epoch) {}

    /**
     * The chain was read for the first time since start (epoch, committee, peers' addresses are
     * known), just before the event follower starts. Called on the connecting thread.
     */
    default void chainConnected(long epoch) {}
}
