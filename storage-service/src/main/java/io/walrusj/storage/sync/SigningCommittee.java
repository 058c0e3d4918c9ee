package io.walrusj.storage.sync;

import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsCommitteeMember;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The system object's BLS committee of one epoch: who may sign certificates, with which key and
 * weight, and in which order (certificate signer bitmaps index into {@link #nodeIds()}).
 *
 * @param nodeIds member node ids in on-chain order
 * @param committee walrus-core's view (keys, weights, epoch) in the same order
 */
public record SigningCommittee(List<SuiAddress> nodeIds, BlsCommittee committee) {
    public SigningCommittee {
        nodeIds = List.copyOf(nodeIds);
        if (nodeIds.size() != committee.size()) {
            throw new IllegalArgumentException(nodeIds.size() + " node ids for " + committee.size() + " members");
        }
    }

    /**
     * From the chain's {@code SystemStateInnerV1.committee}.
     *
     * @throws RuntimeException if a key does not decode or a weight is out of range
     */
    public static SigningCommittee fromChain(io.walrusj.chain.model.BlsCommittee onChain) {
        List<SuiAddress> ids = new ArrayList<>();
        List<BlsCommitteeMember> members = new ArrayList<>();
        for (io.walrusj.chain.model.BlsCommitteeMember m : onChain.members()) {
            ids.add(m.nodeId());
            members.add(new BlsCommitteeMember(BlsPublicKey.fromUncompressedBytes(m.publicKey()), m.weight()));
        }
        return new SigningCommittee(ids, new BlsCommittee(onChain.epoch(), members));
    }

    public long epoch() {
        return committee.epoch();
    }

    /** The member's position (signer bitmap index), if it is a member. */
    public OptionalInt indexOf(SuiAddress nodeId) {
        int i = nodeIds.indexOf(nodeId);
        return i < 0 ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
