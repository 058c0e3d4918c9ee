package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Shard apportionment by stake ({@code staking_inner::apportionment} and {@code dhondt}): D'Hondt
 * (Jefferson) over the active set, seeded with the Hagenbach-Bischoff lower bound, with a per-node
 * cap of {@code n/10} shards from 20 nodes on and {@code ceil(2n / nodes)} below; ties of the
 * UQ64.64 quotient go to the node earlier in the active set.
 */
final class Apportionment {
    private static final int MIN_NODES_FOR_SHARDS_LIMIT = 20;
    private static final int SHARDS_LIMIT_DENOMINATOR = 10;

    /** A node's share of the shards. */
    record Assignment(SuiAddress nodeId, int shards) {}

    private record Quotient(BigInteger quotient, long tieBreaker, int index) {}

    private Apportionment() {}

    /** The nodes of the active set (in its order) that receive at least one shard, with their counts. */
    static List<Assignment> apportion(List<ActiveSet.Entry> activeSet, int nShards) {
        int n = activeSet.size();
        List<Long> priorities = new ArrayList<>(n);
        List<Long> stakes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            priorities.add((long) (n - i));
            stakes.add(activeSet.get(i).stakedAmount());
        }
        int[] shards = dhondt(priorities, nShards, stakes);
        List<Assignment> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (shards[i] > 0) {
                out.add(new Assignment(activeSet.get(i).nodeId(), shards[i]));
            }
        }
        return out;
    }

    /** {@code dhondt(node_priorities, n_shards, stake)}: the number of shards per node. */
    static int[] dhondt(List<Long> priorities, int nShards, List<Long> stakes) {
        long totalStake = 0;
        for (long s : stakes) {
            totalStake = U64.add(totalStake, s);
        }
        int nNodes = stakes.size();
        long n = nShards;
        ContractException.check(totalStake != 0, AbortReason.ENoStake, "no stake in the active set");
        long maxShards = maxShardsPerNode(nNodes, n);
        long distributionNumber = Long.divideUnsigned(totalStake, n + 1) + 1;
        long[] shards = new long[nNodes];
        PriorityQueue<Quotient> queue = new PriorityQueue<>((a, b) -> {
            int c = b.quotient().compareTo(a.quotient());
            return c != 0 ? c : Long.compare(b.tieBreaker(), a.tieBreaker());
        });
        long distributed = 0;
        for (int i = 0; i < nNodes; i++) {
            shards[i] = Math.min(Long.divideUnsigned(stakes.get(i), distributionNumber), maxShards);
            distributed += shards[i];
            if (shards[i] != maxShards) {
                queue.add(new Quotient(quotient(stakes.get(i), shards[i] + 1), priorities.get(i), i));
            }
        }
        while (distributed != n) {
            Quotient top = queue.poll();
            if (top == null) {
                throw new ContractException(AbortReason.EArithmeticError, "apportionment ran out of nodes");
            }
            int i = top.index();
            shards[i]++;
            if (shards[i] != maxShards) {
                queue.add(new Quotient(quotient(stakes.get(i), shards[i] + 1), top.tieBreaker(), i));
            }
            distributed++;
        }
        int[] out = new int[nNodes];
        for (int i = 0; i < nNodes; i++) {
            out[i] = (int) shards[i];
        }
        return out;
    }

    /** {@code max_shards_per_node}. */
    static long maxShardsPerNode(long nNodes, long nShards) {
        if (nNodes >= MIN_NODES_FOR_SHARDS_LIMIT) {
            return nShards / SHARDS_LIMIT_DENOMINATOR;
        }
        long numerator = nShards * MIN_NODES_FOR_SHARDS_LIMIT;
        long denominator = nNodes * SHARDS_LIMIT_DENOMINATOR;
        return (numerator + denominator - 1) / denominator;
    }

    /** {@code uq64_64::from_quotient(stake, divisor)}: {@code floor(stake * 2^64 / divisor)}. */
    private static BigInteger quotient(long stake, long divisor) {
        return U64.big(stake).shiftLeft(64).divide(BigInteger.valueOf(divisor));
    }
}
