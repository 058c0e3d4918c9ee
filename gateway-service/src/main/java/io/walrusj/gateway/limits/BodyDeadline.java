package io.walrusj.gateway.limits;

import java.time.Duration;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The time a client gets to send a request body: a fixed grace plus the body's size at a minimum
 * rate. A slow sender (a byte every few seconds keeps any idle timeout happy) is cut when the total
 * runs out, however steadily it trickles, so it cannot hold gateway or upstream resources for longer.
 */
public final class BodyDeadline {

    private final Duration grace;
    private final long minimumBytesPerSecond;

    public BodyDeadline(Duration grace, long minimumBytesPerSecond) {
        if (grace.isNegative() || minimumBytesPerSecond <= 0) {
            throw new IllegalArgumentException("body deadline needs grace >= 0 and a minimum rate > 0");
        }
        this.grace = grace;
        this.minimumBytesPerSecond = minimumBytesPerSecond;
    }

    /** The total time for a body of {@code sizeBytes}. */
    public Duration forSize(long sizeBytes) {
        long millis = Math.ceilDiv(Math.max(0, sizeBytes), minimumBytesPerSecond) * 1000;
        return grace.plusMillis(Math.min(millis, Duration.ofDays(1).toMillis()));
    }

    /**
     * {@code body}, failing with {@link RequestBodyTooSlowException} if it has not completed within
     * {@link #forSize} of subscription.
     */
    public Flux<DataBuffer> enforce(Flux<DataBuffer> body, long sizeBytes) {
        Duration allowed = forSize(sizeBytes);
        return Flux.defer(() -> {
            long deadline = System.nanoTime() + allowed.toNanos();
            return body.timeout(untilDeadline(deadline), buffer -> untilDeadline(deadline),
                    Flux.error(() -> new RequestBodyTooSlowException("the request body did not arrive within "
                            + allowed.toMillis() + " ms (" + grace.toMillis() + " ms plus " + sizeBytes
                            + " bytes at " + minimumBytesPerSecond + " bytes/s)")));
        });
    }

    private static Mono<Long> untilDeadline(long deadlineNanos) {
        return Mono.delay(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
    }

    @Override
    public String toString() {
        return grace.toMillis() + " ms + size at " + minimumBytesPerSecond + " B/s";
    }
}
