package io.walrusj.core.crypto;

import java.util.Objects;

/**
 * One member of a {@link BlsCommittee}: its protocol key and its weight (number of shards, u16,
 * at least 1), as Move's {@code BlsCommitteeMember}.
 */
public record BlsCommitteeMember(BlsPublicKey publicKey, int weight) {
    public BlsCommitteeMember {
        Objects.requireNonNull(publicKey, "publicKey");
        if (weight < 1 || weight > 0xFFFF) {
            throw new IllegalArgumentException("member weight must be in [1, 65535], got " + weight);
        }
    }
}
