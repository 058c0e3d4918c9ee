package io.walrusj.encoder.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class RequestRaceTest {
    static final RequestRace.Limits LIMITS = new RequestRace.Limits(4, Duration.ofMillis(100), Duration.ofSeconds(10));
    static final RequestRace.Listener<Integer, Integer> NONE = new RequestRace.Listener<>() { };

    static List<Integer> keys(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void startsOnlyWhatIsNeededAndReplacesFailures() {
        Set<Integer> asked = ConcurrentHashMap.newKeySet();
        RequestRace.Outcome<Integer, Integer> o = RequestRace.run(keys(10), 3, k -> {
            asked.add(k);
            if (k == 1) {
                throw new IOException("down");
            }
            return k * 10;
        }, NONE, LIMITS);
        assertThat(o.successes()).containsOnlyKeys(0, 2, 3).containsEntry(2, 20);
        assertThat(o.failures()).containsOnlyKeys(1);
        assertThat(asked).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(o.timedOut()).isFalse();
    }

    @Test
    void slowAttemptsAreHedgedAndCancelledOnceEnoughSucceeded() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();
        RequestRace.Outcome<Integer, Integer> o = RequestRace.run(keys(5), 2, k -> {
            if (k == 0) {
                try {
                    Thread.sleep(30_000);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                    throw e;
                }
            }
            return k;
        }, NONE, LIMITS);
        assertThat(o.successes()).containsOnlyKeys(1, 2);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the slow attempt was cancelled").isTrue();
    }

    @Test
    void neverMoreThanMaxInFlightWithoutHedging() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        RequestRace.run(keys(40), 40, k -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(5);
            running.decrementAndGet();
            return k;
        }, NONE, new RequestRace.Limits(4, Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(peak.get()).isLessThanOrEqualTo(4);
    }

    @Test
    void theDeadlineEndsTheRace() {
        RequestRace.Outcome<Integer, Integer> o = RequestRace.run(keys(3), 3, k -> {
            Thread.sleep(30_000);
            return k;
        }, NONE, new RequestRace.Limits(4, Duration.ofMillis(50), Duration.ofMillis(300)));
        assertThat(o.timedOut()).isTrue();
        assertThat(o.successes()).isEmpty();
    }

    @Test
    void theListenerCanStopTheRace() {
        RequestRace.Outcome<Integer, Integer> o = RequestRace.run(keys(10), 10, k -> {
            throw new IOException("no");
        }, new RequestRace.Listener<>() {
            int failures;

            @Override
            public boolean failed(Integer key, Exception error) {
                return ++failures == 2;
            }
        }, new RequestRace.Limits(1, Duration.ofSeconds(5), Duration.ofSeconds(10)));
        assertThat(o.stopped()).isTrue();
        assertThat(o.failures()).hasSize(2);
        assertThat(o.started()).isEqualTo(2);
    }

    @Test
    void runsOutOfKeys() {
        RequestRace.Outcome<Integer, Integer> o = RequestRace.run(keys(3), 5, k -> k, NONE, LIMITS);
        assertThat(o.successes()).hasSize(3);
        assertThat(o.timedOut()).isFalse();
    }
}
