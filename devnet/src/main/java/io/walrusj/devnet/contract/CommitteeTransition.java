package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Shard assignment of a new committee ({@code committee::initialize} and {@code transition}): the
 * first committee gets shards sequentially in node-id order; later committees keep as many shards
 * in place as possible and move the freed ones (LIFO) to nodes that need more. Result sorted by
 * node id.
 */
final class CommitteeTransition {

    private CommitteeTransition() {}

    /** {@code committee::initialize}: shards 0, 1, ... to the nodes in node-id order. */
    static ShardCommittee initialize(List<Apportionment.Assignment> assignments) {
        List<Apportionment.Assignment> sorted = new ArrayList<>(assignments);
        sorted.sort(Comparator.comparing(Apportionment.Assignment::nodeId));
        List<ShardCommittee.NodeShards> entries = new ArrayList<>();
        int next = 0;
        for (Apportionment.Assignment a : sorted) {
            List<Integer> shards = new ArrayList<>(a.shards());
            for (int i = 0; i < a.shards(); i++) {
                shards.add(next++);
            }
            entries.add(new ShardCommittee.NodeShards(a.nodeId(), shards));
        }
        return new ShardCommittee(entries);
    }

    /** {@code committee::transition}: the next committee with minimal shard movement. */
    static ShardCommittee transition(ShardCommittee current, List<Apportionment.Assignment> assignments) {
        long newTotal = 0;
        for (Apportionment.Assignment a : assignments) {
            newTotal += a.shards();
        }
        List<Apportionment.Assignment> pending = new ArrayList<>(assignments); // the VecMap new_assignments
        List<ShardCommittee.NodeShards> next = new ArrayList<>();
        List<Integer> toMove = new ArrayList<>();
        long currentTotal = 0;
        for (ShardCommittee.NodeShards node : current.entries()) {
            List<Integer> previous = node.shards();
            currentTotal += previous.size();
            int idx = indexOf(pending, node.nodeId());
            Integer assigned = idx >= 0 ? pending.remove(idx).shards() : null;
            if (assigned == null || assigned == 0) {
                toMove.addAll(previous);
                continue;
            }
            int have = previous.size();
            if (have == assigned) {
                next.add(node);
            }
            if (have > assigned) {
                List<Integer> kept = new ArrayList<>(previous);
                for (int i = 0; i < have - assigned; i++) {
                    toMove.add(kept.removeLast());
                }
                next.add(new ShardCommittee.NodeShards(node.nodeId(), kept));
            }
            if (have < assigned) {
                pending.add(new Apportionment.Assignment(node.nodeId(), assigned));
            }
        }
        ContractException.check(newTotal == currentTotal, AbortReason.EInvalidShardAssignment,
                "new committee has " + newTotal + " shards, the current one " + currentTotal);
        for (Apportionment.Assignment a : pending) {
            if (a.shards() == 0) {
                continue;
            }
            List<Integer> shards = new ArrayList<>(current.shards(a.nodeId()).orElse(List.of()));
            int missing = Math.abs(shards.size() - a.shards());
            for (int i = 0; i < missing; i++) {
                shards.add(toMove.removeLast());
            }
            next.add(new ShardCommittee.NodeShards(a.nodeId(), shards));
        }
        next.sort(Comparator.comparing(ShardCommittee.NodeShards::nodeId));
        return new ShardCommittee(next);
    }

    private static int indexOf(List<Apportionment.Assignment> list, SuiAddress nodeId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }
}
