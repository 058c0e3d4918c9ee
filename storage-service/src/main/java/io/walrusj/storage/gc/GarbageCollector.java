package io.walrusj.storage.gc;

import io.micrometer.core.instrument.MeterRegistry;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.storage.store.BlobInfo;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.symbols.SymbolSourceCache;
import io.walrusj.storage.sync.ChainListener;
import io.walrusj.storage.sync.NodeState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes blob data (metadata, slivers, a stored inconsistency proof) that the node no longer has
 * to keep (docs/spec/walrus-chain.md 7.2): immediately when the last live Blob object of a blob is deleted or
 * the blob is declared invalid, and on every epoch change for all blobs whose storage ended (every
 * object's end epoch <= the new epoch), which also catches anything a crash made it miss. Blob
 * infos stay (status routes keep answering {@code invalid} / {@code nonexistent}).
 */
public final class GarbageCollector implements ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final SliverStore store;
    private final NodeState state;
    private final SymbolSourceCache cache;
    private final MeterRegistry registry;
    private final AtomicBoolean scanning = new AtomicBoolean();

    public GarbageCollector(SliverStore store, NodeState state, SymbolSourceCache cache, MeterRegistry registry) {
        this.store = store;
        this.state = state;
        this.cache = cache;
        this.registry = registry;
    }

    @Override
    public void blobDeleted(BlobId blobId) {
        BlobInfo info = store.getBlobInfo(blobId).orElse(BlobInfo.EMPTY);
        if (!info.registeredAt(state.get().epoch())) {
            delete(blobId, "deleted");
        }
    }

    @Override
    public void blobInvalid(BlobId blobId) {
        delete(blobId, "invalid");
    }

    @Override
    public void epochChanged(long epoch) {
        if (scanning.compareAndSet(false, true)) {
            Thread.ofVirtual().name("gc-epoch-" + epoch).start(() -> {
                try {
                    scan(epoch);
                } catch (RuntimeException e) {
                    LOG.warn("garbage collection at epoch {} failed: {}", epoch, e.toString(), e);
                } finally {
                    scanning.set(false);
                }
            });
        }
    }

    /** Deletes the data of every invalid blob and every blob without storage covering {@code epoch}; returns how many. */
    public int scan(long epoch) {
        List<BlobId> invalid = new ArrayList<>();
        List<BlobId> expired = new ArrayList<>();
        store.forEachBlobInfo((id, info) -> {
            if (info.invalid()) {
                invalid.add(id);
            } else if (!info.registeredAt(epoch)) {
                expired.add(id);
            }
        });
        int deleted = 0;
        for (BlobId id : invalid) {
            deleted += delete(id, "invalid") ? 1 : 0;
        }
        for (BlobId id : expired) {
            deleted += delete(id, "expired") ? 1 : 0;
        }
        if (deleted > 0) {
            LOG.info("epoch {}: deleted the data of {} blobs", epoch, deleted);
        }
        return deleted;
    }

    private boolean delete(BlobId blobId, String reason) {
        // slivers are only accepted (or recovered) after the metadata, so no metadata and no proof = nothing stored
        if (!store.hasMetadata(blobId) && store.getInconsistencyProof(blobId).isEmpty()) {
            return false;
        }
        store.deleteBlobData(blobId);
        cache.invalidate(blobId);
        registry.counter("walrus.gc.blobs", "reason", reason).increment();
        LOG.debug("blob {}: data deleted ({})", blobId, reason);
        return true;
    }
}
