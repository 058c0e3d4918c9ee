package io.walrusj.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.walrusj.gateway.WalrusGatewayProperties.TokenBucketPolicy;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketAllowsItsBurstThenRefusesWithTheTimeUntilTheNextToken() {
        TokenBucket bucket = new TokenBucket(new TokenBucketPolicy(2, 3), 0);

        assertThat(bucket.take(0)).isEqualTo(new TokenBucket.Take(true, 2, Duration.ZERO));
        assertThat(bucket.take(0).remaining()).isEqualTo(1);
        assertThat(bucket.take(0).remaining()).isZero();
        TokenBucket.Take refused = bucket.take(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500)); // 2 tokens per second
    }

    @Test
    void tokensComeBackAtTheReplenishRate() {
        TokenBucket bucket = new TokenBucket(new TokenBucketPolicy(2, 1), 0);
        assertThat(bucket.take(0).allowed()).isTrue();

        assertThat(bucket.take(SECOND / 4).allowed()).isFalse(); // half a token
        assertThat(bucket.take(SECOND / 2).allowed()).isTrue();  // a whole one
        assertThat(bucket.take(SECOND / 2).allowed()).isFalse();
    }

    @Test
    void anIdleBucketFillsUpToItsBurstAndNoFurther() {
        TokenBucket bucket = new TokenBucket(new TokenBucketPolicy(10, 2), 0);
        bucket.take(0);
        bucket.take(0);

        long anHourLater = 3600 * SECOND;
        assertThat(bucket.take(anHourLater).allowed()).isTrue();
        assertThat(bucket.take(anHourLater).allowed()).isTrue();
        assertThat(bucket.take(anHourLater).allowed()).isFalse();
    }
}
