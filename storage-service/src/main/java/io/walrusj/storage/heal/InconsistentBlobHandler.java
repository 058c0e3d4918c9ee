package io.walrusj.storage.heal;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;

/**
 * Told about a blob with a stored inconsistency proof that the chain has not invalidated yet: just
 * found by blob sync, or found again by a scan. Called on a blob-sync virtual thread (it may block
 * on the network).
 */
@FunctionalInterface
public interface InconsistentBlobHandler {
    InconsistentBlobHandler NONE = (blobId, proof) -> { };

    void inconsistent(BlobId blobId, InconsistencyProof proof);
}
