package io.walrusj.storage.invalid;

import io.walrusj.chain.ChainWriter;
import io.walrusj.chain.WriteResult;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.metadata.BlobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code system::invalidate_blob_id(signature, signers_bitmap, message)} through the chain
 * writer of the node operator's account key (the walrusj devnet's transactions). A rejection ({@code TransactionRejectedException},
 * e.g. the blob is invalid already or the epoch moved on) propagates to the caller.
 */
public final class DevnetInvalidationSubmitter implements InvalidationSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetInvalidationSubmitter.class);

    private final ChainWriter operator;

    public DevnetInvalidationSubmitter(ChainWriter operator) {
        this.operator = operator;
    }

    @Override
    public void submit(BlobId blobId, Certificate certificate) {
        WriteResult result = operator.invalidateBlobId(certificate.signature().toBytes(), certificate.signers().toBytes(),
                certificate.message());
        LOG.info("blob {}: invalidate_blob_id submitted by {} in transaction {}", blobId, operator.sender(), result.digest());
    }

    @Override
    public boolean reachesChain() {
        return true;
    }
}
