package io.walrusj.gateway.routing;

import static io.walrusj.gateway.routing.EncoderPoolFilter.POOL_URI;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.walrusj.gateway.WalrusGatewayProperties;
import io.walrusj.gateway.cache.BlobCache;
import io.walrusj.gateway.cache.BlobCacheFilter;
import io.walrusj.gateway.error.ErrorResponder;
import io.walrusj.gateway.limits.BodySizeLimitFilter;
import io.walrusj.gateway.limits.RateLimitFilter;
import io.walrusj.gateway.limits.RateLimitSetup;
import io.walrusj.gateway.limits.TokenBucketRateLimiter;
import io.walrusj.gateway.resilience.CircuitBreakerSetup;
import io.walrusj.gateway.resilience.UpstreamGuardFilter;

/**
 * The public route table. Walrus publisher/aggregator paths go to the encoder pool unchanged; the
 * chain-indexer's query API, whose {@code /v1/blobs/{id}} would collide with the aggregator's, is
 * published under {@code /indexer} and forwarded without that prefix.
 *
 * <p>Filter order on each route: rate limit, blob cache (must precede the response writer), body
 * limit, then the circuit breaker around the upstream call.
 */
@Configuration(proxyBeanMethods = false)
public class PublicRoutes {

    public static final String INDEXER_PREFIX = "/indexer";

    private static final int RATE_LIMIT_ORDER = BlobCacheFilter.ORDER - 1;
    private static final int BODY_LIMIT_ORDER = 1;
    private static final int UPSTREAM_GUARD_ORDER = 2;

    private final WalrusGatewayProperties properties;
    private final ErrorResponder errors;
    private final RateLimitSetup.Limiters limiters;
    private final KeyResolver clientKeys;
    private final UpstreamGuardFilter encoderWrites;
    private final UpstreamGuardFilter encoderReads;
    private final UpstreamGuardFilter indexer;

    public PublicRoutes(WalrusGatewayProperties properties, ErrorResponder errors,
            ReactiveCircuitBreakerFactory<?, ?> circuitBreakers, RateLimitSetup.Limiters limiters,
            KeyResolver clientKeys) {
        this.properties = properties;
        this.errors = errors;
        this.limiters = limiters;
        this.clientKeys = clientKeys;
        this.encoderWrites = new UpstreamGuardFilter("encoder (publisher)",
                circuitBreakers.create(CircuitBreakerSetup.ENCODER_WRITES), errors);
        this.encoderReads = new UpstreamGuardFilter("encoder (aggregator)",
                circuitBreakers.create(CircuitBreakerSetup.ENCODER_READS), errors);
        this.indexer = new UpstreamGuardFilter("chain indexer",
                circuitBreakers.create(CircuitBreakerSetup.INDEXER), errors);
    }

    @Bean
    RouteLocator walrusRoutes(RouteLocatorBuilder routes, BlobCache blobCache) {
        long maxBlobBody = properties.maxBodySize().toBytes();
        long maxQuiltBody = properties.maxQuiltBodySize().toBytes();
        return routes.routes()
                .route("blob-writes", route -> route.order(0)
                        .method(PUT).and().path("/v1/blobs")
                        .filters(f -> encoderWrite(f, maxBlobBody))
                        .uri(POOL_URI))
                .route("quilt-writes", route -> route.order(1)
                        .method(PUT).and().path("/v1/quilts")
                        .filters(f -> encoderWrite(f, maxQuiltBody))
                        .uri(POOL_URI))
                .route("blob-reads", route -> route.order(2)
                        .method(GET, HEAD).and().path("/v1/blobs/{blobId}")
                        .filters(f -> encoderRead(cached(f, blobCache)))
                        .uri(POOL_URI))
                .route("encoder-reads", route -> route.order(3)
                        .method(GET, HEAD).and()
                        .path("/v1/blobs/**", "/v1/quilts/**", "/v1alpha/blobs/{blobId}/stream", "/status")
                        .filters(this::encoderRead)
                        .uri(POOL_URI))
                .route("blob-concat", route -> route.order(4)
                        .method(GET, HEAD, POST).and().path("/v1alpha/blobs/concat")
                        .filters(f -> encoderRead(bodyLimited(f, maxBlobBody)))
                        .uri(POOL_URI))
                .route("indexer", route -> route.order(5)
                        .method(GET, HEAD).and().path(INDEXER_PREFIX + "/v1/**")
                        .filters(f -> rateLimited(f, limiters.reads()).stripPrefix(1).filter(indexer, UPSTREAM_GUARD_ORDER))
                        .uri(properties.indexerUrl()))
                .build();
    }

    private GatewayFilterSpec encoderWrite(GatewayFilterSpec filters, long maxBody) {
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
        return filters.filter(new BodySizeLimitFilter(limitBytes, errors), BODY_LIMIT_ORDER);
    }
}
