package io.walrusj.chain.model;

import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Move {@code committee::Committee(VecMap<ID, vector<u16>>)} ({@code docs/spec/walrus-chain.md} 2.2): node ID
 * to the shard indices it holds, in the chain's order (sorted by node ID). A {@code VecMap} is
 * {@code { contents: vector<{ key, value }> }}: a plain vector of entries, not a BCS map.
 *
 * @param shardsByNode immutable, iteration in chain order
 */
public record Committee(Map<SuiAddress, List<Integer>> shardsByNode) {

    public Committee {
        Map<SuiAddress, List<Integer>> copy = new LinkedHashMap<>();
        shardsByNode.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        shardsByNode = Collections.unmodifiableMap(copy);
    }

    public static Committee read(BcsReader r) {
        int n = r.uleb128AsInt();
        Map<SuiAddress, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int at = r.position();
            SuiAddress node = SuiAddress.read(r);
            List<Integer> shards = r.sequence(BcsReader::u16);
            if (m.put(node, shards) != null) {
                throw new BcsException("duplicate node " + node + " in committee at offset " + at, at);
            }
        }
        return new Committee(m);
    }

    public void writeBcs(BcsWriter w) {
        w.uleb128(shardsByNode.size());
        shardsByNode.forEach((node, shards) -> {
            node.writeBcs(w);
            w.sequence(shards, BcsWriter::u16);
        });
    }

    /** The nodes in chain order. */
    public List<SuiAddress> nodes() {
        return new ArrayList<>(shardsByNode.keySet());
    }

    /** The shards of {@code node} (empty if not a member). */
    public List<Integer> shardsOf(SuiAddress node) {
        return shardsByNode.getOrDefault(node, List.of());
    }

    /** The node holding {@code shard}, if any. */
    public Optional<SuiAddress> nodeForShard(int shard) {
        for (Map.Entry<SuiAddress, List<Integer>> e : shardsByNode.entrySet()) {
            if (e.getValue().contains(shard)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    /** Total number of shards assigned. */
    public int shardCount() {
        return shardsByNode.values().stream().mapToInt(List::size).sum();
    }
}
