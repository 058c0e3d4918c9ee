package io.walrusj.encoder.read;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Four nodes over n = 10 shards (f = 3): node 0 owns shards 0-2, node 1 3-5, node 2 6-7, node 3 8-9. */
final class TestCommittee {
    static final List<List<Integer>> SHARDS = List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7), List.of(8, 9));

    private TestCommittee() {}

    static ShardOwners owners() {
        List<CommitteeSnapshot.Member> members = new ArrayList<>();
        for (int i = 0; i < SHARDS.size(); i++) {
            byte[] seed = new byte[32];
            seed[0] = (byte) (i + 1);
            byte[] id = new byte[32];
            id[31] = (byte) (i + 1);
            members.add(new CommitteeSnapshot.Member(i, SuiAddress.of(id), "node-" + i,
                    Optional.of(URI.create("http://node-" + i + "/")), BlsKeyPair.fromSeed(seed).publicKey(), SHARDS.get(i)));
        }
        return new ShardOwners(new CommitteeSnapshot(1, 10, members));
    }

    /** The node index in {@code http://node-<i>/}. */
    static int node(URI uri) {
        return Integer.parseInt(uri.getHost().substring("node-".length()));
    }
}
