package io.walrusj.gateway.auth;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.error.ErrorResponder;
import io.walrusj.gateway.error.GatewayError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates a write by its API key ({@code X-API-Key: <key>} or {@code Authorization: Bearer <key>})
 * and holds its size against the client's quota while it runs: 401 without a valid key, 403
 * {@code QUOTA_EXCEEDED} over quota. The key is not forwarded to the encoder. The reservation is
 * the declared {@code Content-Length} (a chunked body reserves the route's body limit); a 2xx
 * answer commits the bytes actually sent, anything else hands the reservation back.
 */
public class WriteAuthFilter implements GatewayFilter {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final WriteQuotas quotas;
    private final long maxBodyBytes;
    private final ErrorResponder errors;

    public WriteAuthFilter(ApiKeys keys, WriteQuotas quotas, long maxBodyBytes, ErrorResponder errors) {
        this.keys = keys;
        this.quotas = quotas;
        this.maxBodyBytes = maxBodyBytes;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        String apiKey = headers.getFirst(API_KEY_HEADER);
        boolean fromAuthorization = apiKey == null;
        if (fromAuthorization) {
            String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
            apiKey = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? authorization.substring(BEARER.length()).strip() : null;
        }
        Optional<ApiKeys.Client> client = keys.authenticate(apiKey);
        if (client.isEmpty()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"walrus-gateway\"");
            return errors.respond(exchange, GatewayError.unauthenticated(apiKey == null
                    ? "writes need an API key (X-API-Key or Authorization: Bearer)" : "the API key is not valid"));
        }
        long declared = headers.getContentLength();
        long epochs = epochs(request.getQueryParams().getFirst("epochs"));
        WriteQuotas.Decision decision = quotas.reserve(client.get(), declared >= 0 ? declared : maxBodyBytes, epochs);
        if (decision instanceof WriteQuotas.Refused refused) {
            return errors.respond(exchange, GatewayError.quotaExceeded(refused.message()));
        }
        WriteQuotas.Reservation reservation = ((WriteQuotas.Granted) decision).reservation();
        AtomicLong sent = new AtomicLong();
        ServerHttpRequest forwarded = new ServerHttpRequestDecorator(request.mutate()
                .headers(h -> {
                    h.remove(API_KEY_HEADER);
                    if (fromAuthorization) {
                        h.remove(HttpHeaders.AUTHORIZATION);
                    }
                }).build()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().doOnNext(buffer -> sent.addAndGet(buffer.readableByteCount()));
            }
        };
        return chain.filter(exchange.mutate().request(forwarded).build())
                .doOnSuccess(done -> {
                    HttpStatusCode status = exchange.getResponse().getStatusCode();
                    if (status != null && status.is2xxSuccessful()) {
                        reservation.commit(sent.get());
                    } else {
                        reservation.release();
                    }
                })
                .doOnError(failure -> reservation.release())
                .doOnCancel(reservation::release);
    }

    /** The store's epochs (Walrus default 1); a value the publisher will reject counts as 1. */
    private static long epochs(String query) {
        if (query == null) {
            return 1;
        }
        try {
            return Math.max(1, Long.parseLong(query.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public String toString() {
        return "WriteAuth[API keys, quotas]";
    }
}
