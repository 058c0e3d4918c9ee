package io.walrusj.gateway.routing;

import static io.walrusj.gateway.routing.EncoderPoolFilter.POOL_URI;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.stream.Stream;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.walrusj.gateway.WalrusGatewayProperties;
import io.walrusj.gateway.auth.ApiKeys;
import io.walrusj.gateway.auth.WriteAuthFilter;
import io.walrusj.gateway.auth.WriteQuotas;
import io.walrusj.gateway.cache.BlobCache;
import io.walrusj.gateway.cache.BlobCacheFilter;
import io.walrusj.gateway.error.ErrorResponder;
import io.walrusj.gateway.limits.BodyDeadline;
import io.walrusj.gateway.limits.BodySizeLimitFilter;
import io.walrusj.gateway.limits.RateLimitFilter;
import io.walrusj.gateway.limits.RateLimitSetup;
import io.walrusj.gateway.limits.TokenBucketRateLimiter;
import io.walrusj.gateway.resilience.CircuitBreakerSetup;
import io.walrusj.gateway.resilience.UpstreamGuardFilter;

/**
 * The public route table: exactly the operations of the OpenAPI document, each implemented by its
 * upstream (walrusj's encoder has no quilt routes, so neither has the gateway; anything else is the
 * gateway's 404). Walrus publisher/aggregator paths go to the encoder pool unchanged; the
 * chain-indexer's query API, whose {@code /v1/blobs/{id}} would collide with the aggregator's, is
 * published under {@code /indexer} and forwarded without that prefix.
 *
 * <p>Filter order on each route: write authentication and quota (if enabled), rate limit, blob cache (must precede the response writer), body
 * limit, then the circuit breaker around the upstream call.
 */
@Configuration(proxyBeanMethods = false)
public class PublicRoutes {

    public static final String INDEXER_PREFIX = "/indexer";

    /** The chain-indexer's query routes (its controllers), as published. */
    private static final String[] INDEXER_PATHS = Stream.of(
            "/v1/blobs/{blobId}", "/v1/blobs/{blobId}/objects", "/v1/objects/{objectId}",
            "/v1/owners/{address}/blobs", "/v1/epochs/current", "/v1/committee", "/v1/events", "/v1/indexer")
            .map(path -> INDEXER_PREFIX + path).toArray(String[]::new);

    private static final int AUTH_ORDER = BlobCacheFilter.ORDER - 2;
    private static final int RATE_LIMIT_ORDER = BlobCacheFilter.ORDER - 1;
    private static final int BODY_LIMIT_ORDER = 1;
    private static final int UPSTREAM_GUARD_ORDER = 2;

    private final WalrusGatewayProperties properties;
    private final ErrorResponder errors;
    private final RateLimitSetup.Limiters limiters;
    private final KeyResolver clientKeys;
    private final ApiKeys apiKeys;
    private final WriteQuotas quotas;
    private final UpstreamGuardFilter encoderWrites;
    private final UpstreamGuardFilter encoderReads;
    private final UpstreamGuardFilter indexer;

    public PublicRoutes(WalrusGatewayProperties properties, ErrorResponder errors,
            ReactiveResilience4JCircuitBreakerFactory circuitBreakers, RateLimitSetup.Limiters limiters,
            KeyResolver clientKeys, ApiKeys apiKeys, WriteQuotas quotas) {
        this.properties = properties;
        this.apiKeys = apiKeys;
        this.quotas = quotas;
        this.errors = errors;
        this.limiters = limiters;
        this.clientKeys = clientKeys;
        // The breakers CircuitBreakerSetup configured, used directly (see UpstreamGuardFilter).
        CircuitBreakerRegistry breakers = circuitBreakers.getCircuitBreakerRegistry();
        WalrusGatewayProperties.Timeouts timeouts = properties.timeouts();
        this.encoderWrites = new UpstreamGuardFilter("encoder (publisher)",
                breakers.circuitBreaker(CircuitBreakerSetup.ENCODER_WRITES), timeouts.write(), errors);
        this.encoderReads = new UpstreamGuardFilter("encoder (aggregator)",
                breakers.circuitBreaker(CircuitBreakerSetup.ENCODER_READS), timeouts.read(), errors);
        this.indexer = new UpstreamGuardFilter("chain indexer",
                breakers.circuitBreaker(CircuitBreakerSetup.INDEXER), timeouts.indexer(), errors);
    }

    @Bean
    RouteLocator walrusRoutes(RouteLocatorBuilder routes, BlobCache blobCache) {
        long maxBlobBody = properties.maxBodySize().toBytes();
        return routes.routes()
                .route("blob-writes", route -> route.order(0)
                        .method(PUT).and().path("/v1/blobs")
                        .filters(f -> encoderWrite(f, maxBlobBody))
                        .uri(POOL_URI))
                .route("blob-reads", route -> route.order(2)
                        .method(GET, HEAD).and().path("/v1/blobs/{blobId}")
                        .filters(f -> encoderRead(cached(f, blobCache)))
                        .uri(POOL_URI))
                .route("encoder-reads", route -> route.order(3)
                        .method(GET, HEAD).and()
                        .path("/v1/blobs/by-object-id/{objectId}", "/v1/blobs/{blobId}/byte-range",
                                "/v1alpha/blobs/{blobId}/stream", "/status")
                        .filters(this::encoderRead)
                        .uri(POOL_URI))
                .route("blob-concat", route -> route.order(4)
                        .method(GET, HEAD, POST).and().path("/v1alpha/blobs/concat")
                        .filters(f -> encoderRead(bodyLimited(f, maxBlobBody)))
                        .uri(POOL_URI))
                .route("indexer", route -> route.order(5)
                        .method(GET, HEAD).and().path(INDEXER_PATHS)
                        .filters(f -> rateLimited(f, limiters.reads()).stripPrefix(1).filter(indexer, UPSTREAM_GUARD_ORDER))
                        .uri(properties.indexerUrl()))
                .build();
    }

    private GatewayFilterSpec encoderWrite(GatewayFilterSpec filters, long maxBody) {
        if (properties.auth().enabled()) {
            filters = filters.filter(new WriteAuthFilter(apiKeys, quotas, maxBody, errors), AUTH_ORDER);
        }
        return bodyLimited(rateLimited(filters, limiters.writes()), maxBody).filter(encoderWrites, UPSTREAM_GUARD_ORDER);
    }

    private GatewayFilterSpec encoderRead(GatewayFilterSpec filters) {
        return rateLimited(filters, limiters.reads()).filter(encoderReads, UPSTREAM_GUARD_ORDER);
    }

    private GatewayFilterSpec rateLimited(GatewayFilterSpec filters, TokenBucketRateLimiter limiter) {
        if (!properties.rateLimit().enabled()) {
            return filters;
        }
        return filters.filter(new RateLimitFilter(limiter, clientKeys, errors), RATE_LIMIT_ORDER);
    }

    private GatewayFilterSpec cached(GatewayFilterSpec filters, BlobCache blobCache) {
        if (!properties.cache().enabled()) {
            return filters;
        }
        return filters.filter(new BlobCacheFilter(blobCache), BlobCacheFilter.ORDER);
    }

    private GatewayFilterSpec bodyLimited(GatewayFilterSpec filters, long limitBytes) {
        WalrusGatewayProperties.BodyDeadline deadline = properties.bodyDeadline();
        return filters.filter(new BodySizeLimitFilter(limitBytes,
                new BodyDeadline(deadline.grace(), deadline.minimumRate().toBytes()), errors), BODY_LIMIT_ORDER);
    }
}
