package io.walrusj.gateway.limits;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.WalrusGatewayProperties.ClientKey;
import reactor.core.publisher.Mono;

/**
 * The rate-limiting identity of a request: its peer IP, or the X-Forwarded-For entry appended by
 * the {@code trustedProxies}-th proxy counted from the gateway (entries further left are whatever
 * the client chose to send, so trusting them would let anyone pick their own bucket). Unlike
 * Spring Cloud Gateway's XForwardedRemoteAddressResolver this never resolves the value as a host
 * name, so a forged header cannot trigger DNS lookups on the event loop.
 */
public class ClientAddressKeyResolver implements KeyResolver {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final String UNKNOWN = "unknown";

    private final ClientKey source;
    private final int trustedProxies;

    public ClientAddressKeyResolver(ClientKey source, int trustedProxies) {
        this.source = source;
        this.trustedProxies = trustedProxies;
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return Mono.just(clientOf(exchange));
    }

    /** The client's identity, as {@link #resolve} gives it. */
    public String clientOf(ServerWebExchange exchange) {
        if (source == ClientKey.X_FORWARDED_FOR) {
            List<String> hops = forwardedHops(exchange);
            if (!hops.isEmpty()) {
                return hops.get(Math.max(0, hops.size() - trustedProxies));
            }
        }
        return peerAddress(exchange);
    }

    private static List<String> forwardedHops(ServerWebExchange exchange) {
        List<String> hops = new ArrayList<>();
        for (String header : exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    private static String peerAddress(ServerWebExchange exchange) {
        InetSocketAddress peer = exchange.getRequest().getRemoteAddress();
        if (peer == null) {
            return UNKNOWN;
        }
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }
}
