package io.walrusj.gateway.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the gateway itself answers, rendered in the Walrus/AIP-193 {@code Status} shape that
 * publishers, aggregators and storage nodes use, so Walrus clients parse it like any other error:
 * {@code {"error":{"code","status","message","details":[{"@type":"ErrorInfo","reason","domain","metadata"}]}}}.
 */
public record GatewayError(HttpStatus httpStatus, String status, String reason, String message) {

    public static final String DOMAIN = "gateway.walrus.space";

    public static GatewayError upstreamUnavailable(String message) {
        return new GatewayError(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "UPSTREAM_UNAVAILABLE", message);
    }

    public static GatewayError upstreamTimeout(String message) {
        return new GatewayError(HttpStatus.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED", "UPSTREAM_TIMEOUT", message);
    }

    public static GatewayError bodyTooLarge(long limitBytes) {
        return new GatewayError(HttpStatus.CONTENT_TOO_LARGE, "SIZE_EXCEEDED", "BODY_TOO_LARGE",
                "the request body exceeds the limit of " + limitBytes + " bytes");
    }

    public static GatewayError bodyTooSlow(String message) {
        return new GatewayError(HttpStatus.REQUEST_TIMEOUT, "DEADLINE_EXCEEDED", "REQUEST_BODY_TIMEOUT", message);
    }

    /** The client's body broke off or ended short of its {@code Content-Length} (if it is still there to hear it). */
    public static GatewayError incompleteBody(String message) {
        return new GatewayError(HttpStatus.BAD_REQUEST, "INVALID_ARGUMENT", "INCOMPLETE_BODY", message);
    }

    public static GatewayError unauthenticated(String message) {
        return new GatewayError(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "INVALID_API_KEY", message);
    }

    public static GatewayError quotaExceeded(String message) {
        return new GatewayError(HttpStatus.FORBIDDEN, "PERMISSION_DENIED", "QUOTA_EXCEEDED", message);
    }

    public static GatewayError rateLimited() {
        return new GatewayError(HttpStatus.TOO_MANY_REQUESTS, "RESOURCE_EXHAUSTED", "RATE_LIMITED",
                "the gateway is receiving too many requests from this client; please try again later");
    }

    /** The JSON tree of the body, fields in the order Walrus writes them. */
    public Map<String, Object> body() {
        Map<String, Object> errorInfo = new LinkedHashMap<>();
        errorInfo.put("@type", "ErrorInfo");
        errorInfo.put("reason", reason);
        errorInfo.put("domain", DOMAIN);
        errorInfo.put("metadata", Map.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", httpStatus.value());
        error.put("status", status);
        error.put("message", message);
        error.put("details", List.of(errorInfo));
        return Map.of("error", error);
    }
}
