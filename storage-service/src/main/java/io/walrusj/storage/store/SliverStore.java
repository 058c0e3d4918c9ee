package io.walrusj.storage.store;

import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.Map;
import java.util.Optional;

/**
 * The node's durable state. Every write method returns only after the write is synced to disk:
 * a write that was answered with success survives a crash of the process or the machine.
 */
public interface SliverStore extends AutoCloseable {

    void putMetadata(BlobId blobId, BlobMetadata metadata);

    Optional<BlobMetadata> getMetadata(BlobId blobId);

    boolean hasMetadata(BlobId blobId);

    /** Stores {@code sliver} (of its own type) under sliver pair {@code pairIndex}. */
    void putSliver(BlobId blobId, int pairIndex, SliverData sliver);

    Optional<SliverData> getSliver(BlobId blobId, int pairIndex, SliverType type);

    boolean hasSliver(BlobId blobId, int pairIndex, SliverType type);

    Optional<BlobInfo> getBlobInfo(BlobId blobId);

    /** The event cursor committed with the last {@link #commitEvents} call. */
    Optional<EventId> loadCursor();

    /** Writes the changed blob infos and the new cursor in one atomic, synced batch. */
    void commitEvents(Map<BlobId, BlobInfo> changed, EventId cursor);

    @Override
    void close();
}
