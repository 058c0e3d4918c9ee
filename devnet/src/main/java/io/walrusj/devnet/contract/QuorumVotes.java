package io.walrusj.devnet.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The weighted vote rules of {@code staking_inner} (docs/spec/walrus-chain.md 5). Votes are (value, weight in
 * shards); {@code nShards} is the total weight.
 */
final class QuorumVotes {

    /** One node's vote with its shard count. */
    record Vote(long value, long weight) {}

    private QuorumVotes() {}

    /** {@code 3 * weight >= 2 * n + 1}. */
    static boolean isQuorum(long weight, long nShards) {
        return 3 * weight >= 2 * nShards + 1;
    }

    /**
     * {@code quorum_below} (prices): the smallest value such that nodes holding a quorum of the
     * weight voted less than or equal to it. Removes the highest votes until the remaining weight
     * is no longer a quorum and returns the vote removed last.
     */
    static long quorumBelow(List<Vote> votes, int nShards) {
        long remaining = nShards;
        for (Vote v : descending(votes)) {
            remaining = U64.sub(remaining, v.weight());
            if (!isQuorum(remaining, nShards)) {
                return v.value();
            }
        }
        throw new ContractException(AbortReason.EArithmeticError, "no quorum among the price votes");
    }

    /**
     * {@code quorum_above} (capacity): the largest value such that nodes holding a quorum of the
     * weight voted greater than or equal to it. Adds the highest votes until their weight is a
     * quorum and returns the vote added last.
     */
    static long quorumAbove(List<Vote> votes, int nShards) {
        long sum = 0;
        for (Vote v : descending(votes)) {
            sum = U64.add(sum, v.weight());
            if (isQuorum(sum, nShards)) {
                return v.value();
            }
        }
        throw new ContractException(AbortReason.EArithmeticError, "no quorum among the capacity votes");
    }

    private static List<Vote> descending(List<Vote> votes) {
        List<Vote> sorted = new ArrayList<>(votes);
        sorted.sort(Comparator.comparing(Vote::value, Long::compareUnsigned).reversed());
        return sorted;
    }
}
