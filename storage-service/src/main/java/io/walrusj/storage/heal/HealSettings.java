package io.walrusj.storage.heal;

import java.time.Duration;

/**
 * Blob-sync scheduling knobs ({@code storage.heal-*}).
 *
 * @param blobConcurrency blobs synced at once
 * @param maxAttempts attempts per blob before giving up until the next trigger
 * @param backoff first retry delay, doubled per attempt (capped at 30 s)
 */
public record HealSettings(int blobConcurrency, int maxAttempts, Duration backoff) {
    public HealSettings {
        blobConcurrency = Math.max(1, blobConcurrency);
        maxAttempts = Math.max(1, maxAttempts);
    }
}
