package io.walrusj.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.ConnectException;
import java.net.URI;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * Resolves routes addressed to {@value #POOL_URI} to one encoder replica: runs right after
 * {@link RouteToRequestUrlFilter} has merged the route URI with the request path (where Spring
 * Cloud LoadBalancer's filter would sit), and only swaps scheme, host and port, so the encoded path
 * and query reach the replica untouched.
 */
public class EncoderPoolFilter implements GlobalFilter, Ordered {

    /** The route URI that stands for "any encoder replica". */
    public static final String POOL_URI = "encoders://pool";

    private static final String POOL_SCHEME = "encoders";

    private final EncoderPool pool;

    public EncoderPoolFilter(EncoderPool pool) {
        this.pool = pool;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 150;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI url = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        if (url == null || !POOL_SCHEME.equals(url.getScheme())) {
            return chain.filter(exchange);
        }
        URI replica = pool.choose();
        URI target = UriComponentsBuilder.fromUri(url)
                .scheme(replica.getScheme())
                .host(replica.getHost())
                .port(replica.getPort())
                .build(true)
                .toUri();
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
        return chain.filter(exchange)
                .doOnSuccess(done -> pool.reportReachable(replica))
                .doOnError(error -> {
                    if (isConnectFailure(error)) {
                        pool.reportUnreachable(replica);
                    }
                });
    }

    private static boolean isConnectFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
