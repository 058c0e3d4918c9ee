package io.walrusj.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Handles a request without a body only once its end has been read off the connection.
 *
 * <p>Works around a Reactor Netty 1.3.x bug (reactor/reactor-netty#4361, #4347): when an answer is
 * complete before the request's trailing {@code LastHttpContent} has been processed (the gateway
 * answers 429, 304, cache hits, open circuits and its own documents without waiting for anything),
 * that trailing content is queued, and after draining it the server never reads from the
 * keep-alive connection again: the client's next request hangs until it gives up. Waiting for the
 * (empty) body first means no answer can overtake the end of its request. Requests with a body are
 * not touched; answers the gateway gives to them without reading the body close the connection
 * instead (see {@code ErrorResponder}).
 */
@Component
public class SettleBodylessRequestsFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (RequestBodies.hasBody(request)) {
            return chain.filter(exchange);
        }
        // The connection's body can be subscribed to once: later readers (the proxy) get an empty one.
        ServerHttpRequest settled = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.empty();
            }
        };
        return request.getBody()
                .doOnNext(DataBufferUtils::release)
                .then(Mono.defer(() -> chain.filter(exchange.mutate().request(settled).build())));
    }
}
