package io.walrusj.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Round-robin over the encoder replicas. A replica that refused a connection is skipped for a
 * while (passive health checking), so one dead replica does not fail every n-th request; when all
 * are benched, plain round robin resumes, since failing fast helps nobody more than trying.
 */
public final class EncoderPool {

    private final List<URI> replicas;
    private final long benchNanos;
    private final LongSupplier nanoClock;
    private final AtomicLong next = new AtomicLong();
    private final ConcurrentHashMap<URI, Long> benchedUntil = new ConcurrentHashMap<>();

    public EncoderPool(List<URI> replicas, Duration benchTime, LongSupplier nanoClock) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("an encoder pool needs at least one replica");
        }
        this.replicas = List.copyOf(replicas);
        this.benchNanos = benchTime.toNanos();
        this.nanoClock = nanoClock;
    }

    public List<URI> replicas() {
        return replicas;
    }

    /** The replica for the next request. */
    public URI choose() {
        long now = nanoClock.getAsLong();
        int size = replicas.size();
        long start = Math.floorMod(next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            URI candidate = replicas.get((int) ((start + i) % size));
            Long until = benchedUntil.get(candidate);
            if (until == null || until - now <= 0) {
                return candidate;
            }
        }
        return replicas.get((int) start);
    }

    /** Called when a replica could not be reached at all (connection refused or connect timeout). */
    public void reportUnreachable(URI replica) {
        benchedUntil.put(replica, nanoClock.getAsLong() + benchNanos);
    }

    /** Called when a replica answered: it is back in the rotation at once. */
    public void reportReachable(URI replica) {
        benchedUntil.remove(replica);
    }
}
