package io.walrusj.encoder.api;

import io.walrusj.core.status.ErrorBody;
import io.walrusj.core.status.ErrorStatus;
import io.walrusj.web.ServiceErrorBody;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
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
 * Requests Tomcat rejects and the error path get the JSON body too ({@link #serviceErrorBody}, service-web).
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
        // (a client that went away never gets here: service-web's ClientDisconnectResolver runs first)
        ErrorBody body = ErrorBody.internal();
        LOG.error("internal error ({})", body.traceDetail().orElseThrow(), e);
        return render(body);
    }

    /** The body of errors no handler answers (requests Tomcat rejects, the error path): {@code REQUEST_REJECTED}. */
    @Bean
    static ServiceErrorBody serviceErrorBody() {
        return (status, message) -> ErrorBody.rejected(status, DaemonException.DOMAIN, message).toJson();
    }

    static ResponseEntity<String> plain(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message);
    }

    static ResponseEntity<Map<String, Object>> render(ErrorBody body) {
        return ResponseEntity.status(body.code()).contentType(MediaType.APPLICATION_JSON).body(body.toJson());
    }
}
