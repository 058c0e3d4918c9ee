package io.walrusj.devnet.contract;

import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Move {@code committee::Committee(VecMap<ID, vector<u16>>)}: node id to its shard indices, in the
 * VecMap's order (sorted by node id once built by {@link CommitteeTransition}). Immutable.
 */
record ShardCommittee(List<NodeShards> entries) {

    /** One entry: a node and its shards in assignment order. */
    record NodeShards(SuiAddress nodeId, List<Integer> shards) {
        NodeShards {
            Objects.requireNonNull(nodeId, "nodeId");
            shards = List.copyOf(shards);
        }
    }

    ShardCommittee {
        entries = List.copyOf(entries);
    }

    static ShardCommittee empty() {
        return new ShardCommittee(List.of());
    }

    int size() {
        return entries.size();
    }

    boolean contains(SuiAddress nodeId) {
        return shards(nodeId).isPresent();
    }

    Optional<List<Integer>> shards(SuiAddress nodeId) {
        for (NodeShards e : entries) {
            if (e.nodeId().equals(nodeId)) {
                return Optional.of(e.shards());
            }
        }
        return Optional.empty();
    }

    List<SuiAddress> nodeIds() {
        return entries.stream().map(NodeShards::nodeId).toList();
    }

    void writeBcs(BcsWriter w) {
        w.sequence(entries, (ww, e) -> {
            ww.fixedBytes(e.nodeId().bytes());
            ww.sequence(e.shards(), BcsWriter::u16);
        });
    }

    /** Sui renders a positional struct's field as {@code pos0}. */
    Map<String, Object> json() {
        List<Map<String, Object>> contents = new ArrayList<>();
        for (NodeShards e : entries) {
            contents.add(Json.entry(Json.id(e.nodeId()), e.shards()));
        }
        return Json.obj().put("pos0", Json.vecMap(contents)).build();
    }
}
