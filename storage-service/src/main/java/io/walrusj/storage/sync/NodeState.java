package io.walrusj.storage.sync;

import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.crypto.SuiAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** What the node currently believes about the chain: epoch, shard count and its own shards. */
public final class NodeState {

    /**
     * One consistent view.
     *
     * @param epoch the current committee epoch (signed into confirmations)
     * @param nShards n, or 0 if unknown yet
     * @param ownedShards the shards this node holds in {@code epoch}
     * @param fromChain whether the values were read from the chain (false: configured fallback)
     * @param committee shards of every committee member in {@code epoch} (node id -> shards)
     * @param signing the BLS committee with its keys, if read and decodable (its epoch may lag
     *     behind {@code epoch} after {@link #advanceEpoch})
     * @param previousShards the shards this node held in the previous epoch (their slivers are
     *     still here: shard sync serves them to the new owners)
     */
    public record Snapshot(long epoch, int nShards, Set<Integer> ownedShards, boolean fromChain,
            Map<SuiAddress, List<Integer>> committee, Optional<SigningCommittee> signing, Set<Integer> previousShards) {
        public Snapshot {
            ownedShards = Set.copyOf(ownedShards);
            committee = Map.copyOf(committee);
            Objects.requireNonNull(signing, "signing");
            previousShards = Set.copyOf(previousShards);
        }

        public Snapshot(long epoch, int nShards, Set<Integer> ownedShards, boolean fromChain,
                Map<SuiAddress, List<Integer>> committee) {
            this(epoch, nShards, ownedShards, fromChain, committee, Optional.empty(), Set.of());
        }

        public Snapshot(long epoch, int nShards, Set<Integer> ownedShards, boolean fromChain) {
            this(epoch, nShards, ownedShards, fromChain, Map.of());
        }

        public boolean knowsShardCount() {
            return nShards >= 4;
        }

        public EncodingConfig config() {
            if (!knowsShardCount()) {
                throw new IllegalStateException("the number of shards is not known yet (chain not read, storage.n-shards unset)");
            }
            return new EncodingConfig(nShards);
        }

        public boolean owns(int shard) {
            return ownedShards.contains(shard);
        }
    }

    private final AtomicReference<Snapshot> current;
    private final long startedNanos = System.nanoTime();

    public NodeState(Integer fallbackShards) {
        current = new AtomicReference<>(new Snapshot(0, fallbackShards == null ? 0 : fallbackShards, Set.of(), false));
    }

    public Snapshot get() {
        return current.get();
    }

    public void set(Snapshot snapshot) {
        current.set(snapshot);
    }

    /** Moves to {@code epoch} without knowing the new committee (when the chain cannot be read). */
    public void advanceEpoch(long epoch) {
        current.updateAndGet(s -> epoch > s.epoch() ? new Snapshot(epoch, s.nShards(), s.ownedShards(), s.fromChain(), s.committee(), s.signing(),
                s.previousShards()) : s);
    }

    public long uptimeNanos() {
        return System.nanoTime() - startedNanos;
    }
}
