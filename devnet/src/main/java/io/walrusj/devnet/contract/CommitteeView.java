package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.BlsCommittee;
import io.walrusj.core.crypto.SuiAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The committee of the current epoch: walrus-core's {@link BlsCommittee} (for verifying
 * certificates; member order = node-id order = bitmap order) and the members with their shards.
 * Empty in epoch 0 without a committee.
 */
public record CommitteeView(long epoch, int nShards, BlsCommittee blsCommittee, List<CommitteeMember> members) {

    public CommitteeView {
        members = List.copyOf(members);
    }

    /** Node id to its shard indices, in node-id order. */
    public Map<SuiAddress, List<Integer>> shardAssignment() {
        Map<SuiAddress, List<Integer>> out = new LinkedHashMap<>();
        for (CommitteeMember m : members) {
            out.put(m.nodeId(), m.shards());
        }
        return Collections.unmodifiableMap(out);
    }
}
