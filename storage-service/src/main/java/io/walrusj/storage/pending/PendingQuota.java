package io.walrusj.storage.pending;

import java.util.HashMap;
import java.util.Map;

/**
 * The bounds of the pending-upload buffer and its accounting (not thread-safe; {@link PendingUploads}
 * holds its lock): items and bytes in total, bytes per blob and bytes per client (remote address), so
 * that no blob and no client can take the whole buffer from the others.
 */
final class PendingQuota {
    private final long maxBytes;
    private final int maxItems;
    private final long maxBlobBytes;
    private final long maxClientBytes;
    private final Map<String, Long> clientBytes = new HashMap<>();
    private long bytes;
    private int items;

    PendingQuota(long maxBytes, int maxItems, long maxBlobBytes, long maxClientBytes) {
        this.maxBytes = maxBytes;
        this.maxItems = maxItems;
        this.maxBlobBytes = maxBlobBytes;
        this.maxClientBytes = maxClientBytes;
    }

    /** The largest single item that could ever be buffered. */
    long largestItem() {
        return Math.min(maxBytes, Math.min(maxBlobBytes, maxClientBytes));
    }

    /** Why an item of {@code size} from {@code client}, for a blob already holding {@code blobBytes}, cannot be added; null if it can. */
    PendingUploads.Refusal check(long blobBytes, String client, long size) {
        if (size > largestItem()) {
            return PendingUploads.Refusal.TOO_LARGE;
        }
        if (items + 1 > maxItems || bytes + size > maxBytes || blobBytes + size > maxBlobBytes
                || clientBytes(client) + size > maxClientBytes) {
            return PendingUploads.Refusal.SATURATED;
        }
        return null;
    }

    void add(String client, long size) {
        items++;
        bytes += size;
        clientBytes.merge(client, size, Long::sum);
    }

    void remove(String client, long size) {
        items--;
        bytes -= size;
        clientBytes.computeIfPresent(client, (c, b) -> b - size == 0 ? null : b - size);
    }

    int items() {
        return items;
    }

    long bytes() {
        return bytes;
    }

    long clientBytes(String client) {
        return clientBytes.getOrDefault(client, 0L);
    }

    /** Clients with buffered bytes (tests: none may be left behind). */
    int clients() {
        return clientBytes.size();
    }
}
