package io.walrusj.encoder.api;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tower's {@code LoadShed(Buffer(ConcurrencyLimit))} for the write routes: {@code concurrent}
 * requests run, up to {@code buffered} more wait for a slot, anything beyond is refused at once.
 * Waiting blocks the (virtual) request thread. One client (by the key the caller gives) may hold at
 * most {@code perClient} of the running and waiting places, so a single client cannot take them all.
 */
public final class LoadShedder {
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perClientAdmitted = new ConcurrentHashMap<>();
    private final int capacity;
    private final int perClient;

    /** No per-client cap (each client may use every place). */
    public LoadShedder(int concurrent, int buffered) {
        this(concurrent, buffered, concurrent + buffered);
    }

    public LoadShedder(int concurrent, int buffered, int perClient) {
        if (concurrent < 1 || buffered < 0 || perClient < 1) {
            throw new IllegalArgumentException("need at least one concurrent request, a non-negative buffer and a per-client cap of at least one");
        }
        this.running = new Semaphore(concurrent, true);
        this.capacity = concurrent + buffered;
        this.perClient = perClient;
    }

    /** {@link #tryAdmit(String)} for an anonymous client (no per-client accounting beyond the shared key). */
    public Optional<Permit> tryAdmit() throws InterruptedException {
        return tryAdmit("");
    }

    /**
     * A permit to run (after waiting for a slot), or empty if running and waiting requests are at
     * capacity or {@code client} already holds its share of them.
     */
    public Optional<Permit> tryAdmit(String client) throws InterruptedException {
        if (!claimClientPlace(client)) {
            return Optional.empty();
        }
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            releaseClientPlace(client);
            return Optional.empty();
        }
        try {
            running.acquire();
        } catch (InterruptedException e) {
            admitted.decrementAndGet();
            releaseClientPlace(client);
            throw e;
        }
        return Optional.of(new Permit(client));
    }

    /** Requests running or waiting. */
    public int inFlight() {
        return admitted.get();
    }

    /** Requests of {@code client} running or waiting. */
    public int inFlight(String client) {
        return perClientAdmitted.getOrDefault(client, 0);
    }

    private boolean claimClientPlace(String client) {
        boolean[] claimed = {false};
        perClientAdmitted.compute(client, (k, held) -> {
            int n = held == null ? 0 : held;
            if (n >= perClient) {
                return held;
            }
            claimed[0] = true;
            return n + 1;
        });
        return claimed[0];
    }

    private void releaseClientPlace(String client) {
        perClientAdmitted.computeIfPresent(client, (k, held) -> held <= 1 ? null : held - 1);
    }

    /** Releases the slot when closed (once). */
    public final class Permit implements AutoCloseable {
        private final String client;
        private boolean closed;

        private Permit(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                running.release();
                admitted.decrementAndGet();
                releaseClientPlace(client);
            }
        }
    }
}
