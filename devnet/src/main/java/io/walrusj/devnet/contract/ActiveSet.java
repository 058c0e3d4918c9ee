package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Move {@code active_set::ActiveSet}: the nodes eligible for the next committee with their stake
 * for the next vote, in insertion order (removal is a swap_remove, as in Move; the order breaks
 * apportionment ties). Mutable; {@link #copy()} is deep.
 */
final class ActiveSet {
    /** {@code TEMP_ACTIVE_SET_SIZE_LIMIT} at mirror HEAD. */
    static final int MAX_SIZE = 150;

    record Entry(SuiAddress nodeId, long stakedAmount) {}

    private final int maxSize;
    private final long thresholdStake;
    private final List<Entry> nodes;
    private long totalStake;

    private ActiveSet(int maxSize, long thresholdStake, List<Entry> nodes, long totalStake) {
        this.maxSize = maxSize;
        this.thresholdStake = thresholdStake;
        this.nodes = nodes;
        this.totalStake = totalStake;
    }

    static ActiveSet create() {
        return new ActiveSet(MAX_SIZE, 0, new ArrayList<>(), 0);
    }

    List<Entry> nodes() {
        return List.copyOf(nodes);
    }

    long totalStake() {
        return totalStake;
    }

    /** Inserts or updates the node's stake; a stake of 0 (or below the threshold) removes it. */
    boolean insertOrUpdate(SuiAddress nodeId, long stakedAmount) {
        if (stakedAmount == 0 || U64.compare(stakedAmount, thresholdStake) < 0) {
            remove(nodeId);
            return false;
        }
        return update(nodeId, stakedAmount) || insert(nodeId, stakedAmount);
    }

    private boolean update(SuiAddress nodeId, long stakedAmount) {
        int idx = indexOf(nodeId);
        if (idx < 0) {
            return false;
        }
        totalStake = U64.sub(U64.add(totalStake, stakedAmount), nodes.get(idx).stakedAmount());
        nodes.set(idx, new Entry(nodeId, stakedAmount));
        return true;
    }

    private boolean insert(SuiAddress nodeId, long stakedAmount) {
        if (nodes.size() < maxSize) {
            totalStake = U64.add(totalStake, stakedAmount);
            nodes.add(new Entry(nodeId, stakedAmount));
            return true;
        }
        long minStake = stakedAmount;
        int minIdx = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (U64.compare(nodes.get(i).stakedAmount(), minStake) < 0) {
                minIdx = i;
                minStake = nodes.get(i).stakedAmount();
            }
        }
        if (minIdx < 0) {
            return false;
        }
        totalStake = U64.add(U64.sub(totalStake, minStake), stakedAmount);
        nodes.set(minIdx, new Entry(nodeId, stakedAmount));
        return true;
    }

    private void remove(SuiAddress nodeId) {
        int idx = indexOf(nodeId);
        if (idx >= 0) {
            Entry removed = nodes.get(idx);
            nodes.set(idx, nodes.get(nodes.size() - 1));
            nodes.remove(nodes.size() - 1);
            totalStake = U64.sub(totalStake, removed.stakedAmount());
        }
    }

    private int indexOf(SuiAddress nodeId) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).nodeId().equals(nodeId)) {
                return i;
            }
        }
        return -1;
    }

    ActiveSet copy() {
        return new ActiveSet(maxSize, thresholdStake, new ArrayList<>(nodes), totalStake);
    }
}
