package io.walrusj.chain.follow;

import io.walrusj.chain.rpc.EventId;
import java.time.Duration;

/** Optional callbacks from an {@link EventFollower}'s loop, for metrics and tests. Must not throw. */
public interface FollowerListener {

    /** A batch of {@code size} events was handled and {@code newCursor} committed. */
    default void onBatch(int size, EventId newCursor) {
    }

    /** A poll failed; the loop retries after {@code retryIn} unless the error cap is reached. */
    default void onError(Exception error, int consecutiveErrors, Duration retryIn) {
    }

    /** The loop gave up after too many consecutive errors; {@code error} is the last one. */
    default void onFailed(Exception error) {
    }

    FollowerListener NONE = new FollowerListener() {
    };
}
