package io.walrusj.gateway.error;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.walrusj.gateway.web.RequestBodies;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a {@link GatewayError} as the complete response of an exchange. */
@Component
public class ErrorResponder {

    private final JsonMapper json;

    public ErrorResponder(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> respond(ServerWebExchange exchange, GatewayError error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Headers already left (e.g. a stream broke mid-way): nothing sensible can be written any more.
            return Mono.empty();
        }
        byte[] body = json.writeValueAsBytes(error.body());
        response.setStatusCode(error.httpStatus());
        if (RequestBodies.hasBody(exchange.getRequest())) {
            // The body may be unread or half read: only closing the connection leaves it in a known
            // state (and keeps Reactor Netty from stalling it, see SettleBodylessRequestsFilter).
            response.getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
