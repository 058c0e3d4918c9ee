package io.walrusj.gateway.limits;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the upstream who the client is: the request leaves the gateway with exactly one
 * {@code X-Forwarded-For} entry, the identity the gateway itself uses for rate limiting
 * ({@link ClientAddressKeyResolver}: the peer address, or the trusted proxy's entry). Whatever the
 * client sent in that header is dropped, so it cannot pick its own identity upstream. The encoder,
 * which trusts the gateway's address as a proxy, counts its per-client publisher places by it;
 * without it every client behind the gateway would be one client there.
 *
 * <p>A header filter of the routing filter (the last step before the request is sent), after
 * Spring Cloud Gateway's own forwarding filters, which drop the header unless trusted proxies are
 * configured.
 */
public class ForwardedClientFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ClientAddressKeyResolver clients;

    public ForwardedClientFilter(ClientAddressKeyResolver clients) {
        this.clients = clients;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(X_FORWARDED_FOR, clients.clientOf(exchange));
        return headers;
    }
}
