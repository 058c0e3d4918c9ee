package io.walrusj.chain.follow;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th consecutive failure (n >= 1) waits
 * {@code base(n) = min(max, initial * multiplier^(n-1))} reduced by a random fraction of at most
 * {@code jitter}, i.e. a delay uniformly drawn from {@code [base(n) * (1 - jitter), base(n)]}.
 * The delay never exceeds {@code max}, and jitter spreads retries of many followers hitting the
 * same endpoint.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 200 ms, doubling, capped at 30 s, up to 50 % jitter. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), 2.0, 0.5);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + ", " + max);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1]: " + jitter);
        }
    }

    /** The un-jittered delay before retry number {@code attempt} (1-based). */
    public Duration base(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        double nanos = initial.toNanos() * Math.pow(multiplier, attempt - 1);
        return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
    }

    /** The jittered delay before retry number {@code attempt} (1-based). */
    public Duration delay(int attempt, RandomGenerator random) {
        long base = base(attempt).toNanos();
        double cut = jitter * random.nextDouble();
        return Duration.ofNanos(Math.max(0, (long) (base * (1.0 - cut))));
    }
}
