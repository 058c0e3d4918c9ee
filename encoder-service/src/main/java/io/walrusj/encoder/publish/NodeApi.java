package io.walrusj.encoder.publish;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.nodeclient.NodeBlobStatus;
import io.walrusj.nodeclient.SignedConfirmation;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** The storage-node calls a store makes (a seam for tests; production: {@link StorageNodeApi}). */
public interface NodeApi {

    void putMetadata(URI node, BlobId blobId, BlobMetadata metadata) throws IOException;

    void putSliver(URI node, BlobId blobId, int pairIndex, SliverData sliver) throws IOException;

    /** The permanent confirmation, or the deletable one for {@code deletableObject}. */
    SignedConfirmation confirmation(URI node, BlobId blobId, Optional<SuiAddress> deletableObject) throws IOException;

    NodeBlobStatus blobStatus(URI node, BlobId blobId) throws IOException;
}
