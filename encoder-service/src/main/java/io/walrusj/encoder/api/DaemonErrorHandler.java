package io.walrusj.encoder.api;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders errors as the Walrus daemon does: {@link DaemonException} as the JSON {@code Status}
 * body, {@link FrameworkRejection} and Spring's parameter binding failures as plain-text 400,
 * anything else as 500 {@code INTERNAL_ERROR} (domain {@code global}) with a trace id in the log.
 */
@RestControllerAdvice
public class DaemonErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonErrorHandler.class);
    static final String INTERNAL_MESSAGE = "an internal error has occurred, please report it";

    @ExceptionHandler(DaemonException.class)
    public ResponseEntity<Map<String, Object>> daemon(DaemonException e) {
        if (e.status() == DaemonException.Status.INTERNAL) {
            LOG.error("internal error: {}", e.getMessage(), e);
        }
        return body(e.status(), e.getMessage(), errorInfo(e.reason(), e.domain(), e.metadata()), null);
    }

    @ExceptionHandler({FrameworkRejection.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    public ResponseEntity<String> rejection(Exception e) {
        return plain(400, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<String> method(HttpRequestMethodNotSupportedException e) {
        return plain(405, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<String> mediaType(HttpMediaTypeNotSupportedException e) {
        return plain(415, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<String> noRoute(NoResourceFoundException e) {
        return plain(404, "not found");
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> internal(Exception e) {
        if (isClientAbort(e)) {
            // the client went away while a body was written: nothing to answer, nothing wrong here
            LOG.debug("client disconnected: {}", e.toString());
            return null;
        }
        String trace = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        LOG.error("internal error (TraceID {})", trace, e);
        Map<String, Object> debug = new LinkedHashMap<>();
        debug.put("@type", "DebugInfo");
        debug.put("stackEntries", List.of());
        debug.put("detail", "TraceID: " + trace);
        return body(DaemonException.Status.INTERNAL, INTERNAL_MESSAGE,
                errorInfo("INTERNAL_ERROR", DaemonException.GLOBAL, Map.of()), debug);
    }

    private static boolean isClientAbort(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.equals("ClientAbortException") || name.equals("AsyncRequestNotUsableException")
                    || name.equals("EofException")) {
                return true;
            }
            if (t instanceof java.io.IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("Connection reset"))) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<String> plain(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }

    private static Map<String, Object> errorInfo(String reason, String domain, Map<String, Object> metadata) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("@type", "ErrorInfo");
        info.put("reason", reason);
        info.put("domain", domain);
        info.put("metadata", metadata);
        return info;
    }

    private static ResponseEntity<Map<String, Object>> body(DaemonException.Status status, String message,
            Map<String, Object> info, Map<String, Object> debug) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.http());
        error.put("status", status.name());
        error.put("message", message);
        error.put("details", debug == null ? List.of(info) : List.of(info, debug));
        return ResponseEntity.status(status.http()).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
    }
}
