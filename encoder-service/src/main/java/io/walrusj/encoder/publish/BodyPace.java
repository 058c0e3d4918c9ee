package io.walrusj.encoder.publish;

import io.walrusj.core.status.ErrorStatus;
import io.walrusj.encoder.api.DaemonException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How fast a request body must arrive: after {@code grace}, at least {@code minRate} bytes per
 * second on average since the body started. At any moment {@code t} the body must have delivered
 * {@code (t - grace) * minRate} bytes, so a body of {@code n} bytes (declared or, when chunked,
 * counted; at most the body limit) is complete within {@code grace + n / minRate}. A body behind
 * that, or one whose read waited longer than the per-read timeout (Tomcat's upload timeout, which
 * bounds how late the check can come), is cut with 408 {@code REQUEST_BODY_TIMEOUT}.
 *
 * @param minRate bytes per second; 0 disables the check
 */
public record BodyPace(Duration grace, long minRate, LongSupplier nanoClock) {
    /** No deadline. */
    public static final BodyPace NONE = new BodyPace(Duration.ZERO, 0, System::nanoTime);
    static final String REASON = "REQUEST_BODY_TIMEOUT";

    public BodyPace {
        if (minRate < 0 || grace.isNegative()) {
            throw new IllegalArgumentException("the minimum body rate and its grace period cannot be negative");
        }
    }

    public BodyPace(Duration grace, long minRate) {
        this(grace, minRate, System::nanoTime);
    }

    /** The longest a body of {@code length} bytes may take (practically unbounded without a minimum rate). */
    public Duration totalDeadline(long length) {
        return Duration.ofNanos(allowedNanos(length));
    }

    /** Whether {@code e} is the 408 of a body behind its pace. */
    public static boolean isTooSlow(DaemonException e) {
        return REASON.equals(e.reason());
    }

    /** Starts the clock of one body. */
    public Deadline start() {
        return new Deadline(nanoClock.getAsLong());
    }

    private long allowedNanos(long received) {
        double nanos = minRate == 0 ? Double.MAX_VALUE : grace.toNanos() + received * 1e9 / minRate;
        return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
    }

    /** The pace of one body, checked as its bytes arrive. */
    public final class Deadline {
        private final long startNanos;

        private Deadline(long startNanos) {
            this.startNanos = startNanos;
        }

        /** Throws the 408 if {@code received} bytes are behind the pace now. */
        public void check(long received) {
            if (minRate == 0) {
                return;
            }
            long elapsed = nanoClock.getAsLong() - startNanos;
            if (elapsed > allowedNanos(received)) {
                throw tooSlow(received, elapsed);
            }
        }

        /** A failed read: the 408 if it timed out (nothing arrived for the per-read timeout), else {@code e} itself. */
        public IOException orTimeout(IOException e, long received) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SocketTimeoutException) {
                    throw tooSlow(received, nanoClock.getAsLong() - startNanos);
                }
            }
            return e;
        }

        private DaemonException tooSlow(long received, long elapsedNanos) {
            return new DaemonException(408, ErrorStatus.DEADLINE_EXCEEDED, REASON, String.format(Locale.ROOT,
                    "the request body arrived too slowly: %d bytes in %.1f s (at least %d bytes/s are needed after %d s)",
                    received, elapsedNanos / 1e9, minRate, grace.toSeconds()));
        }
    }
}
