package io.walrusj.storage.api;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link ApiException} as the node's JSON error body, {@link PathRejection} as plain text, anything else as INTERNAL_ERROR. */
@RestControllerAdvice(assignableTypes = {StorageNodeController.class, RecoveryController.class, SyncShardController.class})
public class ApiErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);
    static final String INTERNAL_MESSAGE = "an internal error has occurred, please report it";

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Map<String, Object>> api(ApiException e) {
        return body(e.status(), e.getMessage(), errorInfo(e.reason(), e.domain(), e.metadata()), null);
    }

    @ExceptionHandler(PathRejection.class)
    public ResponseEntity<String> path(PathRejection e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> internal(Exception e) {
        String trace = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        LOG.error("internal error (TraceID {})", trace, e);
        Map<String, Object> debug = new LinkedHashMap<>();
        debug.put("@type", "DebugInfo");
        debug.put("stackEntries", List.of());
        debug.put("detail", "TraceID: " + trace);
        return body(ApiException.Status.INTERNAL, INTERNAL_MESSAGE, errorInfo("INTERNAL_ERROR", ApiException.GLOBAL, Map.of()), debug);
    }

    private static Map<String, Object> errorInfo(String reason, String domain, Map<String, Object> metadata) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "ErrorInfo");
        info.put("reason", reason);
        info.put("domain", domain);
        info.put("metadata", metadata);
        return info;
    }

    private static ResponseEntity<Map<String, Object>> body(ApiException.Status status, String message,
            Map<String, Object> info, Map<String, Object> debug) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.http());
        error.put("status", status.name());
        error.put("message", message);
        error.put("details", debug == null ? List.of(info) : List.of(info, debug));
        return ResponseEntity.status(status.http()).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
