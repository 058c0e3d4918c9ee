package io.walrusj.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;

/**
 * Errors no filter answered (no route: 404; a wrong method; a malformed request; an unexpected
 * failure) as the gateway's Walrus-shaped JSON body, whatever the client accepts. Replaces Spring
 * Boot's handler, which sends its HTML whitelabel page to clients accepting {@code text/html}
 * (e.g. {@code GET /%2e%2e/} from a browser). A client that went away gets nothing and no error log.
 */
@Component
@Order(-2) // before WebFlux's own WebExceptionHandlers, like Spring Boot's
public class JsonErrorWebExceptionHandler implements ErrorWebExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorWebExceptionHandler.class);

    private final ErrorResponder responder;

    public JsonErrorWebExceptionHandler(ErrorResponder responder) {
        this.responder = responder;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            return Mono.error(ex); // WebFlux logs a disconnected client at DEBUG
        }
        HttpStatus status = ex instanceof ResponseStatusException r ? HttpStatus.resolve(r.getStatusCode().value()) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message;
        if (status.is5xxServerError()) {
            LOG.error("{} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
            message = status.getReasonPhrase();
        } else {
            String reason = ex instanceof ResponseStatusException r ? r.getReason() : null;
            message = reason == null || reason.isBlank() ? status.getReasonPhrase()
                    : reason.substring(0, Math.min(reason.length(), 200));
        }
        return responder.respond(exchange, new GatewayError(status, statusName(status),
                status.is5xxServerError() ? "INTERNAL_ERROR" : "REQUEST_REJECTED", message));
    }

    /** The AIP-193 status name Walrus uses for this HTTP code. */
    static String statusName(HttpStatus status) {
        return switch (status.value()) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status.is5xxServerError() ? "INTERNAL" : "INVALID_ARGUMENT";
        };
    }
}
