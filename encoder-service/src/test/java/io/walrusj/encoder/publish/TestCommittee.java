package io.walrusj.encoder.publish;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.SuiAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A committee of real BLS keys: n = 10 shards over four members holding 3, 3, 2 and 2 shards (f = 3, quorum 7). */
final class TestCommittee {
    static final long EPOCH = 7;
    static final int[][] SHARDS = {{0, 1, 2}, {3, 4, 5}, {6, 7}, {8, 9}};

    final List<BlsKeyPair> keys = new ArrayList<>();
    final CommitteeSnapshot snapshot;

    TestCommittee() {
        this(EPOCH);
    }

    TestCommittee(long epoch) {
        List<CommitteeSnapshot.Member> members = new ArrayList<>();
        for (int i = 0; i < SHARDS.length; i++) {
            byte[] seed = new byte[32];
            Arrays.fill(seed, (byte) (i + 1));
            BlsKeyPair key = BlsKeyPair.fromSeed(seed);
            keys.add(key);
            members.add(new CommitteeSnapshot.Member(i, SuiAddress.parseLenient("0x" + (i + 1)), "node-" + i,
                    Optional.of(URI.create("http://node-" + i + ".test:1/")), key.publicKey(),
                    Arrays.stream(SHARDS[i]).boxed().toList()));
        }
        this.snapshot = new CommitteeSnapshot(epoch, 10, members);
    }

    URI uri(int member) {
        return snapshot.members().get(member).baseUri().orElseThrow();
    }
}
