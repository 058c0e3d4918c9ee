package io.walrusj.core.crypto;

import java.util.List;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * The signing committee of an epoch as Move's {@code bls_aggregate::BlsCommittee}: members in
 * on-chain order (sorted by node id; signer indices refer to this order), {@code n_shards} = sum of
 * the weights (at most 65535), the epoch, and the total aggregated key. Immutable.
 */
public final class BlsCommittee {
    private final long epoch;
    private final List<BlsCommitteeMember> members;
    private final int nShards;
    private final P1_Affine totalKey;

    public BlsCommittee(long epoch, List<BlsCommitteeMember> members) {
        this.epoch = MessageHeader.requireEpochRange(epoch);
        this.members = List.copyOf(members);
        long total = 0;
        P1 sum = new P1();
        for (BlsCommitteeMember m : this.members) {
            total += m.weight();
            sum.add(m.publicKey().affine());
        }
        if (total > 0xFFFF) {
            throw new IllegalArgumentException("n_shards (sum of weights) is a u16, got " + total);
        }
        this.nShards = (int) total;
        this.totalKey = sum.to_affine();
    }

    public long epoch() {
        return epoch;
    }

    public List<BlsCommitteeMember> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public BlsCommitteeMember member(int index) {
        return members.get(index);
    }

    /** Total weight (number of shards). */
    public int nShards() {
        return nShards;
    }

    /** Sum of the weights of the members the bitmap names. */
    public int weightOf(SignersBitmap signers) {
        requireSameSize(signers);
        int w = 0;
        for (int i : signers.signerIndices()) {
            w += members.get(i).weight();
        }
        return w;
    }

    /**
     * Aggregate public key of the signers, possibly the identity (never a valid key then). Sums
     * whichever set is smaller: the signers, or the non-signers subtracted from the total key (the
     * Move contract's way); the result is the same point.
     */
    P1_Affine aggregateKey(SignersBitmap signers) {
        requireSameSize(signers);
        int signerCount = signers.signerCount();
        boolean sumSigners = signerCount <= members.size() - signerCount;
        P1 sum = new P1();
        for (int i = 0; i < members.size(); i++) {
            if (signers.isSigner(i) == sumSigners) {
                sum.add(members.get(i).publicKey().affine());
            }
        }
        if (sumSigners) {
            return sum.to_affine();
        }
        return new P1(totalKey).add(sum.neg()).to_affine();
    }

    private void requireSameSize(SignersBitmap signers) {
        if (signers.memberCount() != members.size()) {
            throw new IllegalArgumentException("bitmap is for " + signers.memberCount()
                    + " members, committee has " + members.size());
        }
    }

    @Override
    public String toString() {
        return "BlsCommittee[epoch=" + epoch + ", members=" + members.size() + ", nShards=" + nShards + "]";
    }
}
