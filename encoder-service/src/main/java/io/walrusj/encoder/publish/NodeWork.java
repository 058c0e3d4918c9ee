package io.walrusj.encoder.publish;

import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.metadata.BlobId;
import java.util.ArrayList;
import java.util.List;

/**
 * One committee member's share of a blob: the sliver pairs stored on its shards, pair =
 * {@code (shard - rotationOffset) mod n} (storage-node-api 4, docs/spec/walrus-encoding.md 5.1).
 */
record NodeWork(CommitteeSnapshot.Member member, List<Integer> pairs) {
    NodeWork {
        pairs = List.copyOf(pairs);
    }

    /** Every member with at least one shard, in committee order. */
    static List<NodeWork> forBlob(CommitteeSnapshot committee, BlobId blobId) {
        EncodingConfig config = new EncodingConfig(committee.nShards());
        int offset = blobId.rotationOffset(committee.nShards());
        List<NodeWork> out = new ArrayList<>();
        for (CommitteeSnapshot.Member m : committee.members()) {
            if (m.weight() > 0) {
                out.add(new NodeWork(m, m.shards().stream().map(s -> config.pairForShard(s, offset)).sorted().toList()));
            }
        }
        return out;
    }

    /** A short label for logs and metrics: the node's name, or its id. */
    String label() {
        return member.name().isBlank() ? member.nodeId().toString() : member.name();
    }
}
