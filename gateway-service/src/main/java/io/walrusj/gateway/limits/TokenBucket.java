package io.walrusj.gateway.limits;

import java.time.Duration;

import io.walrusj.gateway.WalrusGatewayProperties.TokenBucketPolicy;

/**
 * One client's bucket: holds up to {@code burst} tokens, gains {@code replenishPerSecond} tokens a
 * second, and each request takes one. Refilled lazily on use, so idle buckets cost no work.
 */
final class TokenBucket {

    /** The outcome of one take: whether the request may pass, what is left, and when to retry if not. */
    record Take(boolean allowed, long remaining, Duration retryAfter) {
    }

    private static final double NANOS_PER_SECOND = 1e9;

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long refilledAt;

    TokenBucket(TokenBucketPolicy policy, long nowNanos) {
        this.capacity = policy.burst();
        this.tokensPerNano = policy.replenishPerSecond() / NANOS_PER_SECOND;
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    synchronized Take take(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        refilledAt = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return new Take(true, (long) Math.floor(tokens), Duration.ZERO);
        }
        long waitNanos = (long) Math.ceil((1 - tokens) / tokensPerNano);
        return new Take(false, 0, Duration.ofNanos(waitNanos));
    }
}
