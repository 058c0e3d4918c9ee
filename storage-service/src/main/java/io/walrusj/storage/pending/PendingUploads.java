package io.walrusj.storage.pending;

import io.walrusj.core.VerificationException;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.metadata.BlobMetadata;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import io.walrusj.storage.store.SliverStore;
import io.walrusj.storage.sync.ChainListener;
import io.walrusj.storage.sync.NodeState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded in-memory buffer of {@code ?pending=true} uploads (docs/spec/walrus-storage-node-api.md 4.1,
 * 4.2): metadata and slivers of blobs that are not registered yet. Bounded by total body bytes and
 * by the number of buffered items (a metadata or a sliver each); entries of a blob expire
 * {@code timeout} after the blob's first buffered item. On {@code BlobRegistered} (or when a
 * request finds the blob registered) the blob is flushed: the metadata is verified against the blob
 * id, each sliver against the metadata (and the node must still own its shard), valid data is
 * persisted and everything else dropped.
 */
public final class PendingUploads implements ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger(PendingUploads.class);

    /** Why a {@code put} was refused. */
    public enum Refusal {
        /** the buffer is full (CACHE_SATURATED) */
        SATURATED,
        /** one sliver larger than the whole buffer (SLIVER_TOO_LARGE) */
        TOO_LARGE
    }

    /** Result of a put: empty if buffered (or already buffered), else the refusal. */
    public record Put(boolean alreadyBuffered, Optional<Refusal> refusal) {
        static final Put BUFFERED = new Put(false, Optional.empty());
        static final Put ALREADY = new Put(true, Optional.empty());

        static Put refused(Refusal r) {
            return new Put(false, Optional.of(r));
        }
    }

    private record SliverKey(int pair, SliverType type) {}

    private static final class Entry {
        final long createdNanos;
        BlobMetadata metadata;
        long metadataBytes;
        final Map<SliverKey, SliverData> slivers = new LinkedHashMap<>();
        final Map<SliverKey, Long> sliverBytes = new HashMap<>();

        Entry(long createdNanos) {
            this.createdNanos = createdNanos;
        }

        int items() {
            return (metadata == null ? 0 : 1) + slivers.size();
        }

        long bytes() {
            return metadataBytes + sliverBytes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final SliverStore store;
    private final NodeState state;
    private final long maxBytes;
    private final int maxEntries;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Object[] flushLocks = newLocks(64);
    private final Map<BlobId, Entry> entries = new LinkedHashMap<>();
    private long bytes;
    private int items;

    public PendingUploads(SliverStore store, NodeState state, long maxBytes, int maxEntries, Duration timeout,
            LongSupplier nanoClock) {
        this.store = store;
        this.state = state;
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
        this.timeoutNanos = timeout.toNanos();
        this.clock = nanoClock;
    }

    public PendingUploads(SliverStore store, NodeState state, long maxBytes, int maxEntries, Duration timeout) {
        this(store, state, maxBytes, maxEntries, timeout, System::nanoTime);
    }

    public long maxBytes() {
        return maxBytes;
    }

    // ------------------------------------------------------------------ buffering

    /** Buffers verified metadata of an unregistered blob ({@code size} = its body bytes). */
    public synchronized Put putMetadata(BlobId id, BlobMetadata metadata, long size) {
        expire();
        Entry e = entries.get(id);
        if (e != null && e.metadata != null) {
            return Put.ALREADY;
        }
        if (size > maxBytes) {
            return Put.refused(Refusal.SATURATED);
        }
        if (items + 1 > maxEntries || bytes + size > maxBytes) {
            return Put.refused(Refusal.SATURATED);
        }
        if (e == null) {
            e = new Entry(clock.getAsLong());
            entries.put(id, e);
        }
        e.metadata = metadata;
        e.metadataBytes = size;
        items++;
        bytes += size;
        return Put.BUFFERED;
    }

    /** Buffers an unverified sliver of an unregistered blob whose metadata is buffered. */
    public synchronized Put putSliver(BlobId id, int pair, SliverData sliver, long size) {
        expire();
        Entry e = entries.get(id);
        SliverKey key = new SliverKey(pair, sliver.type());
        if (e != null && e.slivers.containsKey(key)) {
            return Put.ALREADY;
        }
        if (size > maxBytes) {
            return Put.refused(Refusal.TOO_LARGE);
        }
        if (items + 1 > maxEntries || bytes + size > maxBytes) {
            return Put.refused(Refusal.SATURATED);
        }
        if (e == null) {
            e = new Entry(clock.getAsLong());
            entries.put(id, e);
        }
        e.slivers.put(key, sliver);
        e.sliverBytes.put(key, size);
        items++;
        bytes += size;
        return Put.BUFFERED;
    }

    public synchronized Optional<BlobMetadata> metadata(BlobId id) {
        expire();
        Entry e = entries.get(id);
        return e == null ? Optional.empty() : Optional.ofNullable(e.metadata);
    }

    public synchronized boolean hasSliver(BlobId id, int pair, SliverType type) {
        expire();
        Entry e = entries.get(id);
        return e != null && e.slivers.containsKey(new SliverKey(pair, type));
    }

    public synchronized boolean contains(BlobId id) {
        expire();
        return entries.containsKey(id);
    }

    /** Buffered items (metadata + slivers) and their bytes. */
    public synchronized long[] usage() {
        expire();
        return new long[] {items, bytes};
    }

    private synchronized Entry remove(BlobId id) {
        Entry e = entries.remove(id);
        if (e != null) {
            items -= e.items();
            bytes -= e.bytes();
        }
        return e;
    }

    private void expire() {
        long now = clock.getAsLong();
        for (Iterator<Map.Entry<BlobId, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<BlobId, Entry> me = it.next();
            Entry e = me.getValue();
            if (now - e.createdNanos >= timeoutNanos) {
                it.remove();
                items -= e.items();
                bytes -= e.bytes();
                LOG.debug("pending upload of {} expired ({} items)", me.getKey(), e.items());
            }
        }
    }

    // ------------------------------------------------------------------ flushing

    private static Object[] newLocks(int n) {
        Object[] locks = new Object[n];
        for (int i = 0; i < n; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    @Override
    public void blobRegistered(BlobId blobId) {
        if (!contains(blobId)) {
            return;
        }
        Thread.ofVirtual().name("pending-flush").start(() -> {
            try {
                flush(blobId);
            } catch (RuntimeException e) {
                LOG.warn("flushing pending uploads of {} failed: {}", blobId, e.toString(), e);
            }
        });
    }

    @Override
    public void blobInvalid(BlobId blobId) {
        remove(blobId);
    }

    /**
     * If the blob is registered (and not invalid) in the current epoch, verifies and persists its
     * buffered data and drops the entry; otherwise does nothing. Returns the number of persisted items.
     */
    public int flush(BlobId id) {
        // One flush per blob at a time: a concurrent caller (a sliver PUT racing the registration
        // flush) must wait until the metadata is persisted, not find the entry gone and the store empty.
        synchronized (flushLocks[Math.floorMod(id.hashCode(), flushLocks.length)]) {
            return flushLocked(id);
        }
    }

    private int flushLocked(BlobId id) {
        NodeState.Snapshot s = state.get();
        boolean registered = store.getBlobInfo(id).map(i -> !i.invalid() && i.registeredAt(s.epoch())).orElse(false);
        if (!registered || !s.knowsShardCount()) {
            return 0;
        }
        Entry e;
        synchronized (this) {
            expire();
            e = remove(id);
        }
        if (e == null) {
            return 0;
        }
        EncodingConfig config = s.config();
        int persisted = 0;
        Optional<BlobMetadata> stored = store.getMetadata(id);
        BlobMetadata metadata = stored.orElse(null);
        if (metadata == null && e.metadata != null) {
            try {
                e.metadata.verify(config, id);
                store.putMetadata(id, e.metadata);
                metadata = e.metadata;
                persisted++;
            } catch (VerificationException ex) {
                LOG.info("dropped buffered metadata of {}: {}", id, ex.getMessage());
            }
        }
        if (metadata == null) {
            if (!e.slivers.isEmpty()) {
                LOG.info("dropped {} buffered slivers of {}: no valid metadata", e.slivers.size(), id);
            }
            return persisted;
        }
        int offset = id.rotationOffset(config.nShards());
        for (Map.Entry<SliverKey, SliverData> se : e.slivers.entrySet()) {
            int pair = se.getKey().pair();
            SliverData sliver = se.getValue();
            if (pair >= config.nShards() || !s.owns(config.shardForPair(pair, offset))) {
                LOG.info("dropped buffered {} sliver {} of {}: shard not owned", sliver.type().text(), pair, id);
                continue;
            }
            if (store.hasSliver(id, pair, sliver.type())) {
                continue;
            }
            try {
                sliver.verify(config, metadata);
            } catch (VerificationException ex) {
                LOG.info("dropped buffered {} sliver {} of {}: {}", sliver.type().text(), pair, id, ex.getMessage());
                continue;
            }
            store.putSliver(id, pair, sliver);
            persisted++;
        }
        LOG.debug("flushed {} pending items of {}", persisted, id);
        return persisted;
    }
}
