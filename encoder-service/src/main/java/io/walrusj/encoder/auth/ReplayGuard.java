package io.walrusj.encoder.auth;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * Remembers used token ids ({@code jti}) until their token can no longer be accepted
 * ({@code exp} + the decoder's leeway), so a token is accepted once. In memory and bounded: expired
 * entries are purged on every insert, and when the bound is still reached the entry that expires
 * first is evicted (it is the one closest to being harmless). Thread-safe.
 */
public final class ReplayGuard {
    private record Entry(long expiresAt, String jti) {}

    private final int capacity;
    private final LongSupplier nowSeconds;
    private final Map<String, Long> expiryByJti = new HashMap<>();
    private final TreeSet<Entry> byExpiry = new TreeSet<>(
            Comparator.comparingLong(Entry::expiresAt).thenComparing(Entry::jti));

    public ReplayGuard(int capacity, LongSupplier nowSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the replay cache needs room for at least one token");
        }
        this.capacity = capacity;
        this.nowSeconds = nowSeconds;
    }

    /** Records {@code jti} as used until {@code exp}; false if it is already recorded (a replay). */
    public synchronized boolean tryUse(String jti, long exp) {
        purgeExpired();
        if (expiryByJti.containsKey(jti)) {
            return false;
        }
        if (expiryByJti.size() >= capacity) {
            Entry first = byExpiry.pollFirst();
            expiryByJti.remove(first.jti());
        }
        long expiresAt = saturatingAdd(exp, JwtDecoder.LEEWAY_SECONDS);
        expiryByJti.put(jti, expiresAt);
        byExpiry.add(new Entry(expiresAt, jti));
        return true;
    }

    /** Forgets {@code jti}: its request was refused after the token was recorded, so it was not used. */
    public synchronized void release(String jti) {
        Long expiresAt = expiryByJti.remove(jti);
        if (expiresAt != null) {
            byExpiry.remove(new Entry(expiresAt, jti));
        }
    }

    public synchronized int size() {
        return expiryByJti.size();
    }

    private void purgeExpired() {
        long now = nowSeconds.getAsLong();
        while (!byExpiry.isEmpty() && byExpiry.first().expiresAt() < now) {
            expiryByJti.remove(byExpiry.pollFirst().jti());
        }
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }
}
