package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.nodeclient.NodeBlobStatus;
import io.walrusj.nodeclient.SignedConfirmation;
import io.walrusj.nodeclient.StorageNodeClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link NodeApi} over node-client. Uploads use {@code ?pending=true}: a node that has not yet seen
 * the registration event buffers them instead of answering NOT_REGISTERED; confirmations ask the
 * node to wait for the registration ({@code wait_for_registration}) for the same reason.
 */
public final class StorageNodeApi implements NodeApi {
    private final StorageNodeClient client;
    private final Duration registrationWait;

    /** @param registrationWait how long a node may wait for the registration before confirming */
    public StorageNodeApi(StorageNodeClient client, Duration registrationWait) {
        this.client = client;
        this.registrationWait = registrationWait;
    }

    @Override
    public void putMetadata(URI node, BlobId blobId, BlobMetadata metadata) throws IOException {
        client.putMetadata(node, blobId, metadata, true);
    }

    @Override
    public void putSliver(URI node, BlobId blobId, int pairIndex, SliverData sliver) throws IOException {
        client.putSliver(node, blobId, pairIndex, sliver, true);
    }

    @Override
    public SignedConfirmation confirmation(URI node, BlobId blobId, Optional<SuiAddress> deletableObject)
            throws IOException {
        return deletableObject.isPresent()
                ? client.deletableConfirmation(node, blobId, deletableObject.get(), registrationWait)
                : client.permanentConfirmation(node, blobId, registrationWait);
    }

    @Override
    public NodeBlobStatus blobStatus(URI node, BlobId blobId) throws IOException {
        return client.blobStatus(node, blobId);
    }
}
