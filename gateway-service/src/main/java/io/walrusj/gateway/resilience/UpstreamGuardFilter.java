package io.walrusj.gateway.resilience;

import java.time.Duration;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.walrusj.gateway.error.ErrorResponder;
import reactor.core.publisher.Mono;

/**
 * Runs the call to the upstream under its Resilience4j circuit breaker and time limit (the wait for
 * the response headers once the request body is sent), and answers failures with a Walrus-style
 * JSON error (503 unreachable or circuit open, 504 timeout, 413 body too large, 408 body too slow).
 * The body of a successful answer is written after this filter completes, so long downloads are
 * never cut by the time limit. What counts against the circuit is decided by {@link UpstreamCall}.
 *
 * <p>Spring Cloud Gateway's own CircuitBreaker filter is not used: with a fallback URI it caches
 * the whole request body in memory (to replay it to the fallback), which defeats streaming writes;
 * and Spring Cloud CircuitBreaker's {@code run} cannot tell a client's failure from the upstream's.
 */
public class UpstreamGuardFilter implements GatewayFilter {

    private final String upstream;
    private final CircuitBreaker circuitBreaker;
    private final Duration timeout;
    private final ErrorResponder errors;

    public UpstreamGuardFilter(String upstream, CircuitBreaker circuitBreaker, Duration timeout, ErrorResponder errors) {
        this.upstream = upstream;
        this.circuitBreaker = circuitBreaker;
        this.timeout = timeout;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> {
            if (!circuitBreaker.tryAcquirePermission()) {
                return errors.respond(exchange, UpstreamFailures.toError(upstream,
                        CallNotPermittedException.createCallNotPermittedException(circuitBreaker)));
            }
            UpstreamCall call = new UpstreamCall(circuitBreaker);
            Mono<Void> proxied = chain.filter(exchange.mutate().request(call.watch(exchange.getRequest())).build());
            return Mono.firstWithSignal(proxied, call.timeLimit(timeout))
                    .doOnSuccess(done -> call.answered())
                    .doOnCancel(call::abandoned)
                    .onErrorResume(failure -> errors.respond(exchange,
                            UpstreamFailures.toError(upstream, call.failed(failure))));
        });
    }

    @Override
    public String toString() {
        return "UpstreamGuard[" + upstream + "]";
    }
}
