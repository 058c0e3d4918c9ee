package io.walrusj.storage.symbols;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import io.walrusj.core.recovery.SliverSymbolSource;
import io.walrusj.core.sliver.SliverData;
import io.walrusj.core.sliver.SliverType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A small LRU cache of expanded slivers ({@link SliverSymbolSource}) keyed by (blob, pair, axis,
 * n), so a burst of recovery-symbol requests for the same sliver (a node healing several slivers of
 * one blob) expands it once. Entries are dropped when a blob's data is garbage-collected.
 */
public final class SymbolSourceCache {
    private record Key(BlobId blobId, int pairIndex, SliverType type, int nShards) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, SliverSymbolSource> entries;

    public SymbolSourceCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, SliverSymbolSource> eldest) {
                return size() > SymbolSourceCache.this.capacity;
            }
        };
    }

    /** The cached source, or one built from the loaded sliver (nothing cached if the sliver is absent). */
    public Optional<SliverSymbolSource> get(EncodingConfig config, BlobId blobId, int pairIndex, SliverType type,
            Supplier<Optional<SliverData>> loader) {
        Key key = new Key(blobId, pairIndex, type, config.nShards());
        synchronized (this) {
            SliverSymbolSource cached = entries.get(key);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        // expand outside the lock: two concurrent misses may both expand, which is harmless
        Optional<SliverData> sliver = loader.get();
        if (sliver.isEmpty()) {
            return Optional.empty();
        }
        SliverSymbolSource source = new SliverSymbolSource(config, sliver.get());
        synchronized (this) {
            entries.put(key, source);
        }
        return Optional.of(source);
    }

    public synchronized void invalidate(BlobId blobId) {
        entries.keySet().removeIf(k -> k.blobId().equals(blobId));
    }

    public synchronized int size() {
        return entries.size();
    }
}
