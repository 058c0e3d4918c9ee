package io.walrusj.encoder.api;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tower's {@code LoadShed(Buffer(ConcurrencyLimit))} for the write routes: {@code concurrent}
 * requests run, up to {@code buffered} more wait for a slot, anything beyond is refused at once.
 * Waiting blocks the (virtual) request thread.
 */
public final class LoadShedder {
    private final Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int capacity;

    public LoadShedder(int concurrent, int buffered) {
        if (concurrent < 1 || buffered < 0) {
            throw new IllegalArgumentException("need at least one concurrent request and a non-negative buffer");
        }
        this.running = new Semaphore(concurrent, true);
        this.capacity = concurrent + buffered;
    }

    /** A permit to run (after waiting for a slot), or empty if running and waiting requests are at capacity. */
    public Optional<Permit> tryAdmit() throws InterruptedException {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            return Optional.empty();
        }
        try {
            running.acquire();
        } catch (InterruptedException e) {
            admitted.decrementAndGet();
            throw e;
        }
        return Optional.of(new Permit());
    }

    /** Requests running or waiting. */
    public int inFlight() {
        return admitted.get();
    }

    /** Releases the slot when closed (once). */
    public final class Permit implements AutoCloseable {
        private boolean closed;

        private Permit() {}

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                running.release();
                admitted.decrementAndGet();
            }
        }
    }
}
