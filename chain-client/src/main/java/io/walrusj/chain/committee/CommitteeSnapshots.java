package io.walrusj.chain.committee;

import io.walrusj.chain.ChainReader;
import io.walrusj.chain.model.BlsCommitteeMember;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.StakingPool;
import io.walrusj.chain.model.SystemStateInnerV1;
import io.walrusj.core.crypto.BlsPublicKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a {@link CommitteeSnapshot} from the chain. */
public final class CommitteeSnapshots {
    private static final System.Logger LOG = System.getLogger(CommitteeSnapshots.class.getName());

    private CommitteeSnapshots() {}

    /**
     * Reads the system's BLS committee (members, keys, order, epoch), the staking committee (which
     * shards each node owns) and every member's staking pool (network address).
     *
     * @param scheme URL scheme for {@code host:port} network addresses ({@code http} on the devnet,
     *               {@code https} for Walrus nodes)
     */
    public static CommitteeSnapshot read(ChainReader reader, String scheme) {
        SystemStateInnerV1 system = reader.systemState();
        StakingInnerV1 staking = reader.stakingState();
        List<BlsCommitteeMember> bls = system.committee().members();
        List<CommitteeSnapshot.Member> members = new ArrayList<>(bls.size());
        for (int i = 0; i < bls.size(); i++) {
            BlsCommitteeMember m = bls.get(i);
            String name = "";
            Optional<URI> uri = Optional.empty();
            try {
                StakingPool pool = reader.stakingPool(m.nodeId());
                name = pool.nodeInfo().name();
                uri = Optional.of(pool.nodeInfo().baseUri(scheme));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "no usable network address for committee member {0}: {1}", m.nodeId(), e.toString());
            }
            List<Integer> shards = staking.committee().shardsOf(m.nodeId()).stream().sorted().toList();
            members.add(new CommitteeSnapshot.Member(i, m.nodeId(), name, uri,
                    BlsPublicKey.fromUncompressedBytes(m.publicKey()), shards));
        }
        return new CommitteeSnapshot(system.committee().epoch(), staking.nShards(), members);
    }
}
