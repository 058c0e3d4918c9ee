package io.walrusj.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;

import io.walrusj.gateway.WalrusGatewayProperties.TokenBucketPolicy;

class TokenBucketRateLimiterTest {

    private final AtomicLong clock = new AtomicLong();
    private final TokenBucketRateLimiter limiter = new TokenBucketRateLimiter(new TokenBucketPolicy(1, 2), clock::get);

    @Test
    void eachClientHasItsOwnBucket() {
        assertThat(allowed("10.0.0.1")).isTrue();
        assertThat(allowed("10.0.0.1")).isTrue();
        assertThat(allowed("10.0.0.1")).isFalse();

        assertThat(allowed("10.0.0.2")).isTrue();
    }

    @Test
    void aRefusalCarriesRetryAfterAndTheRateLimitHeaders() {
        limiter.isAllowed("route", "c").block();
        limiter.isAllowed("route", "c").block();

        Response refused = limiter.isAllowed("route", "c").block();

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders())
                .containsEntry(TokenBucketRateLimiter.RETRY_AFTER_HEADER, "1")
                .containsEntry(TokenBucketRateLimiter.REMAINING_HEADER, "0")
                .containsEntry(TokenBucketRateLimiter.BURST_HEADER, "2")
                .containsEntry(TokenBucketRateLimiter.REPLENISH_HEADER, "1.0");
    }

    @Test
    void timeRefillsTheBucket() {
        allowed("c");
        allowed("c");
        assertThat(allowed("c")).isFalse();

        clock.addAndGet(1_000_000_000L);

        assertThat(allowed("c")).isTrue();
    }

    private boolean allowed(String client) {
        return limiter.isAllowed("route", client).block().isAllowed();
    }
}
