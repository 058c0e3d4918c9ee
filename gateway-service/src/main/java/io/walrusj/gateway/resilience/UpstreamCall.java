package io.walrusj.gateway.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.walrusj.gateway.web.RequestBodies;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One call to an upstream as its circuit breaker sees it; the breaker learns only what the upstream
 * did. The call holds a breaker permission from its start and records exactly one outcome:
 *
 * <ul>
 * <li>response headers arrived (any status: an upstream 4xx/5xx is an answer) - success;</li>
 * <li>the client's body failed (disconnect, ended short of its {@code Content-Length}, too large,
 *     too slow) or the client went away before the answer - {@link ClientFault}, which the breaker
 *     ignores: the permission (also a half-open trial slot) is handed back, nothing is counted;</li>
 * <li>anything else (connection refused or reset by the upstream, no headers within the time
 *     limit) - failure.</li>
 * </ul>
 *
 * The time limit and the recorded duration start when the request body has been fully handed to the
 * upstream (at once for requests without a body), so a slow uploader is never the upstream's timeout
 * or slow call.
 */
final class UpstreamCall {

    private final CircuitBreaker breaker;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong bodySentNanos = new AtomicLong();
    private final Sinks.Empty<Void> bodySent = Sinks.empty();
    private final AtomicBoolean recorded = new AtomicBoolean();
    private volatile Throwable clientBodyFailure;

    UpstreamCall(CircuitBreaker breaker) {
        this.breaker = breaker;
    }

    /** The request to forward: its body is watched for its end and for the client's failures. */
    ServerHttpRequest watch(ServerHttpRequest request) {
        if (!RequestBodies.hasBody(request)) {
            markBodySent();
            return request;
        }
        long declared = request.getHeaders().getContentLength();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> {
                    AtomicLong seen = new AtomicLong();
                    return super.getBody()
                            .doOnNext(buffer -> seen.addAndGet(buffer.readableByteCount()))
                            .concatWith(Mono.defer(() -> declared >= 0 && seen.get() < declared
                                    ? Mono.error(new ClientFault("the request body ended after " + seen.get()
                                            + " of its " + declared + " declared bytes", null))
                                    : Mono.empty()))
                            .doOnComplete(UpstreamCall.this::markBodySent)
                            .doOnError(failure -> clientBodyFailure = failure);
                });
            }
        };
    }

    /** Errors with a {@link TimeoutException} once {@code timeout} has passed since the body was sent. */
    Mono<Void> timeLimit(Duration timeout) {
        return bodySent.asMono()
                .then(Mono.delay(timeout))
                .then(Mono.error(() -> new TimeoutException(
                        "no response headers within " + timeout + " of sending the request")));
    }

    /** The upstream's response headers arrived. */
    void answered() {
        if (recorded.compareAndSet(false, true)) {
            breaker.onSuccess(upstreamNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * The call failed; returns the failure as the client should hear about it (the client's own fault
     * if its body broke first, whatever the upstream connection reported about it).
     */
    Throwable failed(Throwable failure) {
        Throwable cause = clientBodyFailure != null ? clientBodyFailure : failure;
        if (recorded.compareAndSet(false, true)) {
            if (clientBodyFailure != null || UpstreamFailures.isClientFault(failure)) {
                breaker.onError(upstreamNanos(), TimeUnit.NANOSECONDS, ClientFault.of(cause));
            } else {
                breaker.onError(upstreamNanos(), TimeUnit.NANOSECONDS, failure);
            }
        }
        return cause;
    }

    /** The client went away before the upstream answered: not the upstream's doing. */
    void abandoned() {
        if (recorded.compareAndSet(false, true)) {
            breaker.onError(upstreamNanos(), TimeUnit.NANOSECONDS,
                    new ClientFault("the client went away before the upstream answered", clientBodyFailure));
        }
    }

    private void markBodySent() {
        if (bodySentNanos.compareAndSet(0, System.nanoTime())) {
            bodySent.tryEmitEmpty();
        }
    }

    /** Time the upstream has had: since the body was sent, or since the start if it never was. */
    private long upstreamNanos() {
        long sent = bodySentNanos.get();
        return System.nanoTime() - (sent != 0 ? sent : startedNanos);
    }
}
