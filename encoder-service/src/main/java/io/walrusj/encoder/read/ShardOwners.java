package io.walrusj.encoder.read;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.chain.committee.CommitteeSnapshot.Member;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Shard to member lookup for one committee, precomputed once (the snapshot's own lookup scans every
 * member's shard list, too slow for n lookups per read at n = 1000), plus the weight thresholds.
 */
final class ShardOwners {
    private final CommitteeSnapshot committee;
    private final Member[] ownerOfShard;

    ShardOwners(CommitteeSnapshot committee) {
        this.committee = committee;
        this.ownerOfShard = new Member[committee.nShards()];
        for (Member m : committee.members()) {
            for (int shard : m.shards()) {
                if (shard >= 0 && shard < ownerOfShard.length) {
                    ownerOfShard[shard] = m;
                }
            }
        }
    }

    CommitteeSnapshot committee() {
        return committee;
    }

    int nShards() {
        return committee.nShards();
    }

    /** f = floor((n - 1) / 3). */
    int maxFaulty() {
        return committee.maxFaulty();
    }

    List<Member> members() {
        return committee.members();
    }

    Optional<URI> uriOfShard(int shard) {
        Member m = shard >= 0 && shard < ownerOfShard.length ? ownerOfShard[shard] : null;
        return m == null ? Optional.empty() : m.baseUri();
    }

    /** Members that can be asked (their network address is known). */
    List<Member> reachableMembers() {
        return committee.members().stream().filter(m -> m.baseUri().isPresent()).toList();
    }

    @Override
    public String toString() {
        return "ShardOwners[epoch " + committee.epoch() + ", " + Arrays.stream(ownerOfShard).distinct().count() + " owners]";
    }
}
