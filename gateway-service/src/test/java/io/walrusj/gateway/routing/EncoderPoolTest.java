package io.walrusj.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class EncoderPoolTest {

    private static final URI A = URI.create("http://a:8081");
    private static final URI B = URI.create("http://b:8081");
    private static final URI C = URI.create("http://c:8081");

    private final AtomicLong clock = new AtomicLong();
    private final EncoderPool pool = new EncoderPool(List.of(A, B, C), Duration.ofSeconds(5), clock::get);

    @Test
    void replicasTakeTurns() {
        assertThat(choose(6)).containsExactly(A, B, C, A, B, C);
    }

    @Test
    void anUnreachableReplicaIsSkippedUntilItsBenchTimeIsOver() {
        pool.reportUnreachable(B);
        assertThat(choose(4)).doesNotContain(B).contains(A, C);

        clock.addAndGet(Duration.ofSeconds(5).toNanos());

        assertThat(choose(3)).contains(B);
    }

    @Test
    void aReplicaThatAnsweredIsBackAtOnce() {
        pool.reportUnreachable(B);
        pool.reportReachable(B);

        assertThat(choose(3)).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void whenEveryReplicaIsBenchedTheyAreStillTried() {
        pool.reportUnreachable(A);
        pool.reportUnreachable(B);
        pool.reportUnreachable(C);

        assertThat(choose(3)).containsExactlyInAnyOrder(A, B, C);
    }

    private List<URI> choose(int times) {
        return IntStream.range(0, times).mapToObj(i -> pool.choose()).toList();
    }
}
