package io.walrusj.core.status;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON error body Walrus services answer with (storage nodes, publisher, aggregator), so
 * Walrus clients parse all errors alike. (gateway-service writes the same shape in its own
 * {@code GatewayError}: it does not depend on walrus-core.)
 * {@code {"error":{"code","status","message","details":[{"@type":"ErrorInfo","reason","domain","metadata"}]}}},
 * plus a {@code DebugInfo} entry carrying a trace id for internal errors. Fields keep Walrus' order.
 *
 * @param code        the HTTP status answered
 * @param status      the AIP-193 status name
 * @param traceDetail {@code "TraceID: ..."} of an internal error, logged beside the stack trace
 */
public record ErrorBody(int code, String status, String reason, String domain, String message,
        Map<String, Object> metadata, Optional<String> traceDetail) {

    /** Domain of errors that belong to no service in particular (internal errors, overload). */
    public static final String GLOBAL = "global";
    public static final String INTERNAL_MESSAGE = "an internal error has occurred, please report it";

    public ErrorBody {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(domain, "domain");
        metadata = Map.copyOf(metadata);
    }

    public static ErrorBody of(ErrorStatus status, String reason, String domain, String message, Map<String, Object> metadata) {
        return new ErrorBody(status.http(), status.name(), reason, domain, message, metadata, Optional.empty());
    }

    /**
     * A request the HTTP server answered before any handler (a rejected path, an unknown route):
     * the status named by {@link ErrorStatus#forHttp}, reason {@code REQUEST_REJECTED} (5xx:
     * {@code INTERNAL_ERROR}), the given HTTP code.
     */
    public static ErrorBody rejected(int code, String domain, String message) {
        ErrorStatus status = ErrorStatus.forHttp(code);
        return new ErrorBody(code, status.name(), code >= 500 ? "INTERNAL_ERROR" : "REQUEST_REJECTED", domain, message,
                Map.of(), Optional.empty());
    }

    /** 500 {@code INTERNAL_ERROR} with a fresh trace id, to be logged with the failure. */
    public static ErrorBody internal() {
        String trace = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return new ErrorBody(ErrorStatus.INTERNAL.http(), ErrorStatus.INTERNAL.name(), "INTERNAL_ERROR", GLOBAL,
                INTERNAL_MESSAGE, Map.of(), Optional.of("TraceID: " + trace));
    }

    /** The JSON tree (maps and lists in Walrus' field order) for any JSON writer. */
    public Map<String, Object> toJson() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "ErrorInfo");
        info.put("reason", reason);
        info.put("domain", domain);
        info.put("metadata", metadata);
        List<Object> details = traceDetail.<List<Object>>map(detail -> {
            Map<String, Object> debug = new LinkedHashMap<>();
            debug.put("@type", "DebugInfo");
            debug.put("stackEntries", List.of());
            debug.put("detail", detail);
            return List.of(info, debug);
        }).orElse(List.of(info));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("status", status);
        error.put("message", message);
        error.put("details", details);
        return Map.of("error", error);
    }
}
