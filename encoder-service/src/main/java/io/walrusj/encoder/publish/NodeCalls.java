package io.walrusj.encoder.publish;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.walrusj.chain.committee.CommitteeSnapshot;
import io.walrusj.nodeclient.NodeApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resilience around storage-node calls: one circuit breaker per node (shared by all stores: a dead
 * node fails fast instead of costing every store its timeouts) inside a retry with exponential,
 * jittered backoff. Only transient failures are retried: I/O errors, 5xx, 429, and the 400s that
 * mean "not yet" (NOT_REGISTERED: the node has not seen the registration event; CACHE_SATURATED:
 * its pending buffer is full; METADATA_NOT_FOUND for a sliver while the node moves buffered
 * metadata into its store (the sliver upload re-sends the metadata); for confirmations also
 * MISSING_SLIVERS while buffered slivers are flushed). Other 4xx are final.
 */
final class NodeCalls {
    private static final Logger LOG = LoggerFactory.getLogger(NodeCalls.class);
    private final CircuitBreakerRegistry breakers;
    private final Retry uploads;
    private final Retry confirmations;

    NodeCalls(int uploadAttempts, Duration firstBackoff) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(3)
                .recordException(NodeCalls::isNodeFault)
                .build());
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(firstBackoff, 2.0, 0.5,
                firstBackoff.multipliedBy(10));
        this.uploads = Retry.of("node-upload", RetryConfig.custom().maxAttempts(Math.max(1, uploadAttempts))
                .intervalFunction(backoff).retryOnException(NodeCalls::isTransient).build());
        // Confirmations wait longer: the node may still be catching up with the registration event.
        this.confirmations = Retry.of("node-confirmation", RetryConfig.custom()
                .maxAttempts(Math.max(1, 2 * uploadAttempts)).intervalFunction(backoff)
                .retryOnException(t -> isTransient(t) || hasReason(t, "MISSING_SLIVERS")).build());
        for (Retry retry : new Retry[] {uploads, confirmations}) {
            retry.getEventPublisher().onRetry(e -> LOG.debug("{} attempt {} failed, retrying in {} ms: {}",
                    e.getName(), e.getNumberOfRetryAttempts(), e.getWaitInterval().toMillis(),
                    String.valueOf(e.getLastThrowable())));
        }
    }

    <T> T upload(CommitteeSnapshot.Member node, CheckedSupplier<T> call) throws Exception {
        return run(Retry.decorateCheckedSupplier(uploads, CircuitBreaker.decorateCheckedSupplier(breaker(node), call)));
    }

    <T> T confirmation(CommitteeSnapshot.Member node, CheckedSupplier<T> call) throws Exception {
        return run(Retry.decorateCheckedSupplier(confirmations,
                CircuitBreaker.decorateCheckedSupplier(breaker(node), call)));
    }

    /** One attempt through the node's breaker (status probes: a missing answer is not worth waiting for). */
    <T> T once(CommitteeSnapshot.Member node, CheckedSupplier<T> call) throws Exception {
        return run(CircuitBreaker.decorateCheckedSupplier(breaker(node), call));
    }

    private static <T> T run(CheckedSupplier<T> decorated) throws Exception {
        try {
            return decorated.get();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(t);
        }
    }

    CircuitBreaker breaker(CommitteeSnapshot.Member node) {
        return breakers.circuitBreaker(node.nodeId().toString());
    }

    static boolean isTransient(Throwable t) {
        // a cancelled call: the interrupt may have been consumed by the blocking call that turned it
        // into an InterruptedIOException (a socket timeout is one too, and is transient)
        if (Thread.currentThread().isInterrupted()
                || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
            return false;
        }
        if (t instanceof NodeApiException e) {
            return e.httpStatus() >= 500 || e.httpStatus() == 429 || e.hasReason("NOT_REGISTERED")
                    || e.hasReason("CACHE_SATURATED") || e.hasReason("METADATA_NOT_FOUND");
        }
        return t instanceof IOException;
    }

    /** What counts against a node's health: no answer, or a server-side failure. */
    static boolean isNodeFault(Throwable t) {
        if (t instanceof NodeApiException e) {
            return e.httpStatus() >= 500 || e.httpStatus() == 429;
        }
        return t instanceof IOException;
    }

    private static boolean hasReason(Throwable t, String reason) {
        return t instanceof NodeApiException e && e.hasReason(reason);
    }
}
