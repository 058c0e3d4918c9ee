package io.walrusj.indexer.store;

/**
 * One row of {@code blob_objects} as the writer sees it. Fields that only the registration tells
 * ({@code owner}, {@code registeredEpoch}, {@code size}, {@code encodingType},
 * {@code registeredEventId}) are null for an object whose registration was never seen.
 */
public record BlobObjectRow(String objectId, String blobId, String owner, Long registeredEpoch, Long certifiedEpoch,
        long endEpoch, boolean deletable, Long size, Integer encodingType, boolean deleted, boolean invalid,
        Long registeredEventId, long lastEventId, String lastTxDigest, long lastEventSeq) {
}
