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
 * 4.2): metadata and slivers of blobs that are not registered yet. Bounded ({@link PendingQuota}) by
 * total body bytes, by the number of buffered items (a metadata or a sliver each), by the bytes of one
 * blob and by the bytes sent from one client (remote address); entries of a blob expire
 * {@code timeout} after the blob's first buffered item. Metadata is buffered only after it verified
 * against the blob id (by the caller), and a sliver only after it verified against that buffered
 * metadata (length, symbol size, index, Merkle root: everything Walrus checks, none of which needs
 * the registration), so the buffer holds nothing but data of the blob the id names. On
 * {@code BlobRegistered} (or when a request finds the blob registered) the blob is flushed: the
 * metadata is verified against the blob id again, slivers are persisted if the node still owns their
 * shard (they were verified when buffered), everything else is dropped.
 */
public final class PendingUploads implements ChainListener {
    private static final Logger LOG = LoggerFactory.getLogger(PendingUploads.class);

    /** Why a {@code put} was refused. */
    public enum Refusal {
        /** the buffer, the blob's share or the client's share is full (CACHE_SATURATED) */
        SATURATED,
        /** one sliver larger than any share of the buffer (SLIVER_TOO_LARGE) */
        TOO_LARGE,
        /** a sliver of a blob whose metadata is not buffered (METADATA_NOT_FOUND) */
        NO_METADATA
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

    /** One buffered item's size and who sent it. */
    private record Item(long bytes, String client) {}

    private static final class Entry {
        final long createdNanos;
        BlobMetadata metadata;
        Item metadataItem;
        final Map<SliverKey, SliverData> slivers = new LinkedHashMap<>();
        final Map<SliverKey, Item> sliverItems = new HashMap<>();

        Entry(long createdNanos) {
            this.createdNanos = createdNanos;
        }

        int items() {
            return (metadata == null ? 0 : 1) + slivers.size();
        }

        long bytes() {
            return (metadataItem == null ? 0 : metadataItem.bytes())
                    + sliverItems.values().stream().mapToLong(Item::bytes).sum();
        }

        void forEachItem(java.util.function.Consumer<Item> action) {
            if (metadataItem != null) {
                action.accept(metadataItem);
            }
            sliverItems.values().forEach(action);
        }
    }

    private final SliverStore store;
    private final NodeState state;
    private final PendingQuota quota;
    private final long timeoutNanos;
    private final LongSupplier clock;
    private final Object[] flushLocks = newLocks(64);
    private final Map<BlobId, Entry> entries = new LinkedHashMap<>();

    /**
     * @param maxBlobBytes   buffered bytes of one blob
     * @param maxClientBytes buffered bytes sent by one client
     */
    public PendingUploads(SliverStore store, NodeState state, long maxBytes, int maxEntries, long maxBlobBytes,
            long maxClientBytes, Duration timeout, LongSupplier nanoClock) {
        this.store = store;
        this.state = state;
        this.quota = new PendingQuota(maxBytes, maxEntries, maxBlobBytes, maxClientBytes);
        this.timeoutNanos = timeout.toNanos();
        this.clock = nanoClock;
    }

    public PendingUploads(SliverStore store, NodeState state, long maxBytes, int maxEntries, long maxBlobBytes,
            long maxClientBytes, Duration timeout) {
        this(store, state, maxBytes, maxEntries, maxBlobBytes, maxClientBytes, timeout, System::nanoTime);
    }

    /** The largest sliver body that could be buffered (beyond it: SLIVER_TOO_LARGE). */
    public long maxBytes() {
        return quota.largestItem();
    }

    // ------------------------------------------------------------------ buffering

    /** Buffers verified metadata of an unregistered blob ({@code size} = its body bytes) sent by {@code client}. */
    public synchronized Put putMetadata(BlobId id, BlobMetadata metadata, long size, String client) {
        expire();
        Entry e = entries.get(id);
        if (e != null && e.metadata != null) {
            return Put.ALREADY;
        }
        if (quota.check(e == null ? 0 : e.bytes(), client, size) != null) {
            return Put.refused(Refusal.SATURATED);
        }
        if (e == null) {
            e = new Entry(clock.getAsLong());
            entries.put(id, e);
        }
        e.metadata = metadata;
        e.metadataItem = new Item(size, client);
        quota.add(client, size);
        return Put.BUFFERED;
    }

    /**
     * Buffers a sliver of an unregistered blob whose metadata is buffered, once it verified against
     * that metadata ({@code size} = its body bytes, sent by {@code client}). The cheap checks (room,
     * metadata present, not yet buffered) come before the verification, which runs outside the lock.
     *
     * @throws VerificationException the sliver does not match the buffered metadata (INVALID_SLIVER)
     */
    public Put putSliver(BlobId id, int pair, SliverData sliver, long size, String client) {
        SliverKey key = new SliverKey(pair, sliver.type());
        BlobMetadata metadata;
        synchronized (this) {
            Put early = admit(id, key, size, client);
            if (early != null) {
                return early;
            }
            metadata = entries.get(id).metadata;
        }
        sliver.verify(state.get().config(), metadata);
        synchronized (this) {
            Put late = admit(id, key, size, client); // expired or filled meanwhile?
            if (late != null) {
                return late;
            }
            Entry e = entries.get(id);
            if (e.metadata != metadata) {
                return Put.refused(Refusal.NO_METADATA);
            }
            e.slivers.put(key, sliver);
            e.sliverItems.put(key, new Item(size, client));
            quota.add(client, size);
            return Put.BUFFERED;
        }
    }

    /** Null if the sliver may be buffered, else the answer. */
    private Put admit(BlobId id, SliverKey key, long size, String client) {
        expire();
        Entry e = entries.get(id);
        if (e != null && e.slivers.containsKey(key)) {
            return Put.ALREADY;
        }
        if (e == null || e.metadata == null) {
            return Put.refused(Refusal.NO_METADATA);
        }
        Refusal r = quota.check(e.bytes(), client, size);
        return r == null ? null : Put.refused(r);
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
        return new long[] {quota.items(), quota.bytes()};
    }

    /** Bytes buffered from {@code client}. */
    public synchronized long clientBytes(String client) {
        expire();
        return quota.clientBytes(client);
    }

    private synchronized Entry remove(BlobId id) {
        Entry e = entries.remove(id);
        if (e != null) {
            e.forEachItem(i -> quota.remove(i.client(), i.bytes()));
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
                e.forEachItem(i -> quota.remove(i.client(), i.bytes()));
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
            // verified against the buffered metadata when it was buffered; any metadata that verified
            // against this blob id (stored or buffered) has the same sliver hashes: no second check
            store.putSliver(id, pair, sliver);
            persisted++;
        }
        LOG.debug("flushed {} pending items of {}", persisted, id);
        return persisted;
    }
}
