package io.walrusj.encoder.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Set;
import java.util.function.Function;

/**
 * Who a request comes from, for per-client limits: the peer's address, or, when the peer is one of
 * the trusted proxies (the gateway), the right-most {@code X-Forwarded-For} entry, which that proxy
 * appended (entries further left are whatever the client claimed and are ignored).
 */
public final class ClientAddress implements Function<HttpServletRequest, String> {
    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final Set<String> trustedProxies;

    public ClientAddress(Collection<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    @Override
    public String apply(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String last = null;
        for (Enumeration<String> values = request.getHeaders(X_FORWARDED_FOR); values != null && values.hasMoreElements(); ) {
            for (String hop : values.nextElement().split(",")) {
                if (!hop.isBlank()) {
                    last = hop.strip();
                }
            }
        }
        return last != null ? last : peer;
    }
}
