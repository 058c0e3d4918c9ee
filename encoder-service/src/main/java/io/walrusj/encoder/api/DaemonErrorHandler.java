package io.walrusj.encoder.api;

import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import java.util.Map;
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

    @ExceptionHandler(DaemonException.class)
    public ResponseEntity<Map<String, Object>> daemon(DaemonException e) {
        if (e.status() == ErrorStatus.INTERNAL) {
            LOG.error("internal error: {}", e.getMessage(), e);
        }
        return render(e.toBody());
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
        ErrorBody body = ErrorBody.internal();
        LOG.error("internal error ({})", body.traceDetail().orElseThrow(), e);
        return render(body);
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

    static ResponseEntity<Map<String, Object>> render(ErrorBody body) {
        return ResponseEntity.status(body.code()).contentType(MediaType.APPLICATION_JSON).body(body.toJson());
    }
}
