package io.walrusj.chain.follow;

import io.walrusj.chain.rpc.EventId;
import java.time.Duration;

/**
 * Optional callbacks from an {@link EventFollower}'s or a {@link CheckpointFollower}'s loop, for
 * metrics and tests. Called on the follower's thread; must not throw or block.
 */
public interface FollowerListener {

    /** {@link EventFollower}: a batch of {@code size} events was handled and {@code newCursor} committed. */
    default void onBatch(int size, EventId newCursor) {
    }

    /** {@link CheckpointFollower}: the handler committed {@code batch} (also a cursor-only one). */
    default void onCheckpointBatch(CheckpointBatch batch) {
    }

    /**
     * A poll ({@link EventFollower}) or a session ({@link CheckpointFollower}: stream failure, end or
     * stall, RPC, decode or handler failure) failed; the loop retries after {@code retryIn} unless
     * the error cap is reached.
     */
    default void onError(Exception error, int consecutiveErrors, Duration retryIn) {
    }

    /** The loop gave up after too many consecutive errors; {@code error} is the last one. */
    default void onFailed(Exception error) {
    }

    FollowerListener NONE = new FollowerListener() {
    };
}
