package io.walrusj.chain.follow;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WalrusFollower} runs. {@link #DEFAULT}: from the start of the chain, the shared
 * {@link Backoff#DEFAULT}, retrying forever, no listener.
 *
 * @param startFromLatest without a stored cursor, start at the latest checkpoint instead of the
 *     first one (gRPC only; the legacy follower always starts at the first event)
 * @param backoff between failed attempts
 * @param maxConsecutiveErrors failures in a row before {@code FAILED}; 0 = never
 * @param pollInterval legacy follower: pause when caught up
 * @param stallTimeout gRPC follower: a subscription silent this long is reconnected
 * @param listener errors and batches
 */
public record FollowOptions(boolean startFromLatest, Backoff backoff, int maxConsecutiveErrors, Duration pollInterval,
        Duration stallTimeout, FollowerListener listener) {

    public static final FollowOptions DEFAULT = new FollowOptions(false, Backoff.DEFAULT, 0, Duration.ofSeconds(1),
            Duration.ofSeconds(10), FollowerListener.NONE);

    public FollowOptions {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(listener, "listener");
        if (maxConsecutiveErrors < 0) {
            throw new IllegalArgumentException("maxConsecutiveErrors must be >= 0");
        }
    }

    public FollowOptions withStartFromLatest(boolean latest) {
        return new FollowOptions(latest, backoff, maxConsecutiveErrors, pollInterval, stallTimeout, listener);
    }

    public FollowOptions withBackoff(Backoff b) {
        return new FollowOptions(startFromLatest, b, maxConsecutiveErrors, pollInterval, stallTimeout, listener);
    }

    public FollowOptions withMaxConsecutiveErrors(int max) {
        return new FollowOptions(startFromLatest, backoff, max, pollInterval, stallTimeout, listener);
    }

    public FollowOptions withPollInterval(Duration d) {
        return new FollowOptions(startFromLatest, backoff, maxConsecutiveErrors, d, stallTimeout, listener);
    }

    public FollowOptions withStallTimeout(Duration d) {
        return new FollowOptions(startFromLatest, backoff, maxConsecutiveErrors, pollInterval, d, listener);
    }

    public FollowOptions withListener(FollowerListener l) {
        return new FollowOptions(startFromLatest, backoff, maxConsecutiveErrors, pollInterval, stallTimeout, l);
    }
}
