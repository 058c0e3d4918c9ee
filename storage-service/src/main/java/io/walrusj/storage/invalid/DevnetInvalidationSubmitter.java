package io.walrusj.storage.invalid;

import io.walrusj.chain.devnet.Call;
import io.walrusj.chain.devnet.DevnetClient;
import io.walrusj.chain.devnet.Executed;
import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.metadata.BlobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code system::invalidate_blob_id(signature, signers_bitmap, message)} to the walrusj devnet,
 * signed with the node operator's account key. A rejection ({@code TransactionRejectedException},
 * e.g. the blob is invalid already or the epoch moved on) propagates to the caller.
 */
public final class DevnetInvalidationSubmitter implements InvalidationSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetInvalidationSubmitter.class);

    private final DevnetClient devnet;
    private final Ed25519KeyPair operator;

    public DevnetInvalidationSubmitter(DevnetClient devnet, Ed25519KeyPair operator) {
        this.devnet = devnet;
        this.operator = operator;
    }

    @Override
    public void submit(BlobId blobId, Certificate certificate) {
        Executed executed = devnet.execute(operator, new Call.InvalidateBlobId(certificate.signature().toBytes(),
                certificate.signers().toBytes(), certificate.message()));
        LOG.info("blob {}: invalidate_blob_id submitted by {} in transaction {}", blobId, operator.suiAddress(),
                executed.digest());
    }

    @Override
    public boolean reachesChain() {
        return true;
    }
}
