package io.walrusj.chain.committee;

import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.BlsCommitteeMember;
import io.walrusj.core.crypto.BlsPublicKey;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a client of the storage nodes needs about the current committee, read at one point in
 * time: the epoch, the shard count, and per member (in the on-chain BLS committee order, which is
 * the order of certificate signer bitmaps) its node id, name, HTTP base URL, BLS public key and the
 * shards it owns. Built by {@link CommitteeSnapshots#read}.
 *
 * @param members in BLS committee order; {@link Member#index()} is the position
 */
public record CommitteeSnapshot(long epoch, int nShards, List<Member> members) {

    public CommitteeSnapshot {
        members = List.copyOf(members);
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).index() != i) {
                throw new IllegalArgumentException("member " + i + " has index " + members.get(i).index());
            }
        }
    }

    /**
     * @param index     position in the BLS committee (signer bitmap index)
     * @param baseUri   empty if the member's network address could not be read or parsed
     * @param shards    the shards the member owns in this epoch, ascending
     */
    public record Member(int index, SuiAddress nodeId, String name, Optional<URI> baseUri, BlsPublicKey publicKey,
            List<Integer> shards) {
        public Member {
            Objects.requireNonNull(nodeId, "nodeId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseUri, "baseUri");
            Objects.requireNonNull(publicKey, "publicKey");
            shards = List.copyOf(shards);
        }

        public int weight() {
            return shards.size();
        }
    }

    /** True before the first committee exists (devnet epoch 0). */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    /** The member that owns {@code shard}. */
    public Optional<Member> memberForShard(int shard) {
        for (Member m : members) {
            if (m.shards().contains(shard)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Optional<Member> member(SuiAddress nodeId) {
        return members.stream().filter(m -> m.nodeId().equals(nodeId)).findFirst();
    }

    /** The signing committee for certificates of this epoch (walrus-core's view). */
    public BlsCommittee blsCommittee() {
        List<BlsCommitteeMember> bls = new ArrayList<>(members.size());
        for (Member m : members) {
            bls.add(new BlsCommitteeMember(m.publicKey(), m.weight()));
        }
        return new BlsCommittee(epoch, bls);
    }

    /** Byzantine shard bound f = floor((n - 1) / 3). */
    public int maxFaulty() {
        return (nShards - 1) / 3;
    }
}
