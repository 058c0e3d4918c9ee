package io.walrusj.storage.sync;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.follow.CheckpointBatchHandler;
import io.walrusj.chain.follow.CheckpointFollower;
import io.walrusj.chain.follow.EventBatchHandler;
import io.walrusj.chain.follow.EventFollower;
import io.walrusj.chain.grpc.ExecutedTx;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.chain.rpc.SuiRpcClient;
import io.walrusj.storage.store.SliverStore;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's Walrus event follower: {@link #grpc} (Sui gRPC checkpoints, the default) or
 * {@link #legacy} (JSON-RPC {@code suix_queryEvents}, {@code storage.chain-transport=jsonrpc}).
 * Both read their cursor from the node's store; the handler commits it with the effects.
 */
public sealed interface ChainFollower {
    Logger LOG = LoggerFactory.getLogger(ChainFollower.class);

    void start();

    void stop(Duration timeout);

    /** Checkpoints the node is behind the chain; empty while unknown (or legacy). */
    OptionalLong checkpointLag();

    /** Seconds between now and the last committed checkpoint's timestamp; empty while unknown (or legacy). */
    OptionalDouble secondsLag();

    /** The stored cursor, as text (for logs). */
    String cursor();

    /**
     * The checkpoint follower. Without a checkpoint cursor in the store it starts from the
     * checkpoint of the legacy event cursor's transaction, if the store has one and the chain still
     * has that transaction (the events of that checkpoint up to the old cursor are applied again,
     * which changes nothing: {@link BatchEffects}), else from checkpoint 0 (everything applied again).
     */
    static ChainFollower grpc(SuiGrpcClient sui, WalrusNetwork network, SliverStore store, CheckpointBatchHandler handler) {
        long start = store.loadCheckpointCursor().isPresent() ? 0 : migratedStart(sui, store.loadEventCursor());
        return new Grpc(CheckpointFollower.builder(sui, network, store::loadCheckpointCursor, handler)
                .startFromCheckpoint(start).maxConsecutiveErrors(0).build(), store);
    }

    static ChainFollower legacy(SuiRpcClient rpc, WalrusNetwork network, SliverStore store, EventBatchHandler handler,
            Duration pollInterval) {
        return new Legacy(EventFollower.builder(rpc, network, store::loadEventCursor, handler)
                .pollInterval(pollInterval).maxConsecutiveErrors(0).build(), store);
    }

    private static long migratedStart(SuiGrpcClient sui, Optional<EventId> legacy) {
        if (legacy.isEmpty()) {
            return 0;
        }
        Optional<ExecutedTx> tx = sui.getTransaction(legacy.get().txDigest());
        long start = tx.map(t -> t.checkpoint().orElse(0)).orElse(0L);
        LOG.info("no checkpoint cursor yet: the legacy event cursor {} {}, following from checkpoint {}", legacy.get(),
                tx.isPresent() ? "is in checkpoint " + start : "is not on this chain (any more)", start);
        return start;
    }

    record Grpc(CheckpointFollower follower, SliverStore store) implements ChainFollower {
        @Override
        public void start() {
            follower.start();
        }

        @Override
        public void stop(Duration timeout) {
            follower.stop(timeout);
        }

        @Override
        public OptionalLong checkpointLag() {
            return follower.checkpointLag();
        }

        @Override
        public OptionalDouble secondsLag() {
            return follower.secondsLag();
        }

        @Override
        public String cursor() {
            return "checkpoint " + store.loadCheckpointCursor().map(Object::toString).orElse("(none)");
        }
    }

    record Legacy(EventFollower follower, SliverStore store) implements ChainFollower {
        @Override
        public void start() {
            follower.start();
        }

        @Override
        public void stop(Duration timeout) {
            follower.stop(timeout);
        }

        @Override
        public OptionalLong checkpointLag() {
            return OptionalLong.empty();
        }

        @Override
        public OptionalDouble secondsLag() {
            return OptionalDouble.empty();
        }

        @Override
        public String cursor() {
            return "event " + store.loadEventCursor().map(Object::toString).orElse("(none)");
        }
    }
}
