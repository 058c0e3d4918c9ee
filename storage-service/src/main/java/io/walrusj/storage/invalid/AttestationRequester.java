package io.walrusj.storage.invalid;

import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.nodeclient.StorageNodeClient.SignedMessage;
import java.io.IOException;
import java.net.URI;

/**
 * Sends an inconsistency proof to one committee member and returns its signed
 * {@code INVALID_BLOB_ID} attestation, unverified (node-client's
 * {@code StorageNodeClient::inconsistencyProof}); an interface so tests can stand in for members.
 */
@FunctionalInterface
public interface AttestationRequester {
    SignedMessage request(URI node, BlobId blobId, InconsistencyProof proof) throws IOException;
}
