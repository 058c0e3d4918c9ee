package io.walrusj.storage.limits;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The node-wide budget of bytes held in request-body buffers: every buffer a request body is read
 * into is reserved here first, so the bodies of all connections together never hold more than
 * {@link #capacity()} bytes, however many connections there are and whatever they declare. A request
 * reserves through its own {@link Reservation}, which it grows as bytes arrive and closes when the
 * request ends.
 */
public final class RequestBodyBudget {
    private final long capacity;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    public RequestBodyBudget(long capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    /** Bytes reserved now, by all requests. */
    public long reserved() {
        return reserved.get();
    }

    /** Reservations refused because the budget was exhausted, since start. */
    public long refusals() {
        return refusals.get();
    }

    /** A new, empty share of the budget for one request. */
    public Reservation open() {
        return new Reservation();
    }

    private boolean tryReserve(long bytes) {
        while (true) {
            long current = reserved.get();
            if (current + bytes > capacity) {
                refusals.incrementAndGet();
                return false;
            }
            if (reserved.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
    }

    /** One request's share of the budget. Used by the request's thread; {@link #close()} may be called more than once. */
    public final class Reservation implements AutoCloseable {
        private final AtomicLong held = new AtomicLong();

        private Reservation() {}

        /** Reserves {@code bytes} more; false (nothing reserved) if the budget cannot hold them. */
        public boolean grow(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("negative reservation: " + bytes);
            }
            if (!tryReserve(bytes)) {
                return false;
            }
            held.addAndGet(bytes);
            return true;
        }

        /** Gives back {@code bytes} of this reservation (a buffer replaced by a larger one). */
        public void shrink(long bytes) {
            if (bytes < 0 || bytes > held.get()) {
                throw new IllegalArgumentException("cannot release " + bytes + " of " + held.get() + " bytes");
            }
            held.addAndGet(-bytes);
            reserved.addAndGet(-bytes);
        }

        public long held() {
            return held.get();
        }

        /** Gives back everything this request holds. */
        @Override
        public void close() {
            reserved.addAndGet(-held.getAndSet(0));
        }
    }
}
