package io.walrusj.gateway.limits;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.error.ErrorResponder;
import io.walrusj.gateway.error.GatewayError;
import reactor.core.publisher.Mono;

/**
 * Asks a {@link RateLimiter} about the client of each request and answers 429 with a Walrus-style
 * JSON error and {@code Retry-After} when it says no. (Spring Cloud Gateway's RequestRateLimiter
 * filter does the same with an empty body.)
 */
public class RateLimitFilter implements GatewayFilter {

    private final RateLimiter<?> limiter;
    private final KeyResolver clientKeys;
    private final ErrorResponder errors;

    public RateLimitFilter(RateLimiter<?> limiter, KeyResolver clientKeys, ErrorResponder errors) {
        this.limiter = limiter;
        this.clientKeys = clientKeys;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return clientKeys.resolve(exchange)
                .flatMap(key -> limiter.isAllowed(routeId(exchange), key))
                .flatMap(decision -> {
                    if (decision.isAllowed()) {
                        return chain.filter(exchange);
                    }
                    decision.getHeaders().forEach(exchange.getResponse().getHeaders()::set);
                    return errors.respond(exchange, GatewayError.rateLimited());
                });
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "";
    }

    @Override
    public String toString() {
        return "RateLimit[" + limiter + "]";
    }
}
