package io.walrusj.storage.invalid;

import io.walrusj.core.crypto.Certificate;
import io.walrusj.core.metadata.BlobId;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For nodes without an operator key (not on the walrusj devnet): logs the certificate's three
 * {@code invalidate_blob_id} arguments (base64) so an operator can submit them with a wallet.
 */
public final class LoggingInvalidationSubmitter implements InvalidationSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingInvalidationSubmitter.class);

    @Override
    public void submit(BlobId blobId, Certificate certificate) {
        Base64.Encoder b64 = Base64.getEncoder();
        LOG.warn("blob {} is invalid; no operator key to call invalidate_blob_id with: signature={} signers_bitmap={} "
                + "message={}", blobId, b64.encodeToString(certificate.signature().toBytes()),
                b64.encodeToString(certificate.signers().toBytes()), b64.encodeToString(certificate.message()));
    }

    @Override
    public boolean reachesChain() {
        return false;
    }
}
