package io.walrusj.storage.store;

import io.walrusj.chain.follow.CheckpointCursor;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.recovery.InconsistencyProof;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

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

    /**
     * Makes every metadata and sliver write so far durable against power loss (they survive a
     * process crash without it). Called before the node promises storage: signing a confirmation.
     */
    void syncWal();

    /** The checkpoint cursor committed with the last {@link #commitEvents(Map, CheckpointCursor)} call (gRPC follower). */
    Optional<CheckpointCursor> loadCheckpointCursor();

    /** Writes the changed blob infos and the new checkpoint cursor in one atomic, synced batch. */
    void commitEvents(Map<BlobId, BlobInfo> changed, CheckpointCursor cursor);

    /**
     * The event cursor of the legacy JSON-RPC follower, committed with the last
     * {@link #commitEvents(Map, EventId)} call (also what a node of an older version left behind).
     */
    Optional<EventId> loadEventCursor();

    /** Legacy JSON-RPC follower: the changed blob infos and the new event cursor in one atomic, synced batch. */
    void commitEvents(Map<BlobId, BlobInfo> changed, EventId cursor);

    /** Stores the proof that {@code blobId} is inconsistently encoded (found while recovering a sliver). */
    void putInconsistencyProof(BlobId blobId, InconsistencyProof proof);

    Optional<InconsistencyProof> getInconsistencyProof(BlobId blobId);

    /**
     * Deletes the blob's metadata, every sliver of both axes and a stored inconsistency proof, in one
     * synced batch (garbage collection). The blob info stays.
     */
    void deleteBlobData(BlobId blobId);

    /** Calls {@code consumer} for every stored blob info, in blob-id byte order. */
    void forEachBlobInfo(BiConsumer<BlobId, BlobInfo> consumer);

    /**
     * Calls {@code visitor} for the stored blob infos from {@code start} (inclusive) on, in blob-id
     * byte order (unsigned), until it returns false.
     */
    void forEachBlobInfoFrom(BlobId start, BiPredicate<BlobId, BlobInfo> visitor);

    @Override
    void close();
}
