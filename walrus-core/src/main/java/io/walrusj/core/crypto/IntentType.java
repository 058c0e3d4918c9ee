package io.walrusj.core.crypto;

import java.util.Optional;

/** First byte of every message signed by a node protocol key (docs/spec/walrus-storage-node-api.md 9). */
public enum IntentType {
    /** {@code 00}: Sui address + compressed BLS key, signed at {@code register_candidate}. */
    PROOF_OF_POSSESSION(0),
    /** {@code 01}: storage confirmation of a blob (certified by a quorum in {@code certify_blob}). */
    BLOB_CERT(1),
    /** {@code 02}: the blob id is inconsistently encoded ({@code invalidate_blob_id}, one correct node). */
    INVALID_BLOB_ID(2),
    /** {@code 03}: shard transfer request between nodes (never on chain). */
    SYNC_SHARD(3),
    /** {@code 04}: deny-list update (quorum). */
    DENY_LIST_UPDATE(4),
    /** {@code 05}: deny-listed blob deleted (one correct node). */
    DENY_LIST_BLOB_DELETED(5),
    /** {@code 06}: protocol version update (quorum). */
    PROTOCOL_VERSION(6);

    private final int code;

    IntentType(int code) {
        this.code = code;
    }

    /** The byte value. */
    public int code() {
        return code;
    }

    /** The type with this byte value, if any. */
    public static Optional<IntentType> fromCode(int code) {
        for (IntentType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
