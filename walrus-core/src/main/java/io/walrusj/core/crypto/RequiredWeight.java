package io.walrusj.core.crypto;

/** Weight thresholds of Move's {@code bls_aggregate::RequiredWeight} over {@code n} shards. */
public enum RequiredWeight {
    /** {@code 3 * weight >= 2 * n + 1}: certify_blob, deny-list update, protocol version. */
    QUORUM,
    /** {@code 3 * weight >= n + 1}: invalidate_blob_id, deny-listed blob deletion. */
    ONE_CORRECT_NODE;

    /** Whether signers holding {@code weight} of {@code nShards} shards meet this threshold. */
    public boolean isMet(long weight, long nShards) {
        return switch (this) {
            case QUORUM -> 3 * weight >= 2 * nShards + 1;
            case ONE_CORRECT_NODE -> 3 * weight >= nShards + 1;
        };
    }

    /** The smallest weight that meets this threshold. */
    public long minimumWeight(long nShards) {
        long rhs = this == QUORUM ? 2 * nShards + 1 : nShards + 1;
        return (rhs + 2) / 3;
    }

    String formula() {
        return this == QUORUM ? "3 * weight >= 2 * n + 1" : "3 * weight >= n + 1";
    }
}
