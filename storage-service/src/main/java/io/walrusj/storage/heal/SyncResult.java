package io.walrusj.storage.heal;

/** How one blob-sync pass over a blob ended (failures are exceptions, retried by {@link BlobSyncer}). */
public enum SyncResult {
    /** Invalid, unregistered, already proven inconsistent, or nothing missing. */
    NOTHING_TO_DO,
    /** Every missing sliver of an owned shard was recovered and stored. */
    HEALED,
    /** A recovered sliver did not match the metadata: an inconsistency proof is stored. */
    INCONSISTENT
}
