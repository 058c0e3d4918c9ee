package io.walrusj.gateway.cache;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.walrusj.gateway.WalrusGatewayProperties;

/**
 * Blob answers by blob ID, bounded by total bytes (least recently used go first). The content of a
 * blob ID never changes, so entries never go stale; the time to live only lets a blob that was
 * deleted or expired on chain drop out of the gateway eventually.
 */
public class BlobCache {

    private final Cache<String, CachedBlob> entries;
    private final long maxEntryBytes;

    public BlobCache(WalrusGatewayProperties.BlobCache settings, MeterRegistry meters) {
        this.maxEntryBytes = settings.maxEntrySize().toBytes();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String blobId, CachedBlob blob) -> blob.weight())
                .expireAfterWrite(settings.timeToLive())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, entries, "gateway.blob.cache");
    }

    public Optional<CachedBlob> get(String blobId) {
        return Optional.ofNullable(entries.getIfPresent(blobId));
    }

    public void put(String blobId, CachedBlob blob) {
        if (blob.content().length <= maxEntryBytes) {
            entries.put(blobId, blob);
        }
    }

    /** Blobs larger than this stream through without being kept. */
    public long maxEntryBytes() {
        return maxEntryBytes;
    }
}
