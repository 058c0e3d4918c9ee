package io.walrusj.encoder.read;

import io.walrusj.core.metadata.BlobId;
import java.io.IOException;
import java.net.URI;

/** One per-blob request to one storage node, e.g. {@code StorageNodeClient::getMetadata}. */
@FunctionalInterface
interface NodeQuery<T> {
    T ask(URI node, BlobId blobId) throws IOException;
}
