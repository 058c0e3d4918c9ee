package io.walrusj.encoder.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReplayGuardTest {
    final AtomicLong now = new AtomicLong(1000);

    @Test
    void aTokenIdIsUsableOnceUntilItExpiresPlusLeeway() {
        ReplayGuard guard = new ReplayGuard(10, now::get);
        assertThat(guard.tryUse("a", 1100)).isTrue();
        assertThat(guard.tryUse("a", 1100)).isFalse();
        now.set(1100 + JwtDecoder.LEEWAY_SECONDS);
        assertThat(guard.tryUse("a", 1100)).isFalse();
        now.set(1100 + JwtDecoder.LEEWAY_SECONDS + 1);
        assertThat(guard.tryUse("b", 5000)).isTrue();
        assertThat(guard.size()).isEqualTo(1); // "a" purged
        assertThat(guard.tryUse("a", 1100)).isTrue();
    }

    @Test
    void boundedByEvictingTheEarliestExpiry() {
        ReplayGuard guard = new ReplayGuard(2, now::get);
        assertThat(guard.tryUse("late", 9000)).isTrue();
        assertThat(guard.tryUse("early", 2000)).isTrue();
        assertThat(guard.tryUse("third", 5000)).isTrue();
        assertThat(guard.size()).isEqualTo(2);
        assertThat(guard.tryUse("late", 9000)).isFalse();
        assertThat(guard.tryUse("third", 5000)).isFalse();
    }

    @Test
    void releaseForgetsAToken() {
        ReplayGuard guard = new ReplayGuard(2, now::get);
        guard.tryUse("a", Long.MAX_VALUE);
        guard.release("a");
        assertThat(guard.size()).isZero();
        assertThat(guard.tryUse("a", Long.MAX_VALUE)).isTrue();
    }
}
