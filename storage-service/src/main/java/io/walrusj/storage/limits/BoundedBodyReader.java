package io.walrusj.storage.limits;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Reads request bodies into memory reserved from a {@link RequestBodyBudget} as the bytes arrive:
 * the buffer starts at {@link #INITIAL_BUFFER} bytes (or the declared length, if smaller) and doubles
 * only when it is full, so a connection that declares megabytes and sends one byte holds one small
 * buffer, not the declared size. Every buffer is reserved before it is allocated; when the budget
 * cannot hold it the read fails with {@link Failure#BUDGET_EXHAUSTED}. A body has a total deadline,
 * {@code max(minTime, expected bytes / minRate)} from the start of the read, checked whenever bytes
 * arrive (a connection that sends nothing at all is ended by the server's idle timeout); a slower body
 * fails with {@link Failure#TOO_SLOW}. On any failure the reservation is given back at once.
 */
public final class BoundedBodyReader {
    /** First buffer of a body. */
    public static final int INITIAL_BUFFER = 64 * 1024;
    /** Largest body a Java array holds. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Why a body was not read. */
    public enum Failure {
        /** the node-wide budget cannot hold the next buffer */
        BUDGET_EXHAUSTED,
        /** the body did not arrive within its deadline */
        TOO_SLOW,
        /** larger than the route's limit (declared or counted) */
        TOO_LARGE,
        /** the stream ended before the declared length */
        TRUNCATED
    }

    /** A body that could not be read; {@link #failure()} says why. */
    public static final class BodyException extends Exception {
        private final Failure failure;

        BodyException(Failure failure, String message) {
            super(message, null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final RequestBodyBudget budget;
    private final long minRate;
    private final Duration minTime;
    private final LongSupplier nanoClock;

    /**
     * @param minRate bytes per second a body must average (over its declared length) to finish in time
     * @param minTime the shortest deadline of any body
     */
    public BoundedBodyReader(RequestBodyBudget budget, long minRate, Duration minTime, LongSupplier nanoClock) {
        if (minRate <= 0) {
            throw new IllegalArgumentException("minRate must be positive: " + minRate);
        }
        this.budget = budget;
        this.minRate = minRate;
        this.minTime = minTime;
        this.nanoClock = nanoClock;
    }

    public BoundedBodyReader(RequestBodyBudget budget, long minRate, Duration minTime) {
        this(budget, minRate, minTime, System::nanoTime);
    }

    public RequestBodyBudget budget() {
        return budget;
    }

    /** The time a body of {@code bytes} may take: {@code max(minTime, bytes / minRate)}. */
    public Duration deadline(long bytes) {
        long nanos = (long) Math.min(Long.MAX_VALUE / 2.0, bytes * 1e9 / minRate);
        return nanos > minTime.toNanos() ? Duration.ofNanos(nanos) : minTime;
    }

    /**
     * Reads a whole body into an array reserved in {@code reservation} (which keeps holding it until
     * the caller closes it at the end of the request).
     *
     * @param declared the Content-Length, or -1 if unknown (chunked)
     * @param limit    the most bytes the route accepts
     */
    public byte[] read(InputStream in, long declared, long limit, RequestBodyBudget.Reservation reservation)
            throws IOException, BodyException {
        long max = Math.min(limit, MAX_ARRAY);
        if (declared > max) {
            throw new BodyException(Failure.TOO_LARGE, "request body of " + declared + " bytes exceeds the limit of "
                    + max + " bytes");
        }
        if (declared == 0) {
            return new byte[0];
        }
        long expected = declared >= 0 ? declared : max;
        long deadline = nanoClock.getAsLong() + deadline(expected).toNanos();
        boolean done = false;
        try {
            byte[] buf = allocate(reservation, (int) Math.min(expected, INITIAL_BUFFER), null, 0);
            int pos = 0;
            while (true) {
                if (pos == buf.length) {
                    if (pos == expected) {
                        if (declared < 0 && in.read() >= 0) {
                            throw new BodyException(Failure.TOO_LARGE, "request body exceeds the limit of " + max + " bytes");
                        }
                        break;
                    }
                    buf = allocate(reservation, (int) Math.min(expected, (long) buf.length * 2), buf, pos);
                }
                int r = in.read(buf, pos, buf.length - pos);
                if (r < 0) {
                    break;
                }
                pos += r;
                if (nanoClock.getAsLong() - deadline > 0 && pos < expected) {
                    throw new BodyException(Failure.TOO_SLOW, "the request body was not received within "
                            + deadline(expected).toMillis() + " ms (" + pos + " of " + expected
                            + " bytes; at least " + minRate + " bytes/s are required)");
                }
            }
            if (declared >= 0 && pos < declared) {
                throw new BodyException(Failure.TRUNCATED, "the request body ended after " + pos + " of " + declared
                        + " bytes");
            }
            if (pos < buf.length) { // a chunked body: trim; the body is complete, so never refused now
                byte[] trimmed = Arrays.copyOf(buf, pos);
                reservation.shrink(buf.length - pos);
                buf = trimmed;
            }
            done = true;
            return buf;
        } finally {
            if (!done) {
                reservation.close();
            }
        }
    }

    /** A new buffer of {@code size} holding the first {@code used} bytes of {@code old}; {@code old}'s reservation is given back. */
    private byte[] allocate(RequestBodyBudget.Reservation reservation, int size, byte[] old, int used) throws BodyException {
        if (!reservation.grow(size)) {
            throw new BodyException(Failure.BUDGET_EXHAUSTED, "request bodies being received hold the node's budget of "
                    + budget.capacity() + " bytes");
        }
        byte[] next = old == null ? new byte[size] : Arrays.copyOf(old, size);
        if (old != null) {
            reservation.shrink(old.length);
        }
        return next;
    }
}
