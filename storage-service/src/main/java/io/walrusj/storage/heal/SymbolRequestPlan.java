package io.walrusj.storage.heal;

import io.walrusj.core.sliver.SymbolId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Decides which peer is asked for which recovery symbol of one {@link RecoveryTarget}. Each usable
 * symbol comes from one source sliver, held by the peer owning the shard of that sliver's pair, so
 * every id handed out is one the chosen peer should be able to serve. Ids are handed out round-robin
 * over the peers (each peer's sources in random order) to spread the load; a source is handed out
 * at most once, and a peer that failed is dropped with its remaining sources. Not thread-safe.
 */
final class SymbolRequestPlan {
    /** One peer's sources not handed out yet (identity-keyed: a {@link Peer}'s hash walks its shard set). */
    private static final class Queue {
        final Peer peer;
        final Deque<Integer> sources;

        Queue(Peer peer, List<Integer> sources) {
            this.peer = peer;
            this.sources = new ArrayDeque<>(sources);
        }
    }

    private final RecoveryTarget target;
    private final List<Queue> order = new ArrayList<>();
    private int cursor;

    /**
     * @param excludedSources source sliver indices not to ask for (this node holds them)
     * @param random shuffles the peers and each peer's sources
     */
    SymbolRequestPlan(RecoveryTarget target, int rotationOffset, List<Peer> peers, BitSet excludedSources, Random random) {
        this.target = target;
        int n = target.config().nShards();
        int[] ownerOfShard = new int[n];
        Arrays.fill(ownerOfShard, -1);
        for (int i = 0; i < peers.size(); i++) {
            for (int shard : peers.get(i).shards()) {
                if (shard >= 0 && shard < n) {
                    ownerOfShard[shard] = i;
                }
            }
        }
        List<List<Integer>> lists = new ArrayList<>();
        peers.forEach(p -> lists.add(new ArrayList<>()));
        for (int source = 0; source < n; source++) {
            if (excludedSources.get(source)) {
                continue;
            }
            int owner = ownerOfShard[target.config().shardForPair(target.sourcePair(source), rotationOffset)];
            if (owner >= 0) {
                lists.get(owner).add(source);
            }
        }
        for (int i = 0; i < peers.size(); i++) {
            if (!lists.get(i).isEmpty()) {
                Collections.shuffle(lists.get(i), random);
                order.add(new Queue(peers.get(i), lists.get(i)));
            }
        }
        Collections.shuffle(order, random);
    }

    /** Up to {@code count} ids not handed out before, grouped by peer; fewer (or none) when candidates run out. */
    Map<Peer, List<SymbolId>> take(int count) {
        List<List<SymbolId>> picked = new ArrayList<>();
        order.forEach(q -> picked.add(new ArrayList<>()));
        List<Queue> asked = new ArrayList<>(order);
        int taken = 0;
        while (taken < count && !order.isEmpty()) {
            cursor %= order.size();
            Queue q = order.get(cursor);
            Integer source = q.sources.pollFirst();
            if (source == null) {
                order.remove(cursor);
                continue;
            }
            picked.get(asked.indexOf(q)).add(target.symbolFrom(source));
            taken++;
            cursor++;
        }
        Map<Peer, List<SymbolId>> out = new LinkedHashMap<>();
        for (int i = 0; i < asked.size(); i++) {
            if (!picked.get(i).isEmpty()) {
                out.put(asked.get(i).peer, picked.get(i));
            }
        }
        return out;
    }

    /** Stops asking {@code peer} (it failed): its remaining sources are not handed out any more. */
    void drop(Peer peer) {
        order.removeIf(q -> q.peer.equals(peer));
    }
}
