package io.walrusj.gateway.resilience;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.error.ErrorResponder;
import reactor.core.publisher.Mono;

/**
 * Runs the call to the upstream inside a Spring Cloud (Resilience4j) circuit breaker whose time
 * limiter bounds the wait for the upstream's response headers, and answers failures with a
 * Walrus-style JSON error (503 unreachable or circuit open, 504 timeout, 413 body too large).
 * The body of a successful answer is written after this filter completes, so long downloads are
 * never cut by the time limit. Upstream error statuses are answers, not failures: they pass
 * through untouched and do not count against the circuit.
 *
 * <p>Spring Cloud Gateway's own CircuitBreaker filter is not used: with a fallback URI it caches
 * the whole request body in memory (to replay it to the fallback), which defeats streaming writes.
 */
public class UpstreamGuardFilter implements GatewayFilter {

    private final String upstream;
    private final ReactiveCircuitBreaker circuitBreaker;
    private final ErrorResponder errors;

    public UpstreamGuardFilter(String upstream, ReactiveCircuitBreaker circuitBreaker, ErrorResponder errors) {
        this.upstream = upstream;
        this.circuitBreaker = circuitBreaker;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return circuitBreaker.run(chain.filter(exchange),
                failure -> errors.respond(exchange, UpstreamFailures.toError(upstream, failure)));
    }

    @Override
    public String toString() {
        return "UpstreamGuard[" + upstream + "]";
    }
}
