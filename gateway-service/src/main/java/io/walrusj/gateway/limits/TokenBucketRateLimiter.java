package io.walrusj.gateway.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.walrusj.gateway.WalrusGatewayProperties.TokenBucketPolicy;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway {@link RateLimiter} backed by in-memory token buckets, one per client key
 * (no Redis here, and one gateway replica's view is enough to stop a single abusive client).
 * Buckets of clients that went quiet are evicted once they would be full again anyway, and the
 * number of buckets is capped, so a flood of distinct addresses cannot exhaust memory.
 */
public class TokenBucketRateLimiter implements RateLimiter<TokenBucketPolicy> {

    public static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    public static final String BURST_HEADER = "X-RateLimit-Burst-Capacity";
    public static final String REPLENISH_HEADER = "X-RateLimit-Replenish-Rate";
    public static final String RETRY_AFTER_HEADER = "Retry-After";

    private static final long MAX_CLIENTS = 100_000;

    private final TokenBucketPolicy policy;
    private final LongSupplier nanoClock;
    private final Cache<String, TokenBucket> buckets;

    public TokenBucketRateLimiter(TokenBucketPolicy policy, LongSupplier nanoClock) {
        this.policy = policy;
        this.nanoClock = nanoClock;
        Duration refillTime = Duration.ofMillis((long) Math.ceil(1000 * policy.burst() / policy.replenishPerSecond()));
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(refillTime.plusSeconds(1))
                .maximumSize(MAX_CLIENTS)
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String clientKey) {
        return Mono.fromSupplier(() -> {
            long now = nanoClock.getAsLong();
            TokenBucket.Take take = buckets.get(clientKey, key -> new TokenBucket(policy, now)).take(now);
            return new Response(take.allowed(), headers(take));
        });
    }

    private Map<String, String> headers(TokenBucket.Take take) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(REMAINING_HEADER, Long.toString(take.remaining()));
        headers.put(BURST_HEADER, Integer.toString(policy.burst()));
        headers.put(REPLENISH_HEADER, Double.toString(policy.replenishPerSecond()));
        if (!take.allowed()) {
            long seconds = Math.max(1, (take.retryAfter().toMillis() + 999) / 1000);
            headers.put(RETRY_AFTER_HEADER, Long.toString(seconds));
        }
        return headers;
    }

    /** This limiter has one policy for all routes it guards: no per-route configuration. */
    @Override
    public Map<String, TokenBucketPolicy> getConfig() {
        return Map.of();
    }

    @Override
    public Class<TokenBucketPolicy> getConfigClass() {
        return TokenBucketPolicy.class;
    }

    @Override
    public TokenBucketPolicy newConfig() {
        return policy;
    }
}
