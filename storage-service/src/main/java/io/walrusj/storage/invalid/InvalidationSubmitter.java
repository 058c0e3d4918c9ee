package io.walrusj.storage.invalid;

import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.metadata.BlobId;

/** Where an {@code invalidate_blob_id} certificate goes: the devnet, or the log. */
public interface InvalidationSubmitter {
    /** Submits (or records) the certificate; throws if it should be retried. */
    void submit(BlobId blobId, Certificate certificate);

    /** Whether {@link #submit} reaches the chain (metrics, health). */
    boolean reachesChain();
}
