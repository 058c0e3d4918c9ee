package io.walrusj.encoder.read;

import io.walrusj.core.metadata.BlobId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Blobs recently seen certified, so that repeated reads of a popular blob skip the status probe (one
 * request per committee node). Entries expire after {@code ttl}; the map is cleared when it grows
 * past {@code maxEntries} (a cache, not a record: forgetting only costs a probe).
 */
final class CertifiedBlobs {
    private final Map<BlobId, Long> until = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    CertifiedBlobs(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    boolean contains(BlobId blobId) {
        Long expiry = until.get(blobId);
        if (expiry == null) {
            return false;
        }
        if (System.nanoTime() - expiry > 0) {
            until.remove(blobId, expiry);
            return false;
        }
        return true;
    }

    void add(BlobId blobId) {
        if (ttlNanos <= 0) {
            return;
        }
        if (until.size() >= maxEntries) {
            until.clear();
        }
        until.put(blobId, System.nanoTime() + ttlNanos);
    }
}
