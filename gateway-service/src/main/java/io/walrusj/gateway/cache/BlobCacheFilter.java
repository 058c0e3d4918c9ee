package io.walrusj.gateway.cache;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Answers {@code GET /v1/blobs/{blobId}} from memory when it can. A blob's content never changes for
 * its ID and the aggregator's ETag is the blob ID, so {@code If-None-Match: <blobId>} is answered 304
 * without asking anyone, and a cached full answer is as good as a fresh one.
 *
 * <p>Must run before {@link NettyWriteResponseFilter} (order {@value #ORDER}) so that the body the
 * upstream sends passes through {@link CachingResponse}.
 */
public class BlobCacheFilter implements GatewayFilter {

    public static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;

    static final String PATH_VARIABLE = "blobId";

    /** What the aggregator sends with every blob (client HTTP API 3.1), used when nothing is cached. */
    private static final String WALRUS_CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=3600";

    private final BlobCache cache;

    public BlobCacheFilter(BlobCache cache) {
        this.cache = cache;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String blobId = ServerWebExchangeUtils.getUriTemplateVariables(exchange).get(PATH_VARIABLE);
        ServerHttpRequest request = exchange.getRequest();
        if (!BlobReadRequests.isBlobId(blobId)) {
            return chain.filter(exchange);
        }
        if (BlobReadRequests.ifNoneMatchNames(request, blobId)) {
            return notModified(exchange.getResponse(), blobId);
        }
        if (!BlobReadRequests.isPlainFullRead(request)) {
            return chain.filter(exchange);
        }
        return cache.get(blobId)
                .map(hit -> replay(exchange, hit))
                .orElseGet(() -> chain.filter(exchange.mutate()
                        .response(new CachingResponse(exchange.getResponse(), cache.maxEntryBytes(),
                                blob -> cache.put(blobId, blob)))
                        .build()));
    }

    private Mono<Void> notModified(ServerHttpResponse response, String blobId) {
        response.setStatusCode(HttpStatus.NOT_MODIFIED);
        HttpHeaders headers = response.getHeaders();
        cache.get(blobId).ifPresent(hit -> hit.headers().forEach(headers::put));
        headers.set(HttpHeaders.ETAG, blobId);
        if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
            headers.set(HttpHeaders.CACHE_CONTROL, WALRUS_CACHE_CONTROL);
        }
        return response.setComplete();
    }

    private static Mono<Void> replay(ServerWebExchange exchange, CachedBlob hit) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        hit.headers().forEach(headers::put);
        String contentType = BlobReadRequests.walrusContentType(exchange.getRequest());
        if (contentType != null) {
            headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        }
        headers.setContentLength(hit.content().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(hit.content())));
    }

    @Override
    public String toString() {
        return "BlobCache";
    }
}
