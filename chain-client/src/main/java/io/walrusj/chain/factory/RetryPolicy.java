package io.walrusj.chain.factory;

import io.walrusj.chain.follow.Backoff;
import io.walrusj.chain.rpc.SuiTransportException;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The one retry policy of a {@link Chain}: reads that fail with a {@link SuiTransportException}
 * (connection refused or reset, timeout, HTTP 5xx, gRPC {@code UNAVAILABLE} /
 * {@code DEADLINE_EXCEEDED} / ...) are tried again after {@link Backoff#delay}, up to
 * {@code maxAttempts} attempts in all; every other failure (a missing object, an undecodable one,
 * a JSON-RPC or gRPC error answer) is final at once. The followers use the same {@code backoff} for
 * their own reconnect loop. Writes are never retried (a retry could apply twice).
 *
 * @param backoff delays between attempts (by default {@link Backoff#DEFAULT}: 200 ms doubling to 30 s, jitter 0.5)
 * @param maxAttempts attempts per read, at least 1 (1 = no retry)
 */
public record RetryPolicy(Backoff backoff, int maxAttempts) {

    /** {@link Backoff#DEFAULT}, 5 attempts. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Backoff.DEFAULT, 5);

    public RetryPolicy {
        Objects.requireNonNull(backoff, "backoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
        }
    }

    /** Runs {@code read}, retrying transport failures; an interrupt while waiting ends with the last failure. */
    public <T> T call(Supplier<T> read) {
        for (int attempt = 1; ; attempt++) {
            try {
                return read.get();
            } catch (SuiTransportException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                try {
                    Thread.sleep(backoff.delay(attempt, RandomGenerator.getDefault()));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }
}
