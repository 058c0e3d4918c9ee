package io.walrusj.storage.api;

import io.walrusj.core.status.ErrorBody;
import io.walrusj.web.ServiceErrorBody;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders {@link ApiException} as the node's JSON error body, {@link PathRejection} as plain text, anything else as
 * INTERNAL_ERROR. Requests Tomcat rejects and the error path get the same JSON body ({@link #serviceErrorBody},
 * service-web); client disconnects never get here (service-web logs them at DEBUG).
 */
@RestControllerAdvice(assignableTypes = {StorageNodeController.class, ConfirmationController.class, RecoveryController.class,
        SyncShardController.class})
public class ApiErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Map<String, Object>> api(ApiException e) {
        return render(e.toBody());
    }

    @ExceptionHandler(PathRejection.class)
    public ResponseEntity<String> path(PathRejection e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Map<String, Object>> internal(Exception e) {
        ErrorBody body = ErrorBody.internal();
        LOG.error("internal error ({})", body.traceDetail().orElseThrow(), e);
        return render(body);
    }

    /** The body of errors no handler answers: {@code REQUEST_REJECTED} in the node's domain. */
    @Bean
    static ServiceErrorBody serviceErrorBody() {
        return (status, message) -> ErrorBody.rejected(status, ApiException.DOMAIN, message).toJson();
    }

    static ResponseEntity<Map<String, Object>> render(ErrorBody body) {
        return ResponseEntity.status(body.code()).contentType(MediaType.APPLICATION_JSON).body(body.toJson());
    }
}
