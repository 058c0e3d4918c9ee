package io.walrusj.encoder.read;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs one attempt per key (in the given order, each on its own virtual thread) until {@code needed}
 * attempts succeeded, the listener says stop, the keys are used up or the deadline passes. At most
 * {@code maxInFlight} attempts run at once, and no more than are still needed; a failed attempt is
 * replaced by the next key. When nothing finished for {@code hedgeDelay}, one extra key is started,
 * so one slow node does not hold up a read that others can serve. When the race ends, attempts still
 * running are cancelled (interrupted) and not waited for.
 *
 * <p>The listener runs on the caller's thread, one event at a time, so it needs no locking.
 */
final class RequestRace {
    private RequestRace() {}

    @FunctionalInterface
    interface Attempt<K, V> {
        V run(K key) throws Exception;
    }

    /** Sees every finished attempt; returning true ends the race. */
    interface Listener<K, V> {
        default boolean succeeded(K key, V value) {
            return false;
        }

        default boolean failed(K key, Exception error) {
            return false;
        }
    }

    /**
     * @param maxInFlight attempts running at once (hedged extras may double it)
     * @param hedgeDelay  quiet time after which one more key is tried
     * @param timeout     the whole race's deadline
     */
    record Limits(int maxInFlight, Duration hedgeDelay, Duration timeout) {
        Limits {
            if (maxInFlight < 1 || hedgeDelay.isNegative() || hedgeDelay.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("invalid race limits " + maxInFlight + " / " + hedgeDelay + " / " + timeout);
            }
        }
    }

    /**
     * @param successes in completion order
     * @param failures  in completion order
     * @param started   attempts started (hedges included)
     * @param stopped   the listener ended the race
     */
    record Outcome<K, V>(Map<K, V> successes, Map<K, Exception> failures, int started, boolean timedOut, boolean stopped) {}

    private record Finished<K, V>(K key, V value, Exception error) {}

    static <K, V> Outcome<K, V> run(List<K> keys, int needed, Attempt<K, V> attempt, Listener<K, V> listener, Limits limits) {
        Map<K, V> successes = new LinkedHashMap<>();
        Map<K, Exception> failures = new LinkedHashMap<>();
        if (needed <= 0) {
            return new Outcome<>(successes, failures, 0, false, false);
        }
        BlockingQueue<Finished<K, V>> finished = new LinkedBlockingQueue<>();
        Map<K, Future<?>> running = new HashMap<>();
        Iterator<K> next = keys.iterator();
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("aggregator-fetch-", 0).factory());
        long deadline = System.nanoTime() + limits.timeout().toNanos();
        int started = 0;
        boolean timedOut = false;
        boolean stopped = false;
        try {
            started += topUp(next, running, finished, executor, attempt, Math.min(needed, limits.maxInFlight()));
            while (successes.size() < needed && !running.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    timedOut = true;
                    break;
                }
                Finished<K, V> f = finished.poll(Math.min(remaining, limits.hedgeDelay().toNanos()), TimeUnit.NANOSECONDS);
                if (f == null) {
                    if (running.size() < 2 * limits.maxInFlight()) {
                        started += topUp(next, running, finished, executor, attempt, running.size() + 1); // hedge
                    }
                    continue;
                }
                running.remove(f.key());
                if (f.error() == null) {
                    successes.put(f.key(), f.value());
                    stopped = listener.succeeded(f.key(), f.value());
                } else {
                    failures.put(f.key(), f.error());
                    stopped = listener.failed(f.key(), f.error());
                }
                if (stopped) {
                    break;
                }
                int target = Math.min(needed - successes.size(), limits.maxInFlight());
                started += topUp(next, running, finished, executor, attempt, target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            timedOut = true;
        } finally {
            running.values().forEach(r -> r.cancel(true));
            executor.shutdownNow();
        }
        return new Outcome<>(successes, failures, started, timedOut, stopped);
    }

    /** Starts keys until {@code target} attempts run or no keys are left; returns how many started. */
    private static <K, V> int topUp(Iterator<K> next, Map<K, Future<?>> running, BlockingQueue<Finished<K, V>> finished,
            ExecutorService executor, Attempt<K, V> attempt, int target) {
        int started = 0;
        while (running.size() < target && next.hasNext()) {
            K key = next.next();
            if (running.containsKey(key)) {
                continue;
            }
            running.put(key, executor.submit(() -> {
                try {
                    finished.add(new Finished<>(key, attempt.run(key), null));
                } catch (Exception e) {
                    finished.add(new Finished<>(key, null, e));
                } catch (Throwable t) {
                    finished.add(new Finished<>(key, null, new IllegalStateException(t)));
                }
            }));
            started++;
        }
        return started;
    }
}
